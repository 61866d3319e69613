import { checkXyz } from './xyz';

// Geometry lines in the layout xtb writes (Ta3S2, a catalog cluster).
const TA3S2 = `5
Ta3S2 neutral
Ta   0.000000   1.520000   0.000000
Ta   1.316359  -0.760000   0.000000
Ta  -1.316359  -0.760000   0.000000
S    0.000000   0.000000   1.800000
S    0.000000   0.000000  -1.800000
`;

// The limits are the API's (`limits.predict`); any values show the check uses what it is given.
const LIMITS = { maxAtoms: 50, maxXyzCharacters: 2000 };

describe('XYZ pre-check in the browser', () => {
  test('a well-formed file passes (CRLF and trailing blank lines too)', () => {
    expect(checkXyz(TA3S2, LIMITS)).toBeNull();
    expect(checkXyz(TA3S2.replace(/\n/g, '\r\n') + '\r\n\r\n', LIMITS)).toBeNull();
  });

  test('problems are named by line', () => {
    expect(checkXyz('', LIMITS)).toBe('The XYZ text is empty.');
    expect(checkXyz('five\nx\nTa 0 0 0', LIMITS)).toBe('Line 1 must be the number of atoms, found "five".');
    expect(checkXyz(TA3S2.replace(/^5/, '6'), LIMITS)).toBe('Line 1 says 6 atoms, but 5 atom lines follow the comment line.');
    expect(checkXyz(TA3S2.replace('S    0.000000   0.000000   1.800000', 'Zz 0 0 1.8'), LIMITS)).toBe('Line 6: "Zz" is not an element symbol.');
    expect(checkXyz(TA3S2.replace('Ta   1.316359  -0.760000   0.000000', 'Ta 1.3 -0.76'), LIMITS)).toBe(
      'Line 4: expected an element and three coordinates, found 2 coordinates.',
    );
    expect(checkXyz(TA3S2.replace('-1.316359', '-1,316'), LIMITS)).toBe('Line 5: coordinate x "-1,316" is not a number.');
    expect(checkXyz('51\nbig\n' + 'C 0 0 0\n'.repeat(51), LIMITS)).toBe('Line 1 says 51 atoms; at most 50 are accepted.');
    expect(checkXyz(TA3S2, { ...LIMITS, maxAtoms: 4 })).toBe('Line 1 says 5 atoms; at most 4 are accepted.');
    expect(checkXyz(TA3S2, { ...LIMITS, maxXyzCharacters: 100 })).toBe(`The XYZ text has ${TA3S2.length} characters; at most 100 are accepted.`);
  });
});
