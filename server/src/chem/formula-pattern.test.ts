import { FormulaPatternError, parseFormulaPattern } from './formula-pattern';

describe('parseFormulaPattern', () => {
  it('reads exact counts and treats a missing count as 1', () => {
    expect(parseFormulaPattern('Mo5S2').ranges).toEqual([
      { element: 'Mo', min: 5, max: 5 },
      { element: 'S', min: 2, max: 2 },
    ]);
    expect(parseFormulaPattern('Ta3S1C').ranges[2]).toEqual({ element: 'C', min: 1, max: 1 });
  });

  it('reads ranges, ? (one or more) and * (zero or more)', () => {
    expect(parseFormulaPattern('Mo2-5S2').ranges[0]).toEqual({ element: 'Mo', min: 2, max: 5 });
    expect(parseFormulaPattern('Mo?S2').ranges[0]).toEqual({ element: 'Mo', min: 1, max: null });
    expect(parseFormulaPattern('Ta3S*').ranges[1]).toEqual({ element: 'S', min: 0, max: null });
  });

  it('tells two-letter symbols from one-letter ones', () => {
    expect(parseFormulaPattern('Co3C').ranges.map((r) => r.element)).toEqual(['Co', 'C']);
    expect(parseFormulaPattern('Rh1Co3H2').ranges.map((r) => [r.element, r.min])).toEqual([
      ['Rh', 1],
      ['Co', 3],
      ['H', 2],
    ]);
  });

  it('ignores white space', () => {
    expect(parseFormulaPattern(' Fe2 V3 ').ranges).toHaveLength(2);
  });

  const bad: Array<[string, RegExp, number]> = [
    ['', /empty/, 1],
    ['Xx3', /unknown element "Xx" at position 1/, 1],
    ['Mo3Qq', /unknown element "Qq" at position 4/, 4],
    ['mo3', /expected an element symbol at position 1/, 1],
    ['Mo3#', /position 4/, 4],
    ['Mo5-2', /range 5-2 at position 3 is empty/, 3],
    ['Mo2-', /upper bound/, 5],
    ['MoMo', /appears twice/, 3],
    ['Mo0S', /count 0/, 3],
    ['Mo1000', /larger than 999/, 3],
  ];
  it.each(bad)('rejects %j with a message naming the position', (input, message, position) => {
    let caught: unknown;
    try {
      parseFormulaPattern(input);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(FormulaPatternError);
    expect((caught as Error).message).toMatch(message);
    expect((caught as FormulaPatternError).position).toBe(position);
  });

  it('rejects over-long input before parsing it', () => {
    expect(() => parseFormulaPattern('H'.repeat(65))).toThrow(/limit is 64/);
  });
});
