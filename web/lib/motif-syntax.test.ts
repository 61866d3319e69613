import { parseMotif } from './motif-syntax';

// The API's `limits.motif` values at the time of writing; the parser takes whatever it is given.
const LIMITS = { maxAtoms: 8, maxBonds: 12 };

describe('motif text syntax', () => {
  test('a chain becomes pattern atoms and consecutive bonds', () => {
    expect(parseMotif('Mo-S-Mo', null, LIMITS).pattern).toEqual({
      atoms: [{ element: 'Mo' }, { element: 'S' }, { element: 'Mo' }],
      bonds: [
        { a: 0, b: 1 },
        { a: 1, b: 2 },
      ],
    });
  });

  test('classes and a minimum bond order', () => {
    expect(parseMotif('M - X - *', 0.5, LIMITS).pattern).toEqual({
      atoms: [{ atomClass: 'METAL' }, { atomClass: 'NONMETAL' }, { atomClass: 'ANY' }],
      bonds: [
        { a: 0, b: 1, minOrder: 0.5 },
        { a: 1, b: 2, minOrder: 0.5 },
      ],
    });
  });

  test('errors name the position', () => {
    expect(parseMotif('Mo--S', null, LIMITS).error).toEqual({ message: 'expected an atom at position 4', position: 4 });
    expect(parseMotif('Mo-s2', null, LIMITS).error?.message).toBe('"s2" at position 4 is not an element symbol, M, X or *');
    expect(parseMotif('M-M-M-M-M-M-M-M-M', null, LIMITS).error?.message).toBe('a motif has at most 8 atoms, this one has 9');
    expect(parseMotif('M-M-M', null, { maxAtoms: 2, maxBonds: 12 }).error?.message).toBe('a motif has at most 2 atoms, this one has 3');
    expect(parseMotif('M1-M-M1', null, { maxAtoms: 8, maxBonds: 2 }).error?.message).toBe('a motif has at most 2 bonds, this one has 3');
    expect(parseMotif('  ', null, LIMITS).pattern).toBeNull();
  });
});

describe('ring closures', () => {
  test('M1-M-M1 is a metal triangle: the chain bonds plus the ring bond', () => {
    expect(parseMotif('M1-M-M1', null, LIMITS).pattern).toEqual({
      atoms: [{ atomClass: 'METAL' }, { atomClass: 'METAL' }, { atomClass: 'METAL' }],
      bonds: [
        { a: 0, b: 1 },
        { a: 1, b: 2 },
        { a: 0, b: 2 },
      ],
    });
  });

  test('an M2X2 rhombus and two rings sharing an atom', () => {
    expect(parseMotif('M1-X-M-X1', 0.3, LIMITS).pattern?.bonds).toEqual([
      { a: 0, b: 1, minOrder: 0.3 },
      { a: 1, b: 2, minOrder: 0.3 },
      { a: 2, b: 3, minOrder: 0.3 },
      { a: 0, b: 3, minOrder: 0.3 },
    ]);
    // A tetrahedron: every pair of the four metals bonded.
    const tet = parseMotif('M12-M3-M1-M23', null, LIMITS).pattern!;
    expect(tet.bonds).toHaveLength(6);
    const pairs = new Set((tet.bonds ?? []).map((b) => [b.a, b.b].sort().join('')));
    expect(pairs).toEqual(new Set(['01', '02', '03', '12', '13', '23']));
  });

  test('a label may be reused after its ring closed', () => {
    expect(parseMotif('Fe1-C-Fe1-S1-V-Fe1', null, LIMITS).pattern?.bonds).toHaveLength(7);
  });

  test('ring errors name the position', () => {
    expect(parseMotif('M1-M-M', null, LIMITS).error).toEqual({ message: 'ring label 1 at position 2 is never closed', position: 2 });
    expect(parseMotif('M1-M1', null, LIMITS).error?.message).toBe('ring label 1 at position 5 repeats a bond the chain already has');
    expect(parseMotif('M11', null, LIMITS).error?.message).toBe('ring label 1 at position 3 closes on the atom that opened it');
    expect(parseMotif('Mo1-q-Mo1', null, LIMITS).error?.message).toBe('"q" at position 5 is not an element symbol, M, X or *');
  });
});
