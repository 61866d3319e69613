import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packBatch, packCoalitions, validateGraph } from './batch';
import { NonFiniteValueError, ShapeMismatchError, TooManyAtomsError } from './errors';
import { featurize, type ModelGraph } from './featurize';
import type { FeatureEncoding } from './manifest';

const STRUCTURES = path.resolve(__dirname, '..', '..', '..', 'seed', 'structures', 'data');

const encoding: FeatureEncoding = {
  maxAtoms: 50,
  vocabulary: [],
  atomFeatures: [
    { name: 'partialCharge', kind: 'atomProperty', property: 'partialCharge' },
    { name: 'coordinationNumber', kind: 'atomProperty', property: 'coordinationNumber' },
  ],
  globalFeatures: [{ name: 'charge', kind: 'clusterCharge' }],
  adjacency: { kind: 'wiberg' },
  elementProperties: { Mo: {}, S: {}, Fe: {}, C: {}, V: {} },
};
const dims = { atomFeatureCount: 2, globalFeatureCount: 1, maxAtoms: 50 };

function graph(id: string): ModelGraph {
  const file = JSON.parse(readFileSync(path.join(STRUCTURES, `${id}.json`), 'utf8'));
  return featurize({ isomer: file.isomers[0], charge: file.charge, multiplicity: file.multiplicity }, encoding, id);
}

describe('packBatch', () => {
  const small = graph('Mo5S2-anion'); // 7 atoms
  const large = graph('Fe4C4-anion'); // 8 atoms

  it('pads every graph to the largest and masks the padding', () => {
    const b = packBatch([{ graph: small }, { graph: large }], dims);
    const N = 8;
    expect(b.atomSlots).toBe(N);
    expect(Array.from(b.atomMask)).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(Array.from(b.atomFeatures.subarray(0, 14))).toEqual(Array.from(small.atomFeatures));
    expect(Array.from(b.atomFeatures.subarray(14, 16))).toEqual([0, 0]);
    for (let i = 0; i < 7; i++) {
      expect(Array.from(b.adjacency.subarray(i * N, i * N + 7))).toEqual(Array.from(small.adjacency.subarray(i * 7, i * 7 + 7)));
      expect(b.adjacency[i * N + 7]).toBe(0);
    }
    expect(Array.from(b.adjacency.subarray(N * N, 2 * N * N))).toEqual(Array.from(large.adjacency));
    expect(Array.from(b.globalFeatures)).toEqual([-1, -1]);
  });

  it('applies per-item masks and adjacency overrides', () => {
    const mask = new Float32Array([1, 0, 1, 1, 1, 1, 0]);
    const adjacency = new Float32Array(49);
    const b = packBatch([{ graph: small, mask, adjacency }], dims);
    expect(Array.from(b.atomMask)).toEqual(Array.from(mask));
    expect(b.adjacency.every((x) => x === 0)).toBe(true);
  });

  it('packs coalition rows from byte masks', () => {
    const masks = new Uint8Array([0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
    const b = packCoalitions(small, masks, 1, 2, dims);
    expect(b.batchSize).toBe(2);
    expect(Array.from(b.atomMask)).toEqual(Array.from(masks.subarray(7)));
    expect(Array.from(b.atomFeatures.subarray(14, 28))).toEqual(Array.from(small.atomFeatures));
  });
});

describe('validateGraph', () => {
  const g = graph('Mo5S2-anion');

  it('accepts a featurized graph', () => {
    expect(() => validateGraph(g, dims, 'graphs[0]')).not.toThrow();
  });

  it('rejects non-finite values, wrong lengths and too many atoms, naming the place', () => {
    const bad = g.atomFeatures.slice();
    bad[3] = Number.POSITIVE_INFINITY;
    expect(() => validateGraph({ ...g, atomFeatures: bad }, dims, 'graphs[0]')).toThrow(
      new NonFiniteValueError('graphs[0].atomFeatures[3]', Number.POSITIVE_INFINITY),
    );
    expect(() => validateGraph({ ...g, adjacency: new Float32Array(10) }, dims, 'graphs[1]')).toThrow(ShapeMismatchError);
    expect(() => validateGraph({ ...g, adjacency: new Float32Array(10) }, dims, 'graphs[1]')).toThrow('graphs[1].adjacency: expected 7×7 = 49 values, got 10');
    expect(() => validateGraph({ ...g, atomCount: 51 }, dims, 'graphs[2]')).toThrow(TooManyAtomsError);
  });
});
