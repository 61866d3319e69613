import { parseMotif } from './motif-syntax';

describe('motif text syntax', () => {
  test('a chain becomes pattern atoms and consecutive bonds', () => {
    expect(parseMotif('Mo-S-Mo', null).pattern).toEqual({
      atoms: [{ element: 'Mo' }, { element: 'S' }, { element: 'Mo' }],
      bonds: [
        { a: 0, b: 1 },
        { a: 1, b: 2 },
      ],
    });
  });

  test('classes and a minimum bond order', () => {
    expect(parseMotif('M - X - *', 0.5).pattern).toEqual({
      atoms: [{ atomClass: 'METAL' }, { atomClass: 'NONMETAL' }, { atomClass: 'ANY' }],
      bonds: [
        { a: 0, b: 1, minOrder: 0.5 },
        { a: 1, b: 2, minOrder: 0.5 },
      ],
    });
  });

  test('errors name the position', () => {
    expect(parseMotif('Mo--S', null).error).toEqual({ message: 'expected an atom at position 4', position: 4 });
    expect(parseMotif('Mo-s2', null).error?.message).toBe('"s2" at position 4 is not an element symbol, M, X or *');
    expect(parseMotif('M-M-M-M-M-M-M-M-M', null).error?.message).toBe('a motif has at most 8 atoms, this one has 9');
    expect(parseMotif('  ', null).pattern).toBeNull();
  });
});
