import { SYMBOLS, TABLE, tableCell } from './periodic-table';

describe('periodic table layout', () => {
  test('118 elements, each in its own cell', () => {
    expect(SYMBOLS).toHaveLength(118);
    expect(new Set(TABLE.map((c) => `${c.row}/${c.column}`)).size).toBe(118);
  });

  test('the elements of this catalog sit in their groups and periods', () => {
    const where = (s: string) => {
      const c = TABLE.find((x) => x.symbol === s)!;
      return [c.row, c.column];
    };
    expect(where('H')).toEqual([1, 1]);
    expect(where('He')).toEqual([1, 18]);
    expect(where('C')).toEqual([2, 14]);
    expect(where('N')).toEqual([2, 15]);
    expect(where('S')).toEqual([3, 16]);
    expect(where('V')).toEqual([4, 5]);
    expect(where('Fe')).toEqual([4, 8]);
    expect(where('Co')).toEqual([4, 9]);
    expect(where('Mo')).toEqual([5, 6]);
    expect(where('Rh')).toEqual([5, 9]);
    expect(where('Ta')).toEqual([6, 5]);
    expect(where('Au')).toEqual([6, 11]);
    expect(where('Og')).toEqual([7, 18]);
  });

  test('lanthanides and actinides in the two rows below', () => {
    expect(tableCell(57)).toMatchObject({ symbol: 'La', row: 9, column: 3 });
    expect(tableCell(71)).toMatchObject({ symbol: 'Lu', row: 9, column: 17 });
    expect(tableCell(103)).toMatchObject({ symbol: 'Lr', row: 10, column: 17 });
  });
});
