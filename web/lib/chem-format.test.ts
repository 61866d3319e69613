import { chargeMark, chargeWord, clusterTitle, fixed, formulaParts, patternParts, resultRange, scientific, signed } from './chem-format';

describe('chemistry display helpers', () => {
  test('charge marks use a real minus and put the magnitude first', () => {
    expect([chargeMark(-1), chargeMark(-2), chargeMark(0), chargeMark(1), chargeMark(2)]).toEqual(['\u2212', '2\u2212', '', '+', '2+']);
    expect([chargeWord(-1), chargeWord(0), chargeWord(-2)]).toEqual(['anion', 'neutral', 'dianion']);
    expect(signed(-1)).toBe('\u22121');
  });

  test('formulas split into element and count, counts of one left empty', () => {
    expect(formulaParts('Mo5S2')).toEqual([
      { element: 'Mo', count: '5' },
      { element: 'S', count: '2' },
    ]);
    expect(
      formulaParts('Ta3S2C')
        .map((p) => p.element + p.count)
        .join(' '),
    ).toBe('Ta3 S2 C');
    expect(clusterTitle('Rh1Co3H2', -1)).toBe('Rh1Co3H2 anion');
  });

  test('numbers: fixed decimals with minus sign, scientific parts, missing as a dash', () => {
    expect(fixed(-11.707743928643524)).toBe('\u221211.71');
    expect(fixed(null)).toBe('—');
    expect(scientific(1.96e-12)).toEqual({ mantissa: '1.96', exponent: '\u221212' });
  });
});

describe('values as the source gave them', () => {
  test("k1 keeps the source's significant figures (Mo5S2⁻: 1.5e-10, Mo4S2⁻: 8.6e-13 in the seed)", () => {
    expect(scientific(1.5e-10, 'as-given')).toEqual({ mantissa: '1.5', exponent: '\u221210' });
    expect(scientific(8.6e-13, 'as-given')).toEqual({ mantissa: '8.6', exponent: '\u221213' });
    // The cluster's k1 is 10^log10K1, which carries binary noise.
    expect(scientific(10 ** Math.log10(1.5e-10), 'as-given').mantissa).toBe('1.5');
  });

  test('pattern parts and result ranges', () => {
    expect(patternParts('Mo2-5S*')).toEqual([
      { element: 'Mo', count: '2–5' },
      { element: 'S', count: '*' },
    ]);
    expect(resultRange(25, 25, 216)).toBe('26–50 of 216');
    expect(resultRange(200, 16, 216)).toBe('201–216 of 216');
    expect(resultRange(0, 0, 0)).toBe('0 of 0');
  });
});
