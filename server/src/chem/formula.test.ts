import {
  FormulaError,
  PUBLISHED_NAME_CORRECTIONS,
  canonicalFormula,
  chargeFromId,
  chargeWord,
  clusterId,
  compositionMassU,
  electronCount,
  formatFormula,
  isMultiplicityConsistent,
  metalElements,
  parseClusterId,
  parseFormula,
  parsePublishedName,
} from './formula';

function thrown(fn: () => unknown): FormulaError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FormulaError) return error;
    throw error;
  }
  throw new Error('expected a FormulaError');
}

describe('parseFormula', () => {
  it('reads counts of 1 whether written or not, in published order', () => {
    expect(parseFormula('Rh1Co3H2')).toEqual([
      { element: 'Rh', count: 1 },
      { element: 'Co', count: 3 },
      { element: 'H', count: 2 },
    ]);
    expect(parseFormula('Ta3S1C')).toEqual([
      { element: 'Ta', count: 3 },
      { element: 'S', count: 1 },
      { element: 'C', count: 1 },
    ]);
    expect(parseFormula('Mo2S2C1')).toEqual(parseFormula('Mo2S2C'));
    expect(parseFormula('FeV2S3')).toEqual([
      { element: 'Fe', count: 1 },
      { element: 'V', count: 2 },
      { element: 'S', count: 3 },
    ]);
  });

  it('tells Co (cobalt) from CO (carbon, oxygen)', () => {
    expect(parseFormula('Co3')).toEqual([{ element: 'Co', count: 3 }]);
    expect(parseFormula('CO')).toEqual([
      { element: 'C', count: 1 },
      { element: 'O', count: 1 },
    ]);
  });

  it('names the unknown element and its 1-based position', () => {
    const error = thrown(() => parseFormula('Mo2Xx3'));
    expect(error.message).toBe('unknown element "Xx" at position 4 in "Mo2Xx3"');
    expect(error.position).toBe(4);
    expect(error.input).toBe('Mo2Xx3');
  });

  it.each([
    ['', /empty formula/],
    ['mo2', /unexpected character "m" at position 1 .*expected an element symbol/],
    ['2Mo', /unexpected character "2" at position 1 .*a count with no element before it/],
    ['Mo-2', /unexpected character "-" at position 3/],
    ['Mo S', /unexpected character " " at position 3/],
    ['MoS0', /count "0" for "S" at position 4/],
    ['MoS01', /count "01" for "S" at position 4 .*without leading zeros/],
    ['MoSMo2', /element "Mo" appears twice \(again at position 4\)/],
    ['Mo100000', /count 100000 for "Mo" at position 3 .*above the limit/],
  ])('rejects %j', (input, message) => {
    expect(() => parseFormula(input)).toThrow(FormulaError);
    expect(() => parseFormula(input)).toThrow(message);
  });
});

describe('formatFormula', () => {
  it('keeps the given order and leaves out counts of 1', () => {
    expect(
      formatFormula([
        { element: 'Rh', count: 1 },
        { element: 'Co', count: 3 },
        { element: 'H', count: 2 },
      ]),
    ).toBe('RhCo3H2');
    expect(
      formatFormula([
        { element: 'Mo', count: 1 },
        { element: 'C', count: 1 },
      ]),
    ).toBe('MoC');
    expect(canonicalFormula('Ta3S1C')).toBe('Ta3SC');
    expect(canonicalFormula('Mo2S2C1')).toBe('Mo2S2C');
  });

  it.each([
    [[], /empty composition/],
    [[{ element: 'Xx', count: 1 }], /unknown element "Xx" at composition entry 0/],
    [[{ element: 'Mo', count: 0 }], /count 0 for "Mo" at composition entry 0/],
    [[{ element: 'Mo', count: 1.5 }], /count 1.5 for "Mo"/],
    [
      [
        { element: 'Mo', count: 1 },
        { element: 'Mo', count: 2 },
      ],
      /"Mo" appears twice in the composition \(entry 1\)/,
    ],
  ])('rejects %j', (composition, message) => {
    expect(() => formatFormula(composition)).toThrow(message);
  });
});

describe('parsePublishedName', () => {
  it('reads U+00AF (¯) as an anion', () => {
    expect('¯'.codePointAt(0)).toBe(0xaf);
    const name = parsePublishedName('Mo5S2¯');
    expect(name).toEqual({
      publishedName: 'Mo5S2¯',
      formula: 'Mo5S2',
      composition: [
        { element: 'Mo', count: 5 },
        { element: 'S', count: 2 },
      ],
      charge: -1,
    });
  });

  it('reads U+02C9 (ˉ) as an anion', () => {
    expect('ˉ'.codePointAt(0)).toBe(0x2c9);
    expect(parsePublishedName('Mo2S1ˉ')).toMatchObject({ formula: 'Mo2S', charge: -1 });
  });

  it('reads a name without a mark as neutral (the Ta_xS_y and Ta_xS_yC clusters)', () => {
    expect(parsePublishedName('Ta3S4')).toMatchObject({ formula: 'Ta3S4', charge: 0 });
    expect(parsePublishedName('Ta3S1C')).toMatchObject({ formula: 'Ta3SC', charge: 0 });
  });

  it('reads Rh1Co3H2¯ as Rh1 Co3 H2, anion', () => {
    expect(parsePublishedName('Rh1Co3H2¯')).toMatchObject({
      formula: 'RhCo3H2',
      composition: [
        { element: 'Rh', count: 1 },
        { element: 'Co', count: 3 },
        { element: 'H', count: 2 },
      ],
      charge: -1,
    });
  });

  it('corrects exactly the published name Fe3C41¯ to Fe3C4¯ and says why', () => {
    const name = parsePublishedName('Fe3C41¯');
    expect(name).toMatchObject({ publishedName: 'Fe3C41¯', formula: 'Fe3C4', charge: -1 });
    expect(name.correction?.reason).toMatch(/Fe3C4-11-M10/);
    // Keyed on the exact text: the same digits in any other name are a real count.
    expect(parsePublishedName('Fe3C41')).toMatchObject({ formula: 'Fe3C41', charge: 0 });
    expect(parsePublishedName('Fe3C41ˉ')).toMatchObject({ formula: 'Fe3C41', charge: -1 });
    expect(parsePublishedName('Fe3C41ˉ').correction).toBeUndefined();
  });

  it('lists every correction with a target that parses', () => {
    for (const [name, { corrected, reason }] of PUBLISHED_NAME_CORRECTIONS) {
      expect(reason.length).toBeGreaterThan(20);
      expect(parsePublishedName(name).formula).toBe(parsePublishedName(corrected).formula);
    }
  });

  it.each([
    ['Ta3N3-', 'Ta3N3', -1],
    ['Ta3N3⁻', 'Ta3N3', -1],
    ['Ta3N3−', 'Ta3N3', -1],
    ['Nb3+', 'Nb3', 1],
    ['Nb3⁺', 'Nb3', 1],
    ['Nb3--', 'Nb3', -2],
    ['Nb3++', 'Nb3', 2],
    ['Nb3²⁻', 'Nb3', -2],
    ['Nb3³⁺', 'Nb3', 3],
    ['Nb3¹²⁻', 'Nb3', -12],
  ])('reads the general charge notation %s as %s charge %d', (name, formula, charge) => {
    expect(parsePublishedName(name)).toMatchObject({ formula, charge });
  });

  it.each([
    ['', /empty cluster name/],
    ['Mo5S2+-', /mixed charge signs at position 6 in "Mo5S2\+-"/],
    ['Mo5S2²⁻⁻', /both with superscript digits and repeated signs/],
    ['Mo5S2⁰⁻', /charge magnitude 0/],
    ['Mo5S2²', /unexpected character "²" at position 6 in "Mo5S2²"/],
    ['Mo5Xx2¯', /unknown element "Xx" at position 4 in "Mo5Xx2¯"/],
    ['¯', /empty formula/],
  ])('rejects %j with a message naming the problem', (name, message) => {
    expect(() => parsePublishedName(name)).toThrow(FormulaError);
    expect(() => parsePublishedName(name)).toThrow(message);
  });
});

describe('cluster ids', () => {
  it.each([
    ['Mo5S2', -1, 'Mo5S2-anion'],
    ['Ta3S4', 0, 'Ta3S4-neutral'],
    ['Ta3S1C', 0, 'Ta3SC-neutral'],
    ['Rh1Co3H2', -1, 'RhCo3H2-anion'],
    ['Nb3', 1, 'Nb3-cation'],
    ['Nb3', -2, 'Nb3-dianion'],
    ['Nb3', 2, 'Nb3-dication'],
    ['Nb3', -3, 'Nb3-trianion'],
    ['Nb3', 3, 'Nb3-trication'],
    ['Nb3', -6, 'Nb3-hexaanion'],
  ])('clusterId(%s, %d) = %s, and back', (formula, charge, id) => {
    expect(clusterId(formula, charge)).toBe(id);
    expect(encodeURIComponent(id)).toBe(id);
    expect(chargeFromId(id)).toBe(charge);
    expect(parseClusterId(id)).toMatchObject({ formula: canonicalFormula(formula), charge });
  });

  it('covers every supported charge in both directions', () => {
    for (let charge = -6; charge <= 6; charge += 1) {
      expect(chargeFromId(clusterId('Fe4C3', charge))).toBe(charge);
    }
    expect(chargeWord(-4)).toBe('tetraanion');
    expect(chargeWord(5)).toBe('pentacation');
  });

  it.each([
    [7, /charge 7 has no id word/],
    [-7, /charge -7 has no id word/],
    [0.5, /charge 0.5 has no id word/],
  ])('refuses charge %d', (charge, message) => {
    expect(() => clusterId('Mo5S2', charge)).toThrow(message);
  });

  it.each([
    ['Mo5S2', /must look like <formula>-<charge word>/],
    ['-anion', /must look like <formula>-<charge word>/],
    ['Mo5S2-anions', /unknown charge word "anions" at position 7/],
    ['Mo5S2-quadanion', /unknown charge word "quadanion"/],
    ['Mo5S2C1-anion', /non-canonical formula: expected "Mo5S2C"/],
    ['Mo5Xx-anion', /unknown element "Xx" at position 4/],
  ])('parseClusterId rejects %j', (id, message) => {
    expect(() => parseClusterId(id)).toThrow(FormulaError);
    expect(() => parseClusterId(id)).toThrow(message);
  });
});

describe('electron counting', () => {
  it('sums atomic numbers and subtracts the charge', () => {
    // Mo 42, S 16: 5*42 + 2*16 = 242 protons, plus one extra electron for the anion.
    expect(electronCount(parseFormula('Mo5S2'), -1)).toBe(243);
    // Ta 73, S 16: 3*73 + 4*16 = 283, neutral.
    expect(electronCount(parseFormula('Ta3S4'), 0)).toBe(283);
    expect(electronCount(parseFormula('Nb3'), 2)).toBe(3 * 41 - 2);
  });

  it('accepts a multiplicity whose unpaired electrons match the parity of the electron count', () => {
    const mo5s2 = parseFormula('Mo5S2'); // anion: 243 electrons
    expect(isMultiplicityConsistent(mo5s2, -1, 2)).toBe(true);
    expect(isMultiplicityConsistent(mo5s2, -1, 4)).toBe(true);
    expect(isMultiplicityConsistent(mo5s2, -1, 1)).toBe(false);
    expect(isMultiplicityConsistent(mo5s2, -1, 3)).toBe(false);
    // The same cluster neutral has 242 electrons.
    expect(isMultiplicityConsistent(mo5s2, 0, 1)).toBe(true);
    expect(isMultiplicityConsistent(mo5s2, 0, 2)).toBe(false);
  });

  it('rejects more unpaired electrons than electrons, and non-multiplicities', () => {
    const h = parseFormula('H');
    expect(isMultiplicityConsistent(h, 0, 2)).toBe(true);
    expect(isMultiplicityConsistent(h, 0, 4)).toBe(false);
    expect(isMultiplicityConsistent(h, 1, 1)).toBe(true); // bare proton: no electrons, singlet
    expect(isMultiplicityConsistent(h, 1, 3)).toBe(false);
    expect(isMultiplicityConsistent(h, 0, 0)).toBe(false);
    expect(isMultiplicityConsistent(h, 0, 1.5)).toBe(false);
  });

  it('refuses unknown elements in a composition', () => {
    expect(() => electronCount([{ element: 'Xx', count: 1 }], 0)).toThrow(/unknown element "Xx"/);
  });
});

describe('composition helpers', () => {
  it('adds standard atomic masses', () => {
    // 5 × 95.95 (Mo) + 2 × 32.06 (S)
    expect(compositionMassU(parseFormula('Mo5S2'))).toBeCloseTo(543.87, 6);
    expect(() => compositionMassU([{ element: 'Xx', count: 1 }])).toThrow(/unknown element/);
  });

  it('lists the metal elements, not metalloids or ligands', () => {
    expect(metalElements(parseFormula('Rh1Co3H2'))).toEqual(['Rh', 'Co']);
    expect(metalElements(parseFormula('Fe2VC2'))).toEqual(['Fe', 'V']);
    expect(metalElements(parseFormula('Mo2S2C1'))).toEqual(['Mo']);
    expect(metalElements(parseFormula('Si3Ge2'))).toEqual([]);
  });
});
