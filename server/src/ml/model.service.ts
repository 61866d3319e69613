import path from 'node:path';
import { loadCalibration, type Calibration } from './calibration';
import { loadHeldOutPredictions, type HeldOutPrediction } from './held-out';
import { packBatch, packCoalitions, packCompactCoalitions, validateGraph, type BatchItem, type BatchTensors, type TensorDims } from './batch';
import { EmbeddingIndex, type Neighbour } from './embedding-index';
import { InvalidArgumentError, ModelUnavailableError, ShapeMismatchError } from './errors';
import { featurize, type ClusterStructureInput, type ModelGraph } from './featurize';
import { InferenceWorker } from './inference-worker';
import { readManifest, verifyModelFiles, type Manifest } from './manifest';
import { exactShapley, MAX_EXACT_PLAYERS, permutationShapley, type ShapleyResult } from './shapley';
import type { WireTensor } from './worker-protocol';

/**
 * Model services for the API: prediction with ensemble uncertainty, applicability domain,
 * atom Shapley values, bond occlusion, subgraph contributions and similarity search. Nothing
 * here knows about GraphQL. One instance owns one ORT worker thread; create it once at start
 * with `ModelService.load` (or `tryLoadModel`) and `close()` it at shutdown.
 */

export interface ModelServiceOptions {
  /** Directory holding manifest.json and the files it lists (config MODELS_DIR). */
  modelDir: string;
  /** ORT intra-op threads (1–2 on the 2-core host). Default 1. */
  intraOpNumThreads?: number;
  /** Upper bound on input floats per ORT call; larger coalition sets are split. Default 4M. */
  maxFloatsPerCall?: number;
  /** Antithetic permutation pairs for Shapley values above 14 atoms. Default 64 (128 orderings). */
  permutationPairs?: number;
  /**
   * Decides when each ORT call runs (the API's fair, bounded inference queue); it may reject, and
   * the rejection reaches the caller unchanged. Default: at once. Per call rather than per
   * explain, so a cheap prediction waits for at most one call of someone's Shapley run.
   */
  schedule?: <T>(task: () => Promise<T>) => Promise<T>;
}

export interface Prediction {
  /** Ensemble mean of log10 k1 (k1 in cm³ molecule⁻¹ s⁻¹). */
  meanLog10K1: number;
  /** Population standard deviation over the ensemble members. */
  stdLog10K1: number;
  members: number[];
  /** Pooled graph readout of every member, concatenated (for `similar` and the domain check). */
  embedding: Float32Array;
}

export interface DomainReport {
  /** Training clusters are in domain by construction; a new structure is when no reason below applies. */
  inDomain: boolean;
  /** Human-readable reasons the structure is outside the training domain (empty when inside). */
  reasons: string[];
  /** Limits of what the model knows that apply even inside the domain (e.g. heteronuclear transfer). */
  caveats: string[];
  /** The embedding distance alone exceeds its threshold (intervals are then widened, uncalibrated). */
  embeddingOutlier: boolean;
  unknownElements: string[];
  atomCount: number;
  trainingAtomCount: { min: number; max: number };
  nearestTrainingClusterId: string;
  /** Euclidean distance between z-scored embeddings. */
  nearestDistance: number;
  /** That distance's limit: the `distancePercentile`th percentile of training nearest-neighbour distances. */
  distanceThreshold: number;
  distancePercentile: number;
}

export interface ClusterPrediction {
  graph: ModelGraph;
  prediction: Prediction;
  domain: DomainReport;
}

export interface AtomShapley extends ShapleyResult {
  /** Element of each atom, in input order. */
  elements: string[];
  /** The explained quantity. */
  target: 'meanLog10K1';
}

export interface ShapleyOptions {
  /** 'auto' (default): exact up to 14 atoms, permutation sampling above. */
  method?: 'auto' | 'exact' | 'permutation';
  /** Antithetic permutation pairs for sampling (default from the service options, 64). */
  permutationPairs?: number;
  /** PRNG seed for sampling; the same seed gives the same values. Default 0. */
  seed?: number;
  /**
   * Evaluate each coalition as the subgraph of its present atoms (default) or as the full graph
   * with absent atoms masked. Same values; the compact form skips the absent atoms' work.
   */
  coalitions?: 'compact' | 'masked';
}

export interface BondOcclusion {
  fullLog10K1: number;
  bonds: Array<{
    a: number;
    b: number;
    elements: [string, string];
    /** Adjacency weight removed (1, or the Wiberg order when the model uses it). */
    weight: number;
    log10K1Without: number;
    /** fullLog10K1 − log10K1Without: positive when the bond raises the predicted rate. */
    delta: number;
  }>;
}

export interface SubgraphContribution {
  atoms: number[];
  /** Σ of the atoms' Shapley values. */
  shapleySum: number;
  /** f(S) − f(∅): the subgraph alone, every other atom masked. */
  coalitionValue: number;
  /** f(N) − f(N∖S): what the full cluster loses without the subgraph. */
  removalEffect: number;
}

export interface ModelInfo {
  name: string;
  version: string;
  members: number;
  opset: number;
  target: Manifest['target'];
  trainingClusterCount: number;
  trainingDataSha256: string;
  trainingAtomCount: { min: number; max: number };
  trainingElements: string[];
  vocabulary: string[];
  maxAtoms: number;
  domainDistanceThreshold: number;
  domainDistancePercentile: number;
  metrics: Record<string, unknown>;
  modelCardPath: string | null;
}

const OUT_MEAN = 'log10k1_mean';
// A size bucket of predict() holds graphs up to 1.25× the atom count of its smallest.
const MAX_PADDING_RATIO = 1.25;
const OUT_MEMBERS = 'log10k1_members';
const OUT_EMBEDDING = 'embedding';
const INPUTS = ['atom_features', 'adjacency', 'atom_mask', 'global_features'] as const;

export class ModelService {
  private constructor(
    readonly manifest: Manifest,
    private readonly modelDir: string,
    private readonly worker: InferenceWorker,
    private readonly index: EmbeddingIndex,
    private readonly dims: TensorDims,
    private readonly embeddingDim: number,
    private readonly options: Required<Omit<ModelServiceOptions, 'modelDir'>>,
    private readonly heldOut: Map<string, HeldOutPrediction[]>,
    readonly calibration: Calibration,
  ) {}

  /** Verifies every file's sha256, starts the ORT worker and checks the graph's inputs and outputs. */
  static async load(options: ModelServiceOptions): Promise<ModelService> {
    const opts = {
      intraOpNumThreads: options.intraOpNumThreads ?? 1,
      maxFloatsPerCall: options.maxFloatsPerCall ?? 4_000_000,
      permutationPairs: options.permutationPairs ?? 64,
      schedule: options.schedule ?? (<T>(task: () => Promise<T>) => task()),
    };
    const modelDir = path.resolve(options.modelDir);
    const manifest = await readManifest(modelDir);
    await verifyModelFiles(modelDir, manifest);

    const problems: string[] = [];
    const wantIn = manifest.onnx.inputs.map((t) => t.name);
    for (const name of INPUTS) if (!wantIn.includes(name)) problems.push(`manifest lists no input "${name}"`);
    if (problems.length) throw new ModelUnavailableError(`model manifest in ${modelDir}: ${problems.join('; ')}`);
    const emb = manifest.files.trainingEmbeddings;
    const shape = emb.shape;

    const index = await EmbeddingIndex.load(
      path.join(modelDir, emb.path),
      manifest.training.clusterIds,
      shape,
      manifest.applicabilityDomain.embeddingMean,
      manifest.applicabilityDomain.embeddingStd,
    );
    const dims: TensorDims = {
      atomFeatureCount: manifest.features.atomFeatures.length,
      globalFeatureCount: manifest.features.globalFeatures.length,
      maxAtoms: manifest.features.maxAtoms,
    };
    const oof = manifest.files.outOfFoldPredictions;
    const heldOut = oof ? await loadHeldOutPredictions(path.join(modelDir, oof.path)) : new Map<string, HeldOutPrediction[]>();
    const calibrationFile = manifest.files.calibration;
    if (!calibrationFile) throw new ModelUnavailableError(`model manifest in ${modelDir} lists no calibration file (run models/calibrate.py)`);
    const calibration = await loadCalibration(path.join(modelDir, calibrationFile.path));
    const worker = await InferenceWorker.start(path.join(modelDir, manifest.files.model.path), opts.intraOpNumThreads);
    const service = new ModelService(manifest, modelDir, worker, index, dims, shape[1], opts, heldOut, calibration);
    try {
      service.checkSessionNames();
      await service.checkOutputShapes();
    } catch (err) {
      await worker.close();
      throw err;
    }
    return service;
  }

  get info(): ModelInfo {
    const m = this.manifest;
    const card = m.files.modelCard?.path;
    return {
      name: m.name,
      version: m.version,
      members: m.ensemble.members,
      opset: m.onnx.opset,
      target: m.target,
      trainingClusterCount: m.training.clusterIds.length,
      trainingDataSha256: m.training.data.sha256,
      trainingAtomCount: m.training.atomCount,
      trainingElements: m.training.elements,
      vocabulary: m.features.vocabulary,
      maxAtoms: m.features.maxAtoms,
      domainDistanceThreshold: m.applicabilityDomain.threshold,
      domainDistancePercentile: m.applicabilityDomain.percentile,
      metrics: m.metrics,
      modelCardPath: card ? path.join(this.modelDir, card) : null,
    };
  }

  /** Out-of-fold predictions of a training cluster, one per evaluation protocol that held it out. */
  heldOutPredictions(clusterId: string): HeldOutPrediction[] {
    return this.heldOut.get(clusterId) ?? [];
  }

  /** Whether the served ensemble was trained on this catalog cluster. */
  isTrainingCluster(clusterId: string): boolean {
    this.trainingIds ??= new Set(this.manifest.training.clusterIds);
    return this.trainingIds.has(clusterId);
  }

  private trainingIds: Set<string> | undefined;

  /** Metal family of a list of atoms ("Fe–V": sorted metal symbols, en dash), as models/ names it. */
  metalFamily(elements: readonly string[]): string {
    const props = this.manifest.features.elementProperties;
    return [...new Set(elements.filter((e) => props[e]?.isMetal === true))].sort().join('–');
  }

  private lastPredictRunMs: number | null = null;

  /** Time of the most recent predict()'s ORT session.run() calls (summed over its size buckets), or of the last run, in the worker (no transfer or validation). */
  get lastInferenceMs(): number | null {
    return this.lastPredictRunMs ?? this.worker.lastRunMs;
  }

  /** Structure (contract 2 isomer) + charge + multiplicity → model graph; throws InvalidGraphError subclasses. */
  featurize(input: ClusterStructureInput, where = 'structure'): ModelGraph {
    return featurize(input, this.manifest.features, where);
  }

  /**
   * Batched inference for the whole list: graphs sorted by size and packed into a few size
   * buckets (one ORT run each), because the dense padded tensors cost O(N²) per graph for the
   * largest N in the batch, and one 44-atom cluster would otherwise pad 200 small ones.
   */
  async predict(graphs: readonly ModelGraph[]): Promise<Prediction[]> {
    graphs.forEach((g, i) => validateGraph(g, this.dims, `graphs[${i}]`));
    const order = graphs.map((_, i) => i).sort((a, b) => graphs[a].atomCount - graphs[b].atomCount);
    const out = new Array<Prediction>(graphs.length);
    let done = 0;
    let runMs = 0;
    for (const chunk of this.chunks(
      order.map((i) => ({ graph: graphs[i] })),
      MAX_PADDING_RATIO,
    )) {
      const res = await this.run(() => packBatch(chunk, this.dims), [OUT_MEAN, OUT_MEMBERS, OUT_EMBEDDING]);
      runMs += this.worker.lastRunMs ?? Number.NaN;
      const M = this.manifest.ensemble.members;
      const E = this.embeddingDim;
      for (let b = 0; b < chunk.length; b++) {
        const members = Array.from(res[OUT_MEMBERS].data.subarray(b * M, (b + 1) * M));
        const mean = res[OUT_MEAN].data[b];
        const variance = members.reduce((a, v) => a + (v - mean) ** 2, 0) / M;
        out[order[done + b]] = {
          meanLog10K1: mean,
          stdLog10K1: Math.sqrt(variance),
          members,
          // Copied with this realm's constructor: the worker's arrays belong to another realm (matters under Jest).
          embedding: new Float32Array(res[OUT_EMBEDDING].data.subarray(b * E, (b + 1) * E)),
        };
      }
      done += chunk.length;
    }
    this.lastPredictRunMs = runMs;
    return out;
  }

  /**
   * Featurize + predict + applicability domain for a list of structures, in one ORT call.
   * Pass `clusterId` for catalog clusters: the domain distance is then measured leave-self-out
   * (a training cluster's nearest neighbour is not itself) and `similar` excludes it too.
   * Featurizer errors name the item, e.g. "items[3].atoms[2].partialCharge".
   */
  async predictClusters(items: ReadonlyArray<{ structure: ClusterStructureInput; clusterId?: string }>): Promise<ClusterPrediction[]> {
    const graphs = items.map((it, i) => this.featurize(it.structure, `items[${i}]`));
    const predictions = await this.predict(graphs);
    return predictions.map((prediction, i) => ({
      graph: graphs[i],
      prediction,
      domain: this.applicabilityDomain(graphs[i], prediction, { excludeClusterId: items[i].clusterId, charge: items[i].structure.charge }),
    }));
  }

  /** Labelled atom groups for subgraphContributions: each element, all metal atoms, all non-metal atoms. */
  defaultSubgraphs(graph: ModelGraph): Array<{ label: string; atoms: number[] }> {
    const props = this.manifest.features.elementProperties;
    const out: Array<{ label: string; atoms: number[] }> = [];
    const elements = [...new Set(graph.elements)];
    for (const el of elements) out.push({ label: el, atoms: graph.elements.flatMap((e, i) => (e === el ? [i] : [])) });
    const metal = graph.elements.flatMap((e, i) => (props[e]?.isMetal === true ? [i] : []));
    const nonMetal = graph.elements.flatMap((e, i) => (props[e]?.isMetal === true ? [] : [i]));
    if (metal.length && nonMetal.length) {
      out.push({ label: 'metal', atoms: metal }, { label: 'non-metal', atoms: nonMetal });
    }
    return out;
  }

  /**
   * Applicability domain. Catalog clusters the model was trained on are in domain by
   * construction (their distance figures are still reported, measured leave-self-out). For a new
   * structure: elements, atom count and charge outside training, a metal combination not in
   * training, or an embedding distance above the threshold put it outside.
   */
  applicabilityDomain(graph: ModelGraph, prediction: Prediction, options: { excludeClusterId?: string; charge?: number } = {}): DomainReport {
    const m = this.manifest;
    const reasons: string[] = [];
    const vocab = new Set(m.features.vocabulary);
    const unknownElements = [...new Set(graph.elements.filter((e) => !vocab.has(e)))].sort();
    if (unknownElements.length) reasons.push(`elements not in the training data: ${unknownElements.join(', ')}`);
    const range = m.training.atomCount;
    if (graph.atomCount < range.min || graph.atomCount > range.max) {
      reasons.push(`${graph.atomCount} atoms is outside the training range ${range.min}–${range.max}`);
    }
    const charges = this.trainingCharges;
    if (options.charge !== undefined && charges && !charges.includes(options.charge)) {
      reasons.push(`charge ${options.charge} is not among the training charges (${charges.join(', ')})`);
    }
    const family = this.metalFamily(graph.elements);
    const families = this.trainingFamilies;
    if (families && family && !families.includes(family)) {
      reasons.push(`the metal combination ${family} is not in the training data`);
    }
    const nearest = this.index.nearestByDistance(prediction.embedding, options.excludeClusterId);
    const threshold = m.applicabilityDomain.threshold;
    const embeddingOutlier = nearest.distance > threshold;
    if (embeddingOutlier) {
      reasons.push(
        `embedding distance ${nearest.distance.toFixed(2)} to the nearest training cluster (${nearest.clusterId}) exceeds ` +
          `the ${m.applicabilityDomain.percentile}th percentile of training nearest-neighbour distances (${threshold.toFixed(2)})`,
      );
    }
    const caveats: string[] = [];
    if (family.includes('–')) caveats.push(this.heteronuclearCaveat());
    const training = options.excludeClusterId !== undefined && this.isTrainingCluster(options.excludeClusterId);
    return {
      inDomain: training || reasons.length === 0,
      reasons: training ? [] : reasons,
      caveats,
      embeddingOutlier: !training && embeddingOutlier,
      unknownElements,
      atomCount: graph.atomCount,
      trainingAtomCount: range,
      nearestTrainingClusterId: nearest.clusterId,
      nearestDistance: nearest.distance,
      distanceThreshold: threshold,
      distancePercentile: m.applicabilityDomain.percentile,
    };
  }

  get trainingCharges(): number[] | undefined {
    return this.manifest.training.charges;
  }

  private get trainingFamilies(): string[] | undefined {
    return this.manifest.training.families;
  }

  /** The transfer result behind every heteronuclear verdict, quoted from the manifest's metrics. */
  private heteronuclearCaveat(): string {
    const b = (this.manifest.metrics.b as Record<string, { rmse?: number; r2?: number }> | undefined)?.gin;
    const transfer = b && typeof b.r2 === 'number' && typeof b.rmse === 'number' ? ` (RMSE ${b.rmse.toFixed(2)}, R² ${b.r2.toFixed(2)})` : '';
    return (
      `heteronuclear cluster: a model trained on homonuclear clusters transfers poorly to heteronuclear ones${transfer}; ` +
      'its accuracy here rests on the few heteronuclear families in training'
    );
  }

  /** k most similar training clusters by cosine similarity of z-scored embeddings. */
  similar(embedding: ArrayLike<number>, k: number, options: { excludeClusterId?: string } = {}): Neighbour[] {
    if (!Number.isInteger(k) || k < 1) throw new InvalidArgumentError('k', `must be a positive integer, got ${k}`);
    return this.index.rank(embedding, options.excludeClusterId).slice(0, k);
  }

  /**
   * Shapley value of every atom for the ensemble-mean log10 k1, with absent atoms masked out.
   * Exact (2^n coalitions) up to 14 atoms, antithetic permutation sampling above.
   */
  async shapleyAtoms(graph: ModelGraph, options: ShapleyOptions = {}): Promise<AtomShapley> {
    validateGraph(graph, this.dims, 'graph');
    const method = options.method ?? 'auto';
    if (method === 'exact' && graph.atomCount > MAX_EXACT_PLAYERS) {
      throw new InvalidArgumentError('method', `exact Shapley values are limited to ${MAX_EXACT_PLAYERS} atoms (graph has ${graph.atomCount})`);
    }
    const pairs = options.permutationPairs ?? this.options.permutationPairs;
    if (!Number.isInteger(pairs) || pairs < 2 || pairs > 4096) {
      throw new InvalidArgumentError('permutationPairs', `must be an integer in 2..4096, got ${pairs}`);
    }
    const compact = (options.coalitions ?? 'compact') === 'compact';
    const evaluate = (masks: Uint8Array, n: number) => (compact ? this.evaluateCompactCoalitions(graph, masks, n) : this.evaluateCoalitions(graph, masks, n));
    const exact = method === 'exact' || (method === 'auto' && graph.atomCount <= MAX_EXACT_PLAYERS);
    const result = exact
      ? await exactShapley(graph.atomCount, evaluate)
      : await permutationShapley(graph.atomCount, evaluate, {
          permutationPairs: pairs,
          seed: options.seed ?? 0,
        });
    return { ...result, elements: [...graph.elements], target: 'meanLog10K1' };
  }

  /** Prediction with each bond removed in turn (adjacency entries zeroed), in one ORT call. */
  async bondOcclusion(graph: ModelGraph): Promise<BondOcclusion> {
    validateGraph(graph, this.dims, 'graph');
    const n = graph.atomCount;
    const items: BatchItem[] = [{ graph }];
    for (const { a, b } of graph.bonds) {
      const adjacency = graph.adjacency.slice();
      adjacency[a * n + b] = 0;
      adjacency[b * n + a] = 0;
      items.push({ graph, adjacency });
    }
    const values = await this.evaluateItems(items);
    const full = values[0];
    return {
      fullLog10K1: full,
      bonds: graph.bonds.map(({ a, b }, k) => ({
        a,
        b,
        elements: [graph.elements[a], graph.elements[b]],
        weight: graph.adjacency[a * n + b],
        log10K1Without: values[k + 1],
        delta: full - values[k + 1],
      })),
    };
  }

  /**
   * For each subgraph (a set of atom indices): the sum of its atoms' Shapley values, its
   * coalition value f(S) − f(∅) and its removal effect f(N) − f(N∖S). Pass `shapley` to reuse
   * values already computed for this graph.
   */
  async subgraphContributions(graph: ModelGraph, subgraphs: ReadonlyArray<readonly number[]>, shapley?: AtomShapley): Promise<SubgraphContribution[]> {
    validateGraph(graph, this.dims, 'graph');
    const n = graph.atomCount;
    const sets = subgraphs.map((atoms, k) => {
      if (!Array.isArray(atoms) || atoms.length === 0) {
        throw new InvalidArgumentError(`subgraphs[${k}]`, 'must be a non-empty list of atom indices');
      }
      const seen = new Set<number>();
      atoms.forEach((i, j) => {
        if (!Number.isInteger(i) || i < 0 || i >= n) {
          throw new InvalidArgumentError(`subgraphs[${k}][${j}]`, `atom index ${String(i)} is not in 0..${n - 1}`);
        }
        if (seen.has(i)) throw new InvalidArgumentError(`subgraphs[${k}][${j}]`, `atom ${i} is listed twice`);
        seen.add(i);
      });
      return seen;
    });
    if (shapley && shapley.values.length !== n) {
      throw new ShapeMismatchError('shapley.values', `${n} values`, `${shapley.values.length}`);
    }
    const phi = shapley ?? (await this.shapleyAtoms(graph));
    // Rows: ∅, N, then S and N∖S for each subgraph.
    const masks = new Uint8Array((2 + 2 * sets.length) * n);
    masks.fill(1, n, 2 * n);
    sets.forEach((s, k) => {
      for (let i = 0; i < n; i++) {
        masks[(2 + 2 * k) * n + i] = s.has(i) ? 1 : 0;
        masks[(3 + 2 * k) * n + i] = s.has(i) ? 0 : 1;
      }
    });
    const v = await this.evaluateCoalitions(graph, masks, n);
    return sets.map((s, k) => ({
      atoms: [...s].sort((a, b) => a - b),
      shapleySum: [...s].reduce((acc, i) => acc + phi.values[i], 0),
      coalitionValue: v[2 + 2 * k] - v[0],
      removalEffect: v[1] - v[3 + 2 * k],
    }));
  }

  async close(): Promise<void> {
    await this.worker.close();
  }

  // ---- internals ----

  private floatsPerGraph(n: number): number {
    return n * this.dims.atomFeatureCount + n * n + n + this.dims.globalFeatureCount;
  }

  /** Consecutive runs of items within maxFloatsPerCall and, if given, within a size ratio (for sorted items). */
  private *chunks(items: BatchItem[], maxPaddingRatio = Infinity): Generator<BatchItem[]> {
    let start = 0;
    while (start < items.length) {
      let floats: number;
      let end = start;
      let nMax = 0;
      const nFirst = Math.max(1, items[start].graph.atomCount);
      while (end < items.length) {
        nMax = Math.max(nMax, items[end].graph.atomCount);
        floats = (end - start + 1) * this.floatsPerGraph(nMax);
        if (end > start && (floats > this.options.maxFloatsPerCall || nMax > nFirst * maxPaddingRatio)) break;
        end++;
      }
      yield items.slice(start, end);
      start = end;
    }
  }

  private async evaluateItems(items: BatchItem[]): Promise<Float64Array> {
    const out = new Float64Array(items.length);
    let offset = 0;
    for (const chunk of this.chunks(items)) {
      const res = await this.run(() => packBatch(chunk, this.dims), [OUT_MEAN]);
      out.set(res[OUT_MEAN].data, offset);
      offset += chunk.length;
    }
    return out;
  }

  /** Coalition values with each coalition packed as its own subgraph, grouped by size. */
  private async evaluateCompactCoalitions(graph: ModelGraph, masks: Uint8Array, n: number): Promise<Float64Array> {
    const C = masks.length / n;
    const bySize: number[][] = Array.from({ length: n + 1 }, () => []);
    for (let c = 0; c < C; c++) {
      let k = 0;
      for (let i = 0; i < n; i++) k += masks[c * n + i];
      bySize[k].push(c);
    }
    const out = new Float64Array(C);
    // The empty coalition has no atoms to pack: evaluate it masked, as before.
    if (bySize[0].length) {
      const empty = await this.evaluateCoalitions(graph, new Uint8Array(n), n);
      for (const c of bySize[0]) out[c] = empty[0];
    }
    for (let k = 1; k <= n; k++) {
      const rows = bySize[k];
      const per = Math.max(1, Math.floor(this.options.maxFloatsPerCall / this.floatsPerGraph(k)));
      for (let start = 0; start < rows.length; start += per) {
        const part = rows.slice(start, start + per);
        const res = await this.run(() => packCompactCoalitions(graph, masks, part, k, this.dims), [OUT_MEAN]);
        part.forEach((c, b) => (out[c] = res[OUT_MEAN].data[b]));
      }
    }
    return out;
  }

  private async evaluateCoalitions(graph: ModelGraph, masks: Uint8Array, n: number): Promise<Float64Array> {
    const C = masks.length / n;
    const per = Math.max(1, Math.floor(this.options.maxFloatsPerCall / this.floatsPerGraph(n)));
    const out = new Float64Array(C);
    for (let start = 0; start < C; start += per) {
      const count = Math.min(per, C - start);
      const res = await this.run(() => packCoalitions(graph, masks, start, count, this.dims), [OUT_MEAN]);
      out.set(res[OUT_MEAN].data, start);
    }
    return out;
  }

  /** Packing happens when the call's turn comes, so waiting calls hold no tensors. */
  private run(pack: () => BatchTensors, fetches: readonly string[]): Promise<Record<string, WireTensor>> {
    return this.options.schedule(() => this.runNow(pack(), fetches));
  }

  private runNow(batch: BatchTensors, fetches: readonly string[]): Promise<Record<string, WireTensor>> {
    const { batchSize: B, atomSlots: N } = batch;
    const F = this.dims.atomFeatureCount;
    const G = this.dims.globalFeatureCount;
    return this.worker.run(
      {
        atom_features: { data: batch.atomFeatures, dims: [B, N, F] },
        adjacency: { data: batch.adjacency, dims: [B, N, N] },
        atom_mask: { data: batch.atomMask, dims: [B, N] },
        global_features: { data: batch.globalFeatures, dims: [B, G] },
      },
      fetches,
    );
  }

  private checkSessionNames(): void {
    const problems: string[] = [];
    const wantIn = this.manifest.onnx.inputs.map((t) => t.name);
    const wantOut = this.manifest.onnx.outputs.map((t) => t.name);
    const missingIn = wantIn.filter((n) => !this.worker.inputNames.includes(n));
    const extraIn = this.worker.inputNames.filter((n) => !wantIn.includes(n));
    const missingOut = [OUT_MEAN, OUT_MEMBERS, OUT_EMBEDDING].filter((n) => !this.worker.outputNames.includes(n));
    if (missingIn.length) problems.push(`inputs missing from the ONNX graph: ${missingIn.join(', ')}`);
    if (extraIn.length) problems.push(`ONNX graph inputs not in the manifest: ${extraIn.join(', ')}`);
    if (missingOut.length) problems.push(`outputs missing from the ONNX graph: ${missingOut.join(', ')}`);
    const manifestOut = wantOut.filter((n) => !this.worker.outputNames.includes(n));
    if (manifestOut.length) problems.push(`manifest outputs not in the ONNX graph: ${manifestOut.join(', ')}`);
    if (problems.length) {
      throw new ModelUnavailableError(
        `ONNX graph does not match the manifest (graph inputs: ${this.worker.inputNames.join(', ')}; ` +
          `outputs: ${this.worker.outputNames.join(', ')}): ${problems.join('; ')}`,
      );
    }
  }

  /** A one-atom probe: output shapes must match the manifest's member count and embedding size. */
  private async checkOutputShapes(): Promise<void> {
    const { atomFeatureCount: F, globalFeatureCount: G } = this.dims;
    const probe: ModelGraph = {
      atomCount: 1,
      elements: ['X'],
      bonds: [],
      atomFeatures: new Float32Array(F),
      adjacency: new Float32Array(1),
      globalFeatures: new Float32Array(G),
    };
    let res: Record<string, WireTensor>;
    try {
      res = await this.run(() => packBatch([{ graph: probe }], this.dims), [OUT_MEAN, OUT_MEMBERS, OUT_EMBEDDING]);
    } catch (err) {
      throw new ModelUnavailableError(`probe inference failed: ${(err as Error).message}`, { cause: err });
    }
    const M = this.manifest.ensemble.members;
    const want: Record<string, number[]> = { [OUT_MEAN]: [1], [OUT_MEMBERS]: [1, M], [OUT_EMBEDDING]: [1, this.embeddingDim] };
    const bad = Object.entries(want)
      .filter(([name, dims]) => res[name].dims.join(',') !== dims.join(','))
      .map(([name, dims]) => `${name} has dims [${res[name].dims.join(', ')}], expected [${dims.join(', ')}]`);
    if (bad.length) throw new ModelUnavailableError(`ONNX outputs do not match the manifest: ${bad.join('; ')}`);
  }
}

export type ModelLoadResult = { status: 'ready'; model: ModelService } | { status: 'unavailable'; error: ModelUnavailableError };

/** For the API start-up: never throws for a missing or broken model, so the catalog still serves. */
export async function tryLoadModel(options: ModelServiceOptions): Promise<ModelLoadResult> {
  try {
    return { status: 'ready', model: await ModelService.load(options) };
  } catch (err) {
    if (err instanceof ModelUnavailableError) return { status: 'unavailable', error: err };
    return {
      status: 'unavailable',
      error: new ModelUnavailableError(`model failed to load: ${(err as Error).message}`, { cause: err }),
    };
  }
}
