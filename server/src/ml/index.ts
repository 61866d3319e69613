/** Public surface of the ML module; the only place outside server/src/ml that should be imported. */
export {
  ModelService,
  tryLoadModel,
  type AtomShapley,
  type BondOcclusion,
  type ClusterPrediction,
  type DomainReport,
  type ModelInfo,
  type ModelLoadResult,
  type ModelServiceOptions,
  type Prediction,
  type ShapleyOptions,
  type SubgraphContribution,
} from './model.service';
export {
  featurize,
  type ClusterStructureInput,
  type ModelGraph,
  type StructureAtomInput,
  type StructureBondInput,
  type StructureIsomerInput,
} from './featurize';
export { readManifest, type FeatureEncoding, type Manifest } from './manifest';
export type { Neighbour } from './embedding-index';
export type { HeldOutPrediction } from './held-out';
export { conformalIntervals, OUT_OF_DOMAIN_WIDENING, type Calibration, type PredictionInterval } from './calibration';
export { MAX_EXACT_PLAYERS } from './shapley';
export * from './errors';
