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
    ['3mo', /expected an element symbol at position 1/, 1],
    ['Mo3Xx-', /unknown element "Xx" at position 4/, 4],
    ['[Mo5Qq]-', /unknown element "Qq" at position 5/, 5],
    ['Mo3#', /position 4/, 4],
    ['Mo5-2', /range 5-2 at position 3 is empty/, 3],
    ['Mo2-+', /upper bound/, 5],
    ['-', /no elements/, 1],
    ['Mo5S2^12-', /outside/, 6],
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

  // How the ions of Mou et al. are written in papers and by users of PubChem and NIST WebBook.
  const charged: Array<[string, string, number | null]> = [
    ['Mo5S2-', 'Mo5S2', -1],
    ['Ta3H4-', 'Ta3H4', -1],
    ['Mo5S2⁻', 'Mo5S2', -1],
    ['Mo5S2−', 'Mo5S2', -1],
    ['Mo5S2+', 'Mo5S2', 1],
    ['Mo5S2⁺', 'Mo5S2', 1],
    ['Mo5S2²⁻', 'Mo5S2', -2],
    ['Mo5S2^-', 'Mo5S2', -1],
    ['Mo5S2^2-', 'Mo5S2', -2],
    ['Mo5S2^{2-}', 'Mo5S2', -2],
    ['Mo5S2 2-', 'Mo5S2', -2],
    ['Mo5S2--', 'Mo5S2', -2],
    ['[Mo5S2]-', 'Mo5S2', -1],
    ['Mo5S2 anion', 'Mo5S2', -1],
    ['Mo5S2 Anion', 'Mo5S2', -1],
    ['Mo5S2 cation', 'Mo5S2', 1],
    ['Ta3SC neutral', 'Ta3SC', 0],
    ['Ta3SC-neutral', 'Ta3SC', 0],
    ['RhCo3H2-anion', 'RhCo3H2', -1],
    ['Mo2-5S2-', 'Mo2-5S2', -1],
    ['Ta3S*-', 'Ta3S*', -1],
    ['Mo5S2', 'Mo5S2', null],
  ];
  it.each(charged)('reads the charge in %j', (input, text, charge) => {
    const p = parseFormulaPattern(input);
    expect(p.text).toBe(text);
    expect(p.charge).toBe(charge);
  });

  it('reads a trailing sign as a charge, and a sign between counts as a range', () => {
    expect(parseFormulaPattern('Mo2-')).toMatchObject({ text: 'Mo2', charge: -1 });
    expect(parseFormulaPattern('Mo2-5')).toMatchObject({ text: 'Mo2-5', charge: null });
  });

  it('reads symbols in any case when only one reading exists', () => {
    expect(parseFormulaPattern('mo5s2')).toMatchObject({ text: 'Mo5S2', charge: null, caseCorrected: true });
    expect(parseFormulaPattern('MO5S2-')).toMatchObject({ text: 'Mo5S2', charge: -1, caseCorrected: true });
    expect(parseFormulaPattern('ta3h4 anion')).toMatchObject({ text: 'Ta3H4', charge: -1, caseCorrected: true });
    expect(parseFormulaPattern('fe3s')).toMatchObject({ text: 'Fe3S', caseCorrected: true });
    // As written these are valid symbols, so they are not re-read: CO is carbon and oxygen.
    expect(parseFormulaPattern('CO')).toMatchObject({ text: 'CO', caseCorrected: false });
    expect(parseFormulaPattern('Co')).toMatchObject({ text: 'Co', caseCorrected: false });
  });

  it('asks instead of guessing when case leaves several readings', () => {
    const cases: Array<[string, string[]]> = [
      ['co', ['Co', 'CO']],
      ['co3-', ['Co3-', 'CO3-']],
      ['rh2co2h3', ['Rh2Co2H3', 'Rh2CO2H3']],
    ];
    for (const [input, alternatives] of cases) {
      let caught: unknown;
      try {
        parseFormulaPattern(input);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(FormulaPatternError);
      expect((caught as FormulaPatternError).alternatives).toEqual(alternatives);
      expect((caught as Error).message).toMatch(/capitals/);
      for (const a of alternatives) expect(() => parseFormulaPattern(a)).not.toThrow();
    }
  });

  it('stays fast on the worst inputs the length cap allows', () => {
    // 32 ambiguous "co" pairs have 2^32 readings; only a handful may ever be built.
    const err = (() => {
      try {
        parseFormulaPattern('co'.repeat(32));
      } catch (e) {
        return e as FormulaPatternError;
      }
      return null;
    })();
    expect(err?.alternatives.length).toBeLessThanOrEqual(5);
    expect(() => parseFormulaPattern(' '.repeat(63) + '-')).toThrow(/no elements/);
  });
});
