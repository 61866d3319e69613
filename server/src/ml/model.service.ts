import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bondOcclusion, defaultSubgraphs, shapleyAtoms, subgraphContributions } from './attribution';
import { packBatch, validateGraph, type TensorDims } from './batch';
import { familyCoverageCaveat, loadCalibration, type Calibration } from './calibration';
import { EmbeddingIndex, type Neighbour } from './embedding-index';
import { InvalidArgumentError, ModelUnavailableError } from './errors';
import { featurize, type ClusterStructureInput, type ModelGraph } from './featurize';
import { loadHeldOutPredictions, type HeldOutPrediction } from './held-out';
import { readManifest, verifyModelFiles, type Manifest } from './manifest';
import { INPUTS, ModelSession, OUT_EMBEDDING, OUT_MEAN, OUT_MEMBERS } from './model-session';
import type {
  AtomShapley,
  BondOcclusion,
  ClusterPrediction,
  DomainReport,
  ModelInfo,
  ModelServiceOptions,
  Prediction,
  ShapleyOptions,
  SubgraphContribution,
} from './model.types';

/**
 * Model services for the API: prediction with ensemble uncertainty, applicability domain,
 * atom Shapley values, bond occlusion, subgraph contributions and similarity search. Nothing
 * here knows about GraphQL. One instance owns one ORT worker thread; create it once at start
 * with `ModelService.load` (or `tryLoadModel`) and `close()` it at shutdown. The ORT session lives in
 * model-session.ts, attributions in attribution.ts, the shapes in model.types.ts.
 */

export type {
  AtomShapley,
  BondOcclusion,
  ClusterPrediction,
  DomainReport,
  ModelInfo,
  ModelServiceOptions,
  Prediction,
  ShapleyOptions,
  SubgraphContribution,
} from './model.types';

// A size bucket of predict() holds graphs up to 1.25× the atom count of its smallest.
const MAX_PADDING_RATIO = 1.25;

export class ModelService {
  private constructor(
    readonly manifest: Manifest,
    private readonly modelDir: string,
    private readonly session: ModelSession,
    private readonly index: EmbeddingIndex,
    private readonly permutationPairs: number,
    private readonly heldOut: Map<string, HeldOutPrediction[]>,
    readonly calibration: Calibration,
    /** The model card file (manifest files.modelCard), read once at load; null when the manifest lists none. */
    readonly card: Record<string, unknown> | null,
  ) {}

  /** Verifies every file's sha256, starts the ORT worker and checks the graph's inputs and outputs. */
  static async load(options: ModelServiceOptions): Promise<ModelService> {
    const opts = {
      intraOpNumThreads: options.intraOpNumThreads ?? 1,
      niceness: options.niceness ?? 0,
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
    if (!calibrationFile) throw new ModelUnavailableError(`model manifest in ${modelDir} lists no calibration file (run models/training/calibrate.py)`);
    const calibration = await loadCalibration(path.join(modelDir, calibrationFile.path));
    const card = await readModelCard(modelDir, manifest);
    const session = await ModelSession.start(path.join(modelDir, manifest.files.model.path), manifest, dims, shape[1], opts);
    return new ModelService(manifest, modelDir, session, index, opts.permutationPairs, heldOut, calibration, card);
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
      // Manifests written before releases existed were trained on the published seed, which is release 1.
      trainedOnRelease: (m.training as { release?: number }).release ?? 1,
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

  /** Metal family of a list of atoms ("Fe–V": sorted metal symbols, en dash), as the training code names it. */
  metalFamily(elements: readonly string[]): string {
    const props = this.manifest.features.elementProperties;
    return [...new Set(elements.filter((e) => props[e]?.isMetal === true))].sort().join('–');
  }

  private lastPredictRunMs: number | null = null;

  /** Time of the most recent predict()'s ORT session.run() calls (summed over its size buckets), or of the last run, in the worker (no transfer or validation). */
  get lastInferenceMs(): number | null {
    return this.lastPredictRunMs ?? this.session.lastRunMs;
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
    graphs.forEach((g, i) => validateGraph(g, this.session.dims, `graphs[${i}]`));
    const order = graphs.map((_, i) => i).sort((a, b) => graphs[a].atomCount - graphs[b].atomCount);
    const out = new Array<Prediction>(graphs.length);
    let done = 0;
    let runMs = 0;
    for (const chunk of this.session.chunks(
      order.map((i) => ({ graph: graphs[i] })),
      MAX_PADDING_RATIO,
    )) {
      const res = await this.session.run(() => packBatch(chunk, this.session.dims), [OUT_MEAN, OUT_MEMBERS, OUT_EMBEDDING]);
      runMs += this.session.lastRunMs ?? Number.NaN;
      const M = this.manifest.ensemble.members;
      const E = this.session.embeddingDim;
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
    return defaultSubgraphs(this.manifest.features, graph);
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
    const coverage = familyCoverageCaveat(this.calibration, family);
    if (coverage) caveats.push(coverage);
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
  shapleyAtoms(graph: ModelGraph, options: ShapleyOptions = {}): Promise<AtomShapley> {
    return shapleyAtoms(this.session, graph, options, this.permutationPairs);
  }

  /** Prediction with each bond removed in turn (adjacency entries zeroed), in one ORT call. */
  bondOcclusion(graph: ModelGraph): Promise<BondOcclusion> {
    return bondOcclusion(this.session, graph);
  }

  /**
   * For each subgraph (a set of atom indices): the sum of its atoms' Shapley values, its
   * coalition value f(S) − f(∅) and its removal effect f(N) − f(N∖S). Pass `shapley` to reuse
   * values already computed for this graph.
   */
  subgraphContributions(graph: ModelGraph, subgraphs: ReadonlyArray<readonly number[]>, shapley?: AtomShapley): Promise<SubgraphContribution[]> {
    return subgraphContributions(this.session, graph, subgraphs, shapley, this.permutationPairs);
  }

  async close(): Promise<void> {
    await this.session.close();
  }
}

async function readModelCard(modelDir: string, manifest: Manifest): Promise<Record<string, unknown> | null> {
  const entry = manifest.files.modelCard;
  if (!entry) return null;
  try {
    return JSON.parse(await readFile(path.join(modelDir, entry.path), 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new ModelUnavailableError(`model card ${entry.path} in ${modelDir} is not readable JSON: ${(err as Error).message}`, { cause: err });
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
