import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { distanceAngstrom, isConnected } from '../../chem/geometry';
import type { SeedCluster } from '../../load/seed-file';
import { randomStartGeometry, START_MIN_CONTACT } from './start-geometry';

// Fixtures are the real compositions of the data set.
const clusters: SeedCluster[] = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', '..', 'seed', 'data', 'clusters.json'), 'utf8')).clusters;
const elementLists = clusters.map((c) => c.composition.flatMap(({ element, count }) => new Array<string>(count).fill(element)));

// Pyykkö–Atsumi single-bond radii (Chem. Eur. J. 2009, 15, 186), typed from the paper for an independent check.
const RADIUS: Record<string, number> = { H: 0.32, C: 0.75, N: 0.71, S: 1.03, V: 1.34, Fe: 1.16, Co: 1.11, Mo: 1.38, Rh: 1.25, Ta: 1.46 };

const arbitraryCluster = fc.record({ elements: fc.constantFrom(...elementLists), seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }) });

describe('randomStartGeometry', () => {
  it('keeps every pair at ≥ 0.8 × the covalent-radius sum and gives one connected cluster', () => {
    fc.assert(
      fc.property(arbitraryCluster, ({ elements, seed }) => {
        const atoms = randomStartGeometry(elements, seed);
        expect(atoms.map((a) => a.element)).toEqual(elements);
        for (let i = 0; i < atoms.length; i++) {
          for (let j = i + 1; j < atoms.length; j++) {
            const limit = START_MIN_CONTACT * (RADIUS[atoms[i].element] + RADIUS[atoms[j].element]);
            expect(distanceAngstrom(atoms[i].xyzAngstrom, atoms[j].xyzAngstrom)).toBeGreaterThanOrEqual(limit - 1e-9);
          }
        }
        expect(isConnected(atoms)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('is reproducible from its seed and differs between seeds', () => {
    const elements = ['Mo', 'Mo', 'Mo', 'Mo', 'Mo', 'S', 'S'];
    expect(randomStartGeometry(elements, 42)).toEqual(randomStartGeometry(elements, 42));
    expect(randomStartGeometry(elements, 42)).not.toEqual(randomStartGeometry(elements, 43));
  });

  it('is centred on the origin', () => {
    const atoms = randomStartGeometry(['Fe', 'Fe', 'Fe', 'Fe', 'Fe', 'Fe', 'C', 'C', 'C', 'C'], 3);
    for (let k = 0; k < 3; k++) expect(atoms.reduce((s, a) => s + a.xyzAngstrom[k], 0) / atoms.length).toBeCloseTo(0, 10);
  });
});
