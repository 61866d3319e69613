import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { ModelUnavailableError, type ClusterStructureInput, type HeldOutPrediction, type ModelService, type Neighbour } from '../ml';
import { explainStructure, type ExplanationView } from './explanation';
import { boundedPrediction, type PredictionKind, type PredictionView } from './prediction-view';
import type { StructureView } from './structure.service';
import { checkDomainLimits, featurizeUserStructure, type FeaturizedUserStructure, type UserStructure, type XtbRunOptions } from './user-structure';

// The service's public names stay importable from here; each lives in the module named for what it holds.
export { catalogModelInput, structureInputFromView } from './model-input';
export { boundedPrediction, type PredictionKind, type PredictionView } from './prediction-view';
export { PREDICT_LIMITS, StructureInputError, OutOfDomainError, type UserStructure, type FeaturizedUserStructure } from './user-structure';
export type { ExplanationView, SubgraphAttributionView } from './explanation';

/**
 * Catalog structures are immutable (a release never edits a structure node) and the served model
 * is fixed for the life of the process, so a catalog cluster's prediction is computed once: the
 * catalog's cheapest and most common read then never waits behind someone's explain() in the
 * inference queue. Keyed by the model input itself, so a different structure is a different key.
 */
const CATALOG_MEMO_ENTRIES = 5000;

/** Predictions, attributions and similarity; knows nothing of GraphQL. `model` is null when unavailable. */
export class PredictionService {
  private readonly catalogMemo = new LRUCache<string, PredictionView>({ max: CATALOG_MEMO_ENTRIES });

  constructor(
    private readonly model: ModelService | null,
    readonly unavailableReason: string | null,
    private readonly xtb: XtbRunOptions = {},
  ) {}

  get version(): string | null {
    return this.model?.info.version ?? null;
  }

  /** The largest training (= catalog) structure, which bounds the work of explaining a catalog cluster. */
  get largestTrainingAtomCount(): number | null {
    return this.model?.info.trainingAtomCount.max ?? null;
  }

  requireModel(): ModelService {
    // The reason (file paths, checksums) is in the server log; clients only learn that it is missing.
    if (!this.model) throw new ModelUnavailableError('the prediction model is not available on this server');
    return this.model;
  }

  heldOut(clusterId: string): HeldOutPrediction[] {
    return this.requireModel().heldOutPredictions(clusterId);
  }

  /**
   * One batched inference for all given structures; a clusterId keeps a training cluster out of its
   * own domain check. Catalog structures (with a clusterId) are computed once per process.
   */
  async predictMany(inputs: Array<{ input: ClusterStructureInput; clusterId?: string }>): Promise<PredictionView[]> {
    this.requireModel();
    const keys = inputs.map((x) => (x.clusterId === undefined ? null : catalogMemoKey(x.clusterId, x.input)));
    const out = keys.map((k) => (k === null ? undefined : this.catalogMemo.get(k)));
    const missing = inputs.flatMap((_, i) => (out[i] === undefined ? [i] : []));
    if (missing.length) {
      const computed = await this.computeMany(missing.map((i) => inputs[i]));
      missing.forEach((i, j) => {
        out[i] = computed[j];
        if (keys[i] !== null) this.catalogMemo.set(keys[i], computed[j]);
      });
    }
    return out as PredictionView[];
  }

  private async computeMany(inputs: Array<{ input: ClusterStructureInput; clusterId?: string }>): Promise<PredictionView[]> {
    const model = this.requireModel();
    const graphs = inputs.map((x, i) => model.featurize(x.input, x.clusterId ?? `structures[${i}]`));
    const predictions = await model.predict(graphs);
    return predictions.map((p, i) => {
      const { clusterId, input } = inputs[i];
      const domain = model.applicabilityDomain(graphs[i], p, { excludeClusterId: clusterId, charge: input.charge });
      const kind: PredictionKind = clusterId !== undefined && model.isTrainingCluster(clusterId) ? 'IN_SAMPLE' : 'NEW_STRUCTURE';
      const view = boundedPrediction(
        model,
        { kind, protocol: null, protocolTitle: null, heldOutSplit: null, members: p.members, domain },
        p.meanLog10K1,
        p.stdLog10K1,
        graphs[i].elements,
        input.charge,
      );
      return { ...view, embedding: p.embedding };
    });
  }

  /**
   * The headline prediction of a catalog cluster: its held-out prediction under the protocol the
   * intervals are calibrated on (leave-one-family-out), with the domain verdict of `served`
   * (the served model's in-sample view of the same cluster). Falls back to `served` when the
   * cluster has no held-out prediction (not a training cluster).
   */
  heldOutView(clusterId: string, served: PredictionView, elements: readonly string[], charge: number): PredictionView {
    const model = this.requireModel();
    const protocol = model.calibration.protocol;
    const row = model.heldOutPredictions(clusterId).find((h) => h.protocol === protocol);
    if (!row) return served;
    return boundedPrediction(
      model,
      { kind: 'HELD_OUT', protocol: row.protocol, protocolTitle: row.protocolTitle, heldOutSplit: row.split, members: [], domain: served.domain },
      row.log10K1,
      row.log10K1Std,
      elements,
      charge,
    );
  }

  /** See `checkDomainLimits` (user-structure.ts); does nothing without a model (MODEL_UNAVAILABLE is reported by the caller). */
  checkDomainLimits(elements: readonly string[], charge: number): void {
    if (this.model) checkDomainLimits(this.model, elements, charge);
  }

  /** k nearest training clusters to a prediction's embedding (from predictMany), so no second inference runs. */
  similarTo(prediction: PredictionView, k: number, clusterId?: string): Neighbour[] {
    const model = this.requireModel();
    if (!prediction.embedding) throw new Error('similarTo needs a prediction made by predictMany (it carries the embedding)');
    return model.similar(prediction.embedding, k, { excludeClusterId: clusterId });
  }

  /** Parses, checks and featurizes a user structure with a real xtb run (single point or optimisation). */
  featurizeUserStructure(user: UserStructure): Promise<FeaturizedUserStructure> {
    return featurizeUserStructure(user, this.model, this.xtb);
  }

  explain(input: ClusterStructureInput, structure: StructureView, level: ExplanationView['level'], clusterId?: string): Promise<ExplanationView> {
    return explainStructure(this.requireModel(), input, structure, level, clusterId);
  }
}

function catalogMemoKey(clusterId: string, input: ClusterStructureInput): string {
  return `${clusterId}:${createHash('sha256').update(JSON.stringify(input)).digest('base64url')}`;
}
