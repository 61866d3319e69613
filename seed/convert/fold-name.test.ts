import { FormulaError } from '../../server/src/chem/formula';
import { parseFoldName } from './fold-name';

describe('parseFoldName', () => {
  it('reads formula-isomer-M<multiplicity> (Mo2S1-1-M2)', () => {
    expect(parseFoldName('Mo2S1-1-M2')).toEqual({
      foldName: 'Mo2S1-1-M2',
      formula: 'Mo2S',
      composition: [
        { element: 'Mo', count: 2 },
        { element: 'S', count: 1 },
      ],
      isomerId: '1',
      multiplicity: 2,
    });
    expect(parseFoldName('Fe3C4-11-M10')).toMatchObject({ formula: 'Fe3C4', isomerId: '11', multiplicity: 10 });
    expect(parseFoldName('Co3H2-01-M7')).toMatchObject({ formula: 'Co3H2', isomerId: '01', multiplicity: 7 });
    expect(parseFoldName('Ta3S1C-3-M2')).toMatchObject({ formula: 'Ta3SC', isomerId: '3', multiplicity: 2 });
  });

  it('reads formula-M<multiplicity>-isomer (Mo4C3-M6-01), keeping leading zeros of the isomer id', () => {
    expect(parseFoldName('Mo4C3-M6-01')).toMatchObject({ formula: 'Mo4C3', isomerId: '01', multiplicity: 6 });
    expect(parseFoldName('V3C5-M1-13')).toMatchObject({ formula: 'V3C5', isomerId: '13', multiplicity: 1 });
  });

  it('reads formula-M<multiplicity> without an isomer id (Rh3-M5)', () => {
    expect(parseFoldName('Rh3-M5')).toMatchObject({ formula: 'Rh3', isomerId: null, multiplicity: 5 });
    expect(parseFoldName('Ta3N3H-M3')).toMatchObject({ formula: 'Ta3N3H', isomerId: null, multiplicity: 3 });
  });

  it.each([
    ['Mo2S1', /matches none of/],
    ['Mo2S1-1', /matches none of/],
    ['Mo2S1-1-M', /matches none of/],
    ['Mo2S1¯-1-M2', /matches none of/],
    ['Mo2S1-1-M0', /multiplicity 0, expected 1 or more/],
    ['Mo2Xx1-1-M2', /unknown element "Xx" at position 4/],
  ])('rejects %j', (name, message) => {
    expect(() => parseFoldName(name)).toThrow(FormulaError);
    expect(() => parseFoldName(name)).toThrow(message);
  });
});
