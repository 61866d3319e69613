import type { ModelGraph } from './featurize';
import type { Manifest } from './manifest';
import type { ShapleyResult } from './shapley';

/** What the model service takes and returns; no behaviour here. */

export interface ModelServiceOptions {
  /** Directory holding manifest.json and the files it lists (config MODELS_DIR). */
  modelDir: string;
  /** ORT intra-op threads (1–2 on the 2-core host). Default 1. */
  intraOpNumThreads?: number;
  /** Niceness (0–19) of the ORT worker thread and its intra-op threads. Default 0. */
  niceness?: number;
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
  /** The catalog release the model was trained on; a cluster first released later is a NEW_STRUCTURE for it. */
  trainedOnRelease: number;
  trainingAtomCount: { min: number; max: number };
  trainingElements: string[];
  vocabulary: string[];
  maxAtoms: number;
  domainDistanceThreshold: number;
  domainDistancePercentile: number;
  metrics: Record<string, unknown>;
  modelCardPath: string | null;
}
