import { MotifPatternError, validateMotifPattern } from './motif-pattern';

describe('validateMotifPattern', () => {
  it('normalises classes, elements and bond minima', () => {
    expect(validateMotifPattern({ atoms: [{ element: 'Mo' }, { atomClass: 'NONMETAL' }, {}], bonds: [{ a: 0, b: 1 }] })).toEqual({
      atoms: [
        { element: 'Mo', atomClass: 'ANY' },
        { element: null, atomClass: 'NONMETAL' },
        { element: null, atomClass: 'ANY' },
      ],
      bonds: [{ a: 0, b: 1, minOrder: 0 }],
    });
  });

  const cases: Array<[string, Parameters<typeof validateMotifPattern>[0], string]> = [
    ['unknown element', { atoms: [{ element: 'Xy' }] }, 'atoms[0].element'],
    ['element and class', { atoms: [{ element: 'Mo', atomClass: 'METAL' }] }, 'atoms[0]'],
    [
      'duplicate bond',
      {
        atoms: [{}, {}],
        bonds: [
          { a: 0, b: 1 },
          { a: 1, b: 0 },
        ],
      },
      'bonds[1]',
    ],
    ['too many bonds', { atoms: Array(8).fill({}), bonds: Array.from({ length: 13 }, (_, i) => ({ a: 0, b: 1 + (i % 7) })) }, 'bonds'],
    ['order too high', { atoms: [{}, {}], bonds: [{ a: 0, b: 1, minOrder: 5 }] }, 'bonds[0].minOrder'],
  ];
  it.each(cases)('rejects %s at the right path', (_name, input, path) => {
    expect(() => validateMotifPattern(input)).toThrow(MotifPatternError);
    try {
      validateMotifPattern(input);
    } catch (err) {
      expect((err as MotifPatternError).path).toBe(path);
    }
  });
});
