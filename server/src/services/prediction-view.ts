import { captureLimit, type CaptureLimit } from '../chem/capture-limit';
import { isMetal } from '../chem/elements';
import { conformalIntervals, type DomainReport, type ModelService, type PredictionInterval } from '../ml';

/**
 * HELD_OUT: from the evaluation models that never saw the cluster (catalog clusters, the
 * headline); IN_SAMPLE: the served model on a cluster it was trained on; NEW_STRUCTURE: the
 * served model on anything else.
 */
export type PredictionKind = 'HELD_OUT' | 'IN_SAMPLE' | 'NEW_STRUCTURE';

export interface PredictionView {
  kind: PredictionKind;
  /** Evaluation protocol and split that held the cluster out (HELD_OUT only). */
  protocol: string | null;
  protocolTitle: string | null;
  heldOutSplit: string | null;
  /** Ensemble mean of log10 k1, bounded above by the capture limit. */
  meanLog10K1: number;
  /** The ensemble mean before the bound. */
  unboundedLog10K1: number;
  stdLog10K1: number;
  /** Member predictions (empty for HELD_OUT: the evaluation file keeps mean and SD only). */
  members: number[];
  k1Cm3PerMoleculeS: number;
  modelVersion: string;
  domain: DomainReport;
  interval68: PredictionInterval;
  interval95: PredictionInterval;
  captureLimit: CaptureLimit;
  cappedAtCaptureLimit: boolean;
  /**
   * The served model's graph embedding behind this prediction (not for HELD_OUT), kept so a
   * similarity search in the same request reuses it instead of running the model again. Not part of the API.
   */
  embedding?: Float32Array;
}

/** What a prediction view knows before the capture limit and the intervals are applied. */
export type PredictionBase = Pick<PredictionView, 'kind' | 'protocol' | 'protocolTitle' | 'heldOutSplit' | 'members' | 'domain'>;

/**
 * A prediction bounded above by the cluster's capture limit, with conformal intervals around
 * the bounded mean (widened for embedding outliers).
 */
export function boundedPrediction(
  model: Pick<ModelService, 'calibration' | 'info'>,
  base: PredictionBase,
  mean: number,
  std: number,
  elements: readonly string[],
  charge: number,
): PredictionView {
  const counts = new Map<string, number>();
  for (const e of elements) counts.set(e, (counts.get(e) ?? 0) + 1);
  const limit = captureLimit(
    [...counts].map(([element, count]) => ({ element, count })),
    charge,
  );
  const capped = mean > limit.log10K1;
  const meanLog10K1 = capped ? limit.log10K1 : mean;
  const metals = [...counts.keys()].filter(isMetal).length;
  const [interval68, interval95] = conformalIntervals(model.calibration, meanLog10K1, std, limit.log10K1, {
    widen: base.domain.embeddingOutlier,
    nuclearity: metals > 1 ? 'heteronuclear' : 'homonuclear',
  });
  return {
    ...base,
    meanLog10K1,
    unboundedLog10K1: mean,
    stdLog10K1: std,
    k1Cm3PerMoleculeS: 10 ** meanLog10K1,
    modelVersion: model.info.version,
    interval68,
    interval95,
    captureLimit: limit,
    cappedAtCaptureLimit: capped,
  };
}
