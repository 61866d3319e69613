import {
  checkCharge,
  checkFormula,
  checkMeasurement,
  checkXyzAgainstFormula,
  emptyMeasurement,
  fieldOfArgument,
  measurementInput,
  parseNumber,
} from './contribution-form';

const REACTANTS = ['N2', 'CO', 'O2'];

describe('submit form checks (before the API checks again)', () => {
  test('formulas: symbols with counts, 2–20 atoms, case named', () => {
    expect(checkFormula('Mo3S2')).toBeNull();
    expect(checkFormula('Mo5')).toBeNull();
    expect(checkFormula('')).toMatch(/Enter the formula/);
    expect(checkFormula('Mo')).toMatch(/at least 2 atoms/);
    expect(checkFormula('Mo21')).toMatch(/21 atoms/);
    expect(checkFormula('Xx3')).toMatch(/"Xx" \(character 1\) is not an element symbol/);
    expect(checkFormula('mo5')).toMatch(/capital letter/);
    expect(checkFormula('Mo5S0')).toMatch(/count of S is 0/);
  });

  test('charges are whole numbers from −3 to +3', () => {
    expect(checkCharge('-1')).toBeNull();
    expect(checkCharge('−1')).toBeNull();
    expect(checkCharge('0')).toBeNull();
    expect(checkCharge('1.5')).toMatch(/whole number/);
    expect(checkCharge('-4')).toMatch(/−3 to \+3/);
  });

  test('rate constants in the notations chemists write', () => {
    expect(parseNumber('1.2e-10')).toBe(1.2e-10);
    expect(parseNumber('1.2×10^-10')).toBe(1.2e-10);
    expect(parseNumber('1.2 x 10−10')).toBe(1.2e-10);
    expect(parseNumber('1,2e-10')).toBeNull();
    expect(parseNumber('abc')).toBeNull();
  });

  test('a measurement needs k1 and a citation; an explanation only with the capture-limit flag', () => {
    const blank = checkMeasurement(emptyMeasurement(), REACTANTS);
    expect(Object.keys(blank).sort()).toEqual(['citation', 'k1']);
    const ok = { ...emptyMeasurement(), k1: '3.1e-11', citation: 'Mou et al., JACS Au 2025' };
    expect(checkMeasurement(ok, REACTANTS)).toEqual({});
    expect(checkMeasurement({ ...ok, exceedsCaptureLimit: true }, REACTANTS)).toEqual({ captureLimitExplanation: expect.stringMatching(/Explain/) });
    expect(checkMeasurement({ ...ok, reactant: 'CH4' }, REACTANTS).reactant).toMatch(/N2, CO, O2/);
    expect(checkMeasurement({ ...ok, doi: 'doi 10.1021' }, REACTANTS).doi).toMatch(/10\.1021\/jacsau/);
    expect(checkMeasurement({ ...ok, doi: 'https://doi.org/10.1021/jacsau.5c00451' }, REACTANTS)).toEqual({});
    expect(checkMeasurement({ ...ok, technique: 'OTHER' }, REACTANTS).techniqueDetail).toMatch(/which technique/);
  });

  test('the GraphQL input carries numbers, nulls for blanks, and the DOI without its resolver prefix', () => {
    const input = measurementInput({
      ...emptyMeasurement(),
      k1: '3.1×10^-11',
      pressure: '',
      doi: 'https://doi.org/10.1021/jacsau.5c00451',
      citation: ' Mou 2025 ',
      captureLimitExplanation: 'ignored without the flag',
    });
    expect(input).toMatchObject({ k1: 3.1e-11, pressure: null, pressureUnit: null, temperatureK: 300, doi: '10.1021/jacsau.5c00451', citation: 'Mou 2025' });
    expect(input.captureLimitExplanation).toBeNull();
    expect(input.exceedsCaptureLimit).toBeNull();
  });

  test('an XYZ whose atoms are not the formula is named', () => {
    const xyz = '5\nMo3S2\nMo 0 0 0\nMo 2.5 0 0\nMo 1.25 2.1 0\nS 1.25 0.7 1.8\nS 1.25 0.7 -1.8\n';
    expect(checkXyzAgainstFormula(xyz, 'Mo3S2')).toBeNull();
    expect(checkXyzAgainstFormula(xyz, 'Mo2S3')).toBe("The structure's atoms (Mo3S2) are not those of Mo2S3.");
  });

  test("the API's argument names map onto the form's fields", () => {
    expect(fieldOfArgument('cluster.formula')).toEqual({ measurement: null, field: 'formula' });
    expect(fieldOfArgument('cluster')).toEqual({ measurement: null, field: 'formula' });
    expect(fieldOfArgument('cluster.measurements[1].k1')).toEqual({ measurement: 1, field: 'k1' });
    expect(fieldOfArgument('measurement.citation')).toEqual({ measurement: 0, field: 'citation' });
    expect(fieldOfArgument(undefined)).toBeNull();
  });
});
