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

describe('XYZ pre-check in the browser', () => {
  test('a well-formed file passes (CRLF and trailing blank lines too)', () => {
    expect(checkXyz(TA3S2)).toBeNull();
    expect(checkXyz(TA3S2.replace(/\n/g, '\r\n') + '\r\n\r\n')).toBeNull();
  });

  test('problems are named by line', () => {
    expect(checkXyz('')).toBe('The XYZ text is empty.');
    expect(checkXyz('five\nx\nTa 0 0 0')).toBe('Line 1 must be the number of atoms, found "five".');
    expect(checkXyz(TA3S2.replace(/^5/, '6'))).toBe('Line 1 says 6 atoms, but 5 atom lines follow the comment line.');
    expect(checkXyz(TA3S2.replace('S    0.000000   0.000000   1.800000', 'Zz 0 0 1.8'))).toBe('Line 6: "Zz" is not an element symbol.');
    expect(checkXyz(TA3S2.replace('Ta   1.316359  -0.760000   0.000000', 'Ta 1.3 -0.76'))).toBe(
      'Line 4: expected an element and three coordinates, found 2 coordinates.',
    );
    expect(checkXyz(TA3S2.replace('-1.316359', '-1,316'))).toBe('Line 5: coordinate x "-1,316" is not a number.');
    expect(checkXyz('51\nbig\n' + 'C 0 0 0\n'.repeat(51))).toBe('Line 1 says 51 atoms; at most 50 are accepted.');
  });
});
