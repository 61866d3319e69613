import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  bondGraphSignature,
  connectedComponents,
  covalentRadiusAngstrom,
  distanceAngstrom,
  distanceMatrixAngstrom,
  findBonds,
  isConnected,
  parseXyz,
  DECIMAL_NUMBER,
  MAX_COORDINATE_ANGSTROM,
  shortestContact,
  tightestContact,
  toExtendedXyz,
  toXyz,
  XyzParseError,
  type GeometryAtom,
  type Vec3,
} from './geometry';

interface SeedCluster {
  id: string;
  composition: Array<{ element: string; count: number }>;
}

// Fixtures are the real compositions of the data set.
const clusters: SeedCluster[] = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'seed', 'data', 'clusters.json'), 'utf8')).clusters;
const elementLists = clusters.map((c) => c.composition.flatMap(({ element, count }) => new Array<string>(count).fill(element)));

// Random connected geometries for the real compositions: each atom is bonded to an earlier one at
// 1.0–1.1 × the covalent-radius sum in a random direction, so every geometry is one cluster.
const arbitraryGeometry: fc.Arbitrary<GeometryAtom[]> = fc.constantFrom(...elementLists).chain((elements) =>
  fc
    .tuple(
      ...elements.map(() =>
        fc.record({
          anchor: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
          z: fc.double({ min: -1, max: 1, noNaN: true }),
          phi: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
          scale: fc.double({ min: 1, max: 1.1, noNaN: true }),
        }),
      ),
    )
    .map((steps) => {
      const positions: Vec3[] = [];
      elements.forEach((element, i) => {
        if (i === 0) return positions.push([0, 0, 0]);
        const { anchor, z, phi, scale } = steps[i];
        const a = Math.min(Math.floor(anchor * i), i - 1);
        const length = scale * (covalentRadiusAngstrom(elements[a]) + covalentRadiusAngstrom(element));
        const s = Math.sqrt(1 - z * z);
        const p = positions[a];
        return positions.push([p[0] + length * s * Math.cos(phi), p[1] + length * s * Math.sin(phi), p[2] + length * z]);
      });
      return elements.map((element, i) => ({ element, xyzAngstrom: positions[i] }));
    }),
);
const arbitraryPoint = fc.tuple(
  fc.double({ min: -50, max: 50, noNaN: true }),
  fc.double({ min: -50, max: 50, noNaN: true }),
  fc.double({ min: -50, max: 50, noNaN: true }),
) as fc.Arbitrary<Vec3>;

function rotate(p: Vec3, q: [number, number, number, number]): Vec3 {
  // Rotation by the unit quaternion q = (w, x, y, z).
  const [w, x, y, z] = q;
  const [px, py, pz] = p;
  return [
    (1 - 2 * (y * y + z * z)) * px + 2 * (x * y - w * z) * py + 2 * (x * z + w * y) * pz,
    2 * (x * y + w * z) * px + (1 - 2 * (x * x + z * z)) * py + 2 * (y * z - w * x) * pz,
    2 * (x * z - w * y) * px + 2 * (y * z + w * x) * py + (1 - 2 * (x * x + y * y)) * pz,
  ];
}

const arbitraryRigidMotion = fc
  .record({
    q: fc.tuple(
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
    ),
    shift: arbitraryPoint,
  })
  .filter(({ q }) => Math.hypot(...q) > 0.1)
  .map(({ q, shift }) => {
    const n = Math.hypot(...q);
    return { q: q.map((v) => v / n) as [number, number, number, number], shift };
  });

describe('distances', () => {
  it('are symmetric, non-negative and zero only for identical points', () => {
    fc.assert(
      fc.property(arbitraryPoint, arbitraryPoint, (p, q) => {
        const d = distanceAngstrom(p, q);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBe(distanceAngstrom(q, p));
        expect(distanceAngstrom(p, p)).toBe(0);
      }),
    );
  });

  it('fill a symmetric matrix with a zero diagonal', () => {
    fc.assert(
      fc.property(arbitraryGeometry, (atoms) => {
        const d = distanceMatrixAngstrom(atoms);
        atoms.forEach((_, i) => {
          expect(d[i][i]).toBe(0);
          atoms.forEach((__, j) => expect(d[i][j]).toBe(d[j][i]));
        });
      }),
      { numRuns: 20 },
    );
  });
});

describe('bond rule d ≤ 1.25 (r_i + r_j)', () => {
  it('bonds Mo–Mo at 3.40 Å but not at 3.50 Å (threshold 1.25 × 2.76 = 3.45 Å)', () => {
    const at = (x: number): GeometryAtom[] => [
      { element: 'Mo', xyzAngstrom: [0, 0, 0] },
      { element: 'Mo', xyzAngstrom: [x, 0, 0] },
    ];
    expect(findBonds(at(3.4))).toEqual([{ a: 0, b: 1, lengthAngstrom: 3.4 }]);
    expect(findBonds(at(3.5))).toEqual([]);
  });

  it('uses the element pair: Fe–H at 1.85 Å is bonded (limit 1.85), S–S at 2.90 Å is not (limit 2.575)', () => {
    expect(
      findBonds([
        { element: 'Fe', xyzAngstrom: [0, 0, 0] },
        { element: 'H', xyzAngstrom: [0, 0, 1.85] },
      ]),
    ).toHaveLength(1);
    expect(
      findBonds([
        { element: 'S', xyzAngstrom: [0, 0, 0] },
        { element: 'S', xyzAngstrom: [0, 2.9, 0] },
      ]),
    ).toHaveLength(0);
  });

  it('rejects unknown element symbols by name', () => {
    expect(() => findBonds([{ element: 'Xx', xyzAngstrom: [0, 0, 0] }])).toThrow('Unknown element symbol "Xx"');
  });
});

describe('connectedComponents', () => {
  it('partitions the atoms: every atom in exactly one component, components sorted', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 40 }))),
        ([n, pairs]) => {
          const components = connectedComponents(
            n,
            pairs.map(([a, b]) => ({ a, b })),
          );
          const all = components.flat().sort((x, y) => x - y);
          expect(all).toEqual(Array.from({ length: n }, (_, i) => i));
          for (const c of components) expect([...c].sort((x, y) => x - y)).toEqual(c);
          // Bonded atoms share a component.
          const componentOf = new Map(components.flatMap((c, k) => c.map((i) => [i, k] as const)));
          for (const [a, b] of pairs) expect(componentOf.get(a)).toBe(componentOf.get(b));
        },
      ),
    );
  });

  it('finds the two fragments of a dissociated Mo2S (S 5 Å away)', () => {
    const atoms: GeometryAtom[] = [
      { element: 'Mo', xyzAngstrom: [0, 0, 0] },
      { element: 'Mo', xyzAngstrom: [2.7, 0, 0] },
      { element: 'S', xyzAngstrom: [1.35, 5, 0] },
    ];
    expect(connectedComponents(3, findBonds(atoms))).toEqual([[0, 1], [2]]);
    expect(isConnected(atoms)).toBe(false);
  });
});

describe('shortestContact / tightestContact', () => {
  it('find the closest pair absolutely and relative to the radii', () => {
    // Mo–Mo 2.40 Å (ratio 0.87) and Mo–H 1.50 Å (ratio 1.50/1.70 = 0.88).
    const atoms: GeometryAtom[] = [
      { element: 'Mo', xyzAngstrom: [0, 0, 0] },
      { element: 'Mo', xyzAngstrom: [2.4, 0, 0] },
      { element: 'H', xyzAngstrom: [0, 1.5, 0] },
    ];
    expect(shortestContact(atoms)).toMatchObject({ a: 0, b: 2, distanceAngstrom: 1.5 });
    expect(tightestContact(atoms)?.a).toBe(0);
    expect(tightestContact(atoms)?.b).toBe(1);
    expect(tightestContact(atoms)?.ratioToCovalentSum).toBeCloseTo(2.4 / 2.76, 12);
    expect(shortestContact(atoms.slice(0, 1))).toBeNull();
  });
});

describe('bondGraphSignature', () => {
  it('is invariant under atom permutation and rigid rotation + translation', () => {
    fc.assert(
      fc.property(
        arbitraryGeometry.chain((g) =>
          fc.tuple(
            fc.constant(g),
            fc.shuffledSubarray(
              Array.from({ length: g.length }, (_, i) => i),
              { minLength: g.length },
            ),
            arbitraryRigidMotion,
          ),
        ),
        ([atoms, permutation, { q, shift }]) => {
          const moved = permutation.map((i) => {
            const r = rotate(atoms[i].xyzAngstrom, q);
            return { element: atoms[i].element, xyzAngstrom: [r[0] + shift[0], r[1] + shift[1], r[2] + shift[2]] as Vec3 };
          });
          expect(bondGraphSignature(moved)).toBe(bondGraphSignature(atoms));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('tells a bent Mo2S (S bridging) from a linear Mo–Mo–S chain', () => {
    const bridged: GeometryAtom[] = [
      { element: 'Mo', xyzAngstrom: [0, 0, 0] },
      { element: 'Mo', xyzAngstrom: [2.7, 0, 0] },
      { element: 'S', xyzAngstrom: [1.35, 1.8, 0] },
    ];
    const chain: GeometryAtom[] = [
      { element: 'Mo', xyzAngstrom: [0, 0, 0] },
      { element: 'Mo', xyzAngstrom: [2.7, 0, 0] },
      { element: 'S', xyzAngstrom: [4.9, 0, 0] },
    ];
    expect(bondGraphSignature(bridged)).not.toBe(bondGraphSignature(chain));
  });

  it('tells Fe2V from FeV2 with the same triangle shape (element labels matter)', () => {
    const triangle = (elements: string[]): GeometryAtom[] => [
      { element: elements[0], xyzAngstrom: [0, 0, 0] },
      { element: elements[1], xyzAngstrom: [2.4, 0, 0] },
      { element: elements[2], xyzAngstrom: [1.2, 2.0, 0] },
    ];
    expect(bondGraphSignature(triangle(['Fe', 'Fe', 'V']))).not.toBe(bondGraphSignature(triangle(['Fe', 'V', 'V'])));
  });
});

describe('XYZ writer and parser', () => {
  it('round-trip a cluster geometry to 1e-8 Å', () => {
    fc.assert(
      fc.property(arbitraryGeometry, (atoms) => {
        const elements = atoms.map((a) => a.element);
        const parsed = parseXyz(toXyz(atoms, 'Mo5S2- start'));
        expect(parsed.comment).toBe('Mo5S2- start');
        expect(parsed.atoms.map((a) => a.element)).toEqual(elements);
        parsed.atoms.forEach((a, i) => a.xyzAngstrom.forEach((v, k) => expect(Math.abs(v - atoms[i].xyzAngstrom[k])).toBeLessThan(1e-8)));
      }),
      { numRuns: 50 },
    );
  });

  it('writes extended XYZ with a Properties header and per-atom columns the parser skips', () => {
    const atoms: GeometryAtom[] = [
      { element: 'Mo', xyzAngstrom: [0, 0, 0] },
      { element: 'Mo', xyzAngstrom: [2.7, 0, 0] },
      { element: 'S', xyzAngstrom: [1.35, 1.8, 0] },
    ];
    const text = toExtendedXyz(atoms, { clusterId: 'Mo2S-anion', energy: -7.5, note: 'GFN2 start' }, [{ name: 'charge', values: [-0.5, -0.5, 0] }]);
    const lines = text.split('\n');
    expect(lines[1]).toBe('Properties=species:S:1:pos:R:3:charge:R:1 clusterId=Mo2S-anion energy=-7.5 note="GFN2 start"');
    expect(lines[2].trim().split(/\s+/)).toHaveLength(5);
    expect(parseXyz(text).atoms).toHaveLength(3);
    expect(() => toExtendedXyz(atoms, {}, [{ name: 'charge', values: [1] }])).toThrow('has 1 values for 3 atoms');
  });

  it('accepts lower/upper-case symbols, atomic numbers, CRLF and trailing blank lines', () => {
    const parsed = parseXyz('3\r\nTa3S\r\nta 0 0 0\r\nTA 2.7 0 0\r\n16 1.35 1.8 0\r\n\r\n');
    expect(parsed.atoms.map((a) => a.element)).toEqual(['Ta', 'Ta', 'S']);
    expect(parsed.atoms[1].xyzAngstrom).toEqual([2.7, 0, 0]);
  });

  const cases: Array<[string, string, number, string]> = [
    ['a missing count', 'Mo 0 0 0\n', 1, 'expected the atom count'],
    ['a zero count', '0\n\n', 1, 'at least 1'],
    ['an unknown element', '2\n\nMo 0 0 0\nXq 1 0 0\n', 4, 'unknown element "Xq"'],
    ['a bad coordinate', '2\n\nMo 0 0 0\nS 1 zero 0\n', 4, 'y coordinate "zero"'],
    ['an infinite coordinate', '1\n\nMo 1e999 0 0\n', 3, 'x coordinate'],
    ['too few fields', '1\n\nMo 0 0\n', 3, 'expected "Element x y z"'],
    ['too few atoms', '3\n\nMo 0 0 0\nMo 2.7 0 0\n', 5, 'atom 3 of 3'],
    ['a second frame', '1\n\nMo 0 0 0\n1\n\nMo 0 0 0\n', 4, 'only one frame'],
  ];
  it.each(cases)('reports %s with its line number', (_, text, line, message) => {
    let error: unknown;
    try {
      parseXyz(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XyzParseError);
    expect((error as XyzParseError).line).toBe(line);
    expect((error as XyzParseError).message).toContain(`XYZ line ${line}:`);
    expect((error as XyzParseError).message).toContain(message);
  });

  it('enforces maxAtoms on the count line', () => {
    expect(() => parseXyz('500\n\n', { maxAtoms: 200 })).toThrow('XYZ line 1: 500 atoms exceeds the limit of 200');
  });
});

describe('parseXyz on hostile input', () => {
  const OLD_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

  it('accepts exactly the numbers the earlier (quadratic) pattern accepted', () => {
    // Short strings over the characters that matter: the old pattern is fast there, so it is the reference.
    const numberish = fc.string({ unit: fc.constantFrom('0', '1', '9', '.', 'e', 'E', '+', '-', 'x'), maxLength: 12 });
    fc.assert(
      fc.property(numberish, (s) => DECIMAL_NUMBER.test(s) === OLD_NUMBER.test(s)),
      { numRuns: 5000 },
    );
  });

  it('reads back every finite coordinate within the bound, in any notation', () => {
    const coordinate = fc.double({ min: -MAX_COORDINATE_ANGSTROM, max: MAX_COORDINATE_ANGSTROM, noNaN: true });
    const notation = fc.constantFrom(
      (x: number) => String(x),
      (x: number) => x.toExponential(6),
      (x: number) => x.toFixed(8),
    );
    fc.assert(
      fc.property(fc.tuple(coordinate, coordinate, coordinate), notation, (xyz, write) => {
        const parsed = parseXyz(`1\n\nMo ${xyz.map(write).join(' ')}\n`);
        parsed.atoms[0].xyzAngstrom.forEach((v, axis) => expect(v).toBe(Number(write(xyz[axis]))));
      }),
      { numRuns: 500 },
    );
  });

  it('rejects a 100 kB digit run without echoing it', () => {
    // Was quadratic: the old pattern tried every split of the run between \d+ and \d*.
    for (const field of ['1'.repeat(100_000) + 'x', '1'.repeat(100_000), `${'1'.repeat(50_000)}.${'1'.repeat(50_000)}e`]) {
      let error: Error | undefined;
      try {
        parseXyz(`1\n\nMo ${field} 0 0\n`);
      } catch (err) {
        error = err as Error;
      }
      expect(error).toBeInstanceOf(XyzParseError);
      expect(error!.message).toMatch(/x coordinate "1{40}…" is not a finite number/);
      expect(error!.message.length).toBeLessThan(200);
    }
  });

  it('rejects coordinates beyond ±1000 Å before anything computes with them', () => {
    expect(() => parseXyz('1\n\nMo 1e300 0 0\n')).toThrow(/x coordinate 1e300 Å is beyond ±1000 Å/);
    expect(() => parseXyz('1\n\nMo 0 -1000.5 0\n')).toThrow(/y coordinate/);
    expect(parseXyz('1\n\nMo 0 0 -999.9\n').atoms[0].xyzAngstrom[2]).toBe(-999.9);
  });

  it('fails on arbitrary text only with an XyzParseError and a short message', () => {
    const line = fc.string({ unit: fc.constantFrom('M', 'o', '1', '2', '.', 'e', '-', ' ', '\t', 'x'), maxLength: 60 });
    const text = fc.array(line, { maxLength: 8 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 300 })), (t) => {
        try {
          parseXyz(t, { maxAtoms: 50 });
        } catch (err) {
          expect(err).toBeInstanceOf(XyzParseError);
          expect((err as Error).message.length).toBeLessThan(200);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads 100 kB of whitespace, blank lines or a long comment in one pass', () => {
    // Inputs that make a backtracking pattern quadratic if one is there; these finish or fail cleanly.
    expect(() => parseXyz(`1\n${'c'.repeat(100_000)}\nMo 0 0 0\n${'\n'.repeat(100_000)}`)).not.toThrow();
    expect(() => parseXyz(`1\n\nMo${' '.repeat(100_000)}0 0 0\n`)).not.toThrow();
    expect(() => parseXyz(`1\n\nMo 0 0 0${' \t'.repeat(50_000)}x\n`)).not.toThrow();
    expect(() => parseXyz(`${'9'.repeat(100_000)}\n\n`, { maxAtoms: 50 })).toThrow(XyzParseError);
  });
});
