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

/** Predictions, attributions and similarity; knows nothing of GraphQL. `model` is null when unavailable. */
export class PredictionService {
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

  /** One batched inference for all given structures; a clusterId keeps a training cluster out of its own domain check. */
  async predictMany(inputs: Array<{ input: ClusterStructureInput; clusterId?: string }>): Promise<PredictionView[]> {
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
