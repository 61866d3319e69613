import { NonFiniteValueError, ShapeMismatchError, TooManyAtomsError, InvalidArgumentError } from './errors';
import type { ModelGraph } from './featurize';
import { ModelService } from './model.service';
import { MODEL_DIR, readStructure } from '../../../test/ml/fixtures';

/**
 * Prediction, attribution, similarity and domain services on real clusters. Attribution checks
 * are properties that must hold for any model (efficiency, consistency between services), so
 * they stay valid when the model is retrained.
 */

describe('model services', () => {
  let model: ModelService;
  let ids: readonly string[];
  const graph = (id: string) => model.featurize(readStructure(id), id);
  /** The largest training cluster (most atoms; ties by id). */
  let largestId: string;

  beforeAll(async () => {
    model = await ModelService.load({ modelDir: MODEL_DIR });
    ids = model.manifest.training.clusterIds;
    largestId = [...ids].sort((a, b) => graph(b).atomCount - graph(a).atomCount || a.localeCompare(b))[0];
  });
  afterAll(async () => {
    await model?.close();
  });

  it('predicts a mean, a member spread and an embedding per cluster', async () => {
    const [p] = await model.predict([graph(ids[0])]);
    const M = model.manifest.ensemble.members;
    expect(p.members).toHaveLength(M);
    const mean = p.members.reduce((a, b) => a + b, 0) / M;
    expect(p.meanLog10K1).toBeCloseTo(mean, 5);
    const sd = Math.sqrt(p.members.reduce((a, b) => a + (b - mean) ** 2, 0) / M);
    expect(p.stdLog10K1).toBeCloseTo(sd, 5);
    expect(p.embedding).toBeInstanceOf(Float32Array);
    expect(p.embedding.length).toBe(model.manifest.files.trainingEmbeddings.shape?.[1]);
  });

  it('gives the same prediction for a cluster alone and inside a batch, in input order across size buckets', async () => {
    // Unsorted sizes on purpose: predict() sorts them into buckets and must put answers back in place.
    const list = [largestId, ids[0], ids[100], ids[7], ids[200], ids[0]].map(graph);
    const batch = await model.predict(list);
    for (const [k, g] of list.entries()) {
      const [alone] = await model.predict([g]);
      expect(batch[k].meanLog10K1).toBeCloseTo(alone.meanLog10K1, 5);
    }
  });

  it('compact coalitions (subgraph of present atoms) give the same Shapley values as masked full graphs', async () => {
    const g = graph(ids.find((id) => graph(id).atomCount === 9) ?? largestId);
    const compact = await model.shapleyAtoms(g, { coalitions: 'compact' });
    const masked = await model.shapleyAtoms(g, { coalitions: 'masked' });
    expect(compact.emptyValue).toBeCloseTo(masked.emptyValue, 5);
    expect(compact.fullValue).toBeCloseTo(masked.fullValue, 5);
    compact.values.forEach((v, i) => expect(v).toBeCloseTo(masked.values[i], 4));
  });

  it('exact atom Shapley values sum to f(all) − f(none), and f(all) is the prediction', async () => {
    const g = graph(largestId);
    const s = await model.shapleyAtoms(g);
    expect(s.method).toBe('exact');
    expect(s.evaluations).toBe(2 ** g.atomCount);
    const sum = s.values.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(s.fullValue - s.emptyValue, 6);
    const [p] = await model.predict([g]);
    expect(s.fullValue).toBeCloseTo(p.meanLog10K1, 4);
    expect(s.elements).toEqual(g.elements);
  });

  it('permutation sampling is efficient and agrees with the exact values', async () => {
    const g = graph(largestId);
    const exact = await model.shapleyAtoms(g);
    const sampled = await model.shapleyAtoms(g, { method: 'permutation', permutationPairs: 64, seed: 3 });
    expect(sampled.values.reduce((a, b) => a + b, 0)).toBeCloseTo(sampled.fullValue - sampled.emptyValue, 5);
    sampled.values.forEach((v, i) => {
      expect(Math.abs(v - exact.values[i])).toBeLessThanOrEqual(5 * sampled.standardErrors![i] + 1e-4);
    });
  });

  it('switches to permutation sampling above 14 atoms', async () => {
    // Two real clusters side by side: a 15+-atom user structure with two fragments.
    const a = readStructure(largestId);
    const n = a.isomer.atoms.length;
    const b = readStructure(ids[0]);
    const merged = {
      charge: a.charge,
      multiplicity: a.multiplicity,
      isomer: {
        ...a.isomer,
        atoms: [...a.isomer.atoms, ...b.isomer.atoms],
        bonds: [...a.isomer.bonds, ...b.isomer.bonds.map((x) => ({ ...x, a: x.a + n, b: x.b + n }))],
      },
    };
    const g = model.featurize(merged, 'merged');
    expect(g.atomCount).toBeGreaterThan(14);
    const s = await model.shapleyAtoms(g, { permutationPairs: 8 });
    expect(s.method).toBe('permutation');
    expect(s.standardErrors).toHaveLength(g.atomCount);
    expect(s.values.reduce((x, y) => x + y, 0)).toBeCloseTo(s.fullValue - s.emptyValue, 5);
    await expect(model.shapleyAtoms(g, { method: 'exact' })).rejects.toThrow(InvalidArgumentError);
  });

  it('subgraph contributions: Shapley sums over a partition add up, coalition of all atoms is f(all) − f(none)', async () => {
    const g = graph(largestId);
    const metals = g.elements.map((e, i) => (model.manifest.features.elementProperties[e]?.isMetal ? i : -1)).filter((i) => i >= 0);
    const others = g.elements.map((_, i) => i).filter((i) => !metals.includes(i));
    const all = g.elements.map((_, i) => i);
    const subgraphs = others.length ? [metals, others, all] : [metals, all];
    const shapley = await model.shapleyAtoms(g);
    const parts = await model.subgraphContributions(g, subgraphs, shapley);
    const total = shapley.fullValue - shapley.emptyValue;
    const partsSum = parts.slice(0, -1).reduce((a, p) => a + p.shapleySum, 0);
    expect(partsSum).toBeCloseTo(total, 6);
    const whole = parts[parts.length - 1];
    expect(whole.coalitionValue).toBeCloseTo(total, 5);
    expect(whole.removalEffect).toBeCloseTo(total, 5);
    expect(whole.shapleySum).toBeCloseTo(total, 6);
    await expect(model.subgraphContributions(g, [[0, g.atomCount]])).rejects.toThrow('subgraphs[0][1]: atom index');
  });

  it('bond occlusion removes one bond at a time', async () => {
    const g = graph(largestId);
    const occ = await model.bondOcclusion(g);
    const [p] = await model.predict([g]);
    expect(occ.fullLog10K1).toBeCloseTo(p.meanLog10K1, 4);
    expect(occ.bonds).toHaveLength(g.bonds.length);
    for (const b of occ.bonds) {
      expect(b.delta).toBeCloseTo(occ.fullLog10K1 - b.log10K1Without, 10);
      expect(b.weight).toBeGreaterThan(0);
    }
  });

  it('finds a training cluster as its own nearest neighbour, and can exclude it', async () => {
    const [p] = await model.predict([graph(ids[5])]);
    const top = model.similar(p.embedding, 3);
    expect(top[0].clusterId).toBe(ids[5]);
    expect(top[0].cosineSimilarity).toBeCloseTo(1, 4);
    expect(top[0].distance).toBeCloseTo(0, 3);
    const without = model.similar(p.embedding, 3, { excludeClusterId: ids[5] });
    expect(without.map((n) => n.clusterId)).not.toContain(ids[5]);
    expect(() => model.similar(p.embedding, 0)).toThrow(InvalidArgumentError);
  });

  it('applicability domain: training clusters inside, an unseen element outside', async () => {
    const g = graph(ids[5]);
    const [p] = await model.predict([g]);
    const inside = model.applicabilityDomain(g, p);
    expect(inside.inDomain).toBe(true);
    expect(inside.nearestTrainingClusterId).toBe(ids[5]);

    const input = readStructure(ids[5]);
    const metalIndex = input.isomer.atoms.findIndex((a) => model.manifest.features.elementProperties[a.element]?.isMetal);
    const swapped = {
      ...input,
      isomer: { ...input.isomer, atoms: input.isomer.atoms.map((a, i) => (i === metalIndex ? { ...a, element: 'W' } : a)) },
    };
    const w = model.featurize(swapped);
    const [pw] = await model.predict([w]);
    const outside = model.applicabilityDomain(w, pw);
    expect(outside.inDomain).toBe(false);
    expect(outside.unknownElements).toEqual(['W']);
    expect(outside.reasons[0]).toMatch(/elements not in the training data: W/);
  });

  it('predictClusters judges catalog clusters leave-self-out and names the bad item', async () => {
    const out = await model.predictClusters([{ structure: readStructure(ids[1]), clusterId: ids[1] }, { structure: readStructure(ids[2]) }]);
    expect(out[0].domain.nearestTrainingClusterId).not.toBe(ids[1]);
    expect(out[1].domain.nearestTrainingClusterId).toBe(ids[2]);
    const [direct] = await model.predict([graph(ids[1])]);
    expect(out[0].prediction.meanLog10K1).toBeCloseTo(direct.meanLog10K1, 5);
    const broken = readStructure(ids[1]);
    const atoms = broken.isomer.atoms.map((a, i) => (i === 0 ? { ...a, partialCharge: Number.POSITIVE_INFINITY } : a));
    await expect(model.predictClusters([{ structure: { ...broken, isomer: { ...broken.isomer, atoms } } }])).rejects.toThrow('items[0].atoms[0].partialCharge');
  });

  it('default subgraphs group atoms by element and by metal / non-metal', () => {
    const g = graph(largestId);
    const groups = model.defaultSubgraphs(g);
    const byElement = groups.filter((x) => x.label !== 'metal' && x.label !== 'non-metal');
    expect(byElement.flatMap((x) => x.atoms).sort((a, b) => a - b)).toEqual(g.elements.map((_, i) => i));
    for (const x of byElement) for (const i of x.atoms) expect(g.elements[i]).toBe(x.label);
  });

  describe('rejects invalid inputs before inference', () => {
    const tweak = (g: ModelGraph, patch: Partial<ModelGraph>): ModelGraph => ({ ...g, ...patch });

    it('NaN features', async () => {
      const g = graph(ids[0]);
      const bad = g.atomFeatures.slice();
      bad[0] = Number.NaN;
      await expect(model.predict([g, tweak(g, { atomFeatures: bad })])).rejects.toThrow(NonFiniteValueError);
      await expect(model.predict([g, tweak(g, { atomFeatures: bad })])).rejects.toThrow('graphs[1].atomFeatures[0]');
    });

    it('more than 50 atoms', async () => {
      const input = readStructure(ids[0]);
      const atoms = Array.from({ length: 51 }, (_, k) => input.isomer.atoms[k % input.isomer.atoms.length]);
      expect(() => model.featurize({ ...input, isomer: { ...input.isomer, atoms, bonds: [] } })).toThrow(TooManyAtomsError);
      const g = graph(ids[0]);
      await expect(model.predict([tweak(g, { atomCount: 51 })])).rejects.toThrow(TooManyAtomsError);
    });

    it('wrongly shaped tensors', async () => {
      const g = graph(ids[0]);
      await expect(model.predict([tweak(g, { globalFeatures: new Float32Array(1) })])).rejects.toThrow(ShapeMismatchError);
      await expect(model.shapleyAtoms(tweak(g, { adjacency: new Float32Array(3) }))).rejects.toThrow(ShapeMismatchError);
    });
  });
});
