import { captureLimit, type CaptureLimit } from '../chem/capture-limit';
import { isMetal } from '../chem/elements';
import { formatFormula, isMultiplicityConsistent, electronCount } from '../chem/formula';
import { parseXyz, shortestContact } from '../chem/geometry';
import { chargeStatistics, extractSubgraph, subgraphComponents, type SubgraphKind } from '../chem/subgraph';
import { runXtb, type XtbResult } from '../xtb';
import {
  conformalIntervals,
  ModelUnavailableError,
  type PredictionInterval,
  type HeldOutPrediction,
  type AtomShapley,
  type BondOcclusion,
  type ClusterStructureInput,
  type DomainReport,
  type ModelService,
  type Neighbour,
} from '../ml';
import { RUN_IMMEDIATELY, type JobScheduler } from './fair-queue';
import { currentClient } from './request-client';
import type { StructureView } from './structure.service';

/** maxXyzCharacters: 50 atoms of extended XYZ fit in a few kB; the rest of a 100 kB body is not read. */
export const PREDICT_LIMITS = { maxAtoms: 50, minDistanceAngstrom: 0.5, xtbTimeoutMs: 60000, maxCharge: 4, maxXyzCharacters: 20000 } as const;

/** A problem with a user-supplied structure; `input` names the offending argument. */
export class StructureInputError extends Error {
  constructor(
    readonly input: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'StructureInputError';
  }
}

/**
 * The structure's measured rate is beyond what the model has seen (elements, size, charge):
 * refused before any xtb work, because the network's output there is not a prediction.
 */
export class OutOfDomainError extends Error {
  constructor(
    readonly input: string,
    readonly reasons: string[],
  ) {
    super(`outside what the model was trained on: ${reasons.join('; ')}`);
    this.name = 'OutOfDomainError';
  }
}

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

export interface UserStructure {
  xyz: string;
  charge: number;
  multiplicity: number;
  optimize: boolean;
}

export interface FeaturizedUserStructure {
  structure: StructureView;
  input: ClusterStructureInput;
  xtb: XtbResult;
}

export interface SubgraphAttributionView {
  name: string;
  kind: SubgraphKind;
  atoms: number[];
  shapleySum: number;
  coalitionValue: number;
  removalEffect: number;
  totalCharge: number;
  chargePolarization: number;
}

export interface ExplanationView {
  level: 'ATOM' | 'BOND' | 'SUBGRAPH';
  modelVersion: string;
  fullLog10K1: number;
  emptyLog10K1: number | null;
  method: string;
  atoms: Array<{ index: number; element: string; value: number; standardError: number | null }>;
  bonds: BondOcclusion['bonds'];
  subgraphs: SubgraphAttributionView[];
}

/**
 * What the model is run on for a catalog cluster: its lowest-energy isomer (isomers come lowest
 * first) with the cluster's charge; null when the cluster has no structure. Every "predict this
 * cluster" path (prediction fields, explain, similar) starts here.
 */
export function catalogModelInput(cluster: { charge: number }, isomers: readonly StructureView[]): ClusterStructureInput | null {
  return isomers.length ? structureInputFromView(isomers[0], cluster.charge) : null;
}

/** The isomer as the model's featurizer reads it (contract 2 names). */
export function structureInputFromView(s: StructureView, charge: number): ClusterStructureInput {
  const { atoms, bonds, ...isomer } = s;
  return {
    charge,
    multiplicity: s.multiplicity,
    isomer: {
      ...isomer,
      atoms: atoms.map(({ xAngstrom, yAngstrom, zAngstrom, ...a }) => ({ ...a, xyzAngstrom: [xAngstrom, yAngstrom, zAngstrom] })),
      bonds: bonds.map((b) => ({ a: b.a, b: b.b, lengthAngstrom: b.lengthAngstrom, wibergOrder: b.order })),
    },
  };
}

/** Predictions, attributions and similarity; knows nothing of GraphQL. `model` is null when unavailable. */
export class PredictionService {
  constructor(
    private readonly model: ModelService | null,
    readonly unavailableReason: string | null,
    private readonly xtb: {
      /** Every xtb process of a user structure goes through it (the API: a fair queue, one process per core). */
      queue?: JobScheduler;
      /** Scheduling niceness of those processes, so the API and Neo4j keep the CPU they need for reads. */
      niceness?: number;
    } = {},
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
      const view = this.bounded(
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
    return this.bounded(
      model,
      { kind: 'HELD_OUT', protocol: row.protocol, protocolTitle: row.protocolTitle, heldOutSplit: row.split, members: [], domain: served.domain },
      row.log10K1,
      row.log10K1Std,
      elements,
      charge,
    );
  }

  private bounded(
    model: ModelService,
    base: Pick<PredictionView, 'kind' | 'protocol' | 'protocolTitle' | 'heldOutSplit' | 'members' | 'domain'>,
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
    const [interval68, interval95] = conformalIntervals(model.calibration, meanLog10K1, std, limit.log10K1, { widen: base.domain.embeddingOutlier });
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

  /**
   * Hard domain limits, checked before xtb runs: unseen elements, atom counts and charge states
   * are refused (OUT_OF_DOMAIN) rather than answered, because the network extrapolates without
   * bound there (a 50-atom Mo grid once came out at log10 k1 = +20). Softer signs (embedding
   * distance, an unseen metal combination) are answered with inDomain: false.
   */
  checkDomainLimits(elements: readonly string[], charge: number): void {
    if (!this.model) return; // MODEL_UNAVAILABLE is reported by the caller.
    const m = this.model.manifest;
    const reasons: string[] = [];
    const vocab = new Set(m.features.vocabulary);
    const unknown = [...new Set(elements.filter((e) => !vocab.has(e)))].sort();
    if (unknown.length) reasons.push(`elements not in the training data: ${unknown.join(', ')} (known: ${m.features.vocabulary.join(', ')})`);
    const { min, max } = m.training.atomCount;
    if (elements.length < min || elements.length > max) reasons.push(`${elements.length} atoms is outside the training range ${min}–${max}`);
    const charges = this.model.trainingCharges;
    if (charges && !charges.includes(charge)) reasons.push(`charge ${charge} is not among the training charges (${charges.join(', ')})`);
    if (reasons.length) throw new OutOfDomainError('structure', reasons);
  }

  /** k nearest training clusters to a prediction's embedding (from predictMany), so no second inference runs. */
  similarTo(prediction: PredictionView, k: number, clusterId?: string): Neighbour[] {
    const model = this.requireModel();
    if (!prediction.embedding) throw new Error('similarTo needs a prediction made by predictMany (it carries the embedding)');
    return model.similar(prediction.embedding, k, { excludeClusterId: clusterId });
  }

  /** Parses, checks and featurizes a user structure with a real xtb run (single point or optimisation). */
  async featurizeUserStructure(user: UserStructure): Promise<FeaturizedUserStructure> {
    if (typeof user.xyz === 'string' && user.xyz.length > PREDICT_LIMITS.maxXyzCharacters) {
      throw new StructureInputError(
        'structure.xyz',
        `is ${user.xyz.length} characters long; the limit is ${PREDICT_LIMITS.maxXyzCharacters} (${PREDICT_LIMITS.maxAtoms} atoms)`,
      );
    }
    let parsed;
    try {
      parsed = parseXyz(user.xyz, { maxAtoms: PREDICT_LIMITS.maxAtoms });
    } catch (err) {
      const line = (err as { line?: number }).line;
      throw new StructureInputError('structure.xyz', (err as Error).message, line ? { line } : {});
    }
    const atoms = parsed.atoms;
    if (Math.abs(user.charge) > PREDICT_LIMITS.maxCharge) {
      throw new StructureInputError('structure.charge', `must be between -${PREDICT_LIMITS.maxCharge} and ${PREDICT_LIMITS.maxCharge}, got ${user.charge}`);
    }
    const contact = shortestContact(atoms);
    if (contact && contact.distanceAngstrom < PREDICT_LIMITS.minDistanceAngstrom) {
      throw new StructureInputError(
        'structure.xyz',
        `atoms ${contact.a + 1} and ${contact.b + 1} are ${contact.distanceAngstrom.toFixed(3)} Å apart; the minimum is ${PREDICT_LIMITS.minDistanceAngstrom} Å`,
      );
    }
    this.checkDomainLimits(
      atoms.map((a) => a.element),
      user.charge,
    );
    const counts = new Map<string, number>();
    for (const a of atoms) counts.set(a.element, (counts.get(a.element) ?? 0) + 1);
    const composition = [...counts].map(([element, count]) => ({ element, count }));
    if (!Number.isInteger(user.multiplicity) || user.multiplicity < 1 || !isMultiplicityConsistent(composition, user.charge, user.multiplicity)) {
      throw new StructureInputError(
        'structure.multiplicity',
        `${user.multiplicity} is inconsistent with ${electronCount(composition, user.charge)} electrons (${formatFormula(composition)}, charge ${user.charge}): ` +
          'an odd electron count needs an even multiplicity and vice versa',
      );
    }
    const xtb = await (this.xtb.queue ?? RUN_IMMEDIATELY).run(currentClient(), () =>
      runXtb({
        atoms,
        charge: user.charge,
        multiplicity: user.multiplicity,
        optimize: user.optimize ? 'normal' : false,
        timeoutMs: PREDICT_LIMITS.xtbTimeoutMs,
        niceness: this.xtb.niceness ?? 0,
      }),
    );
    const isomer = {
      energyHartree: xtb.totalEnergyHartree,
      homoLumoGapEv: xtb.homoLumoGapEv,
      dipoleDebye: xtb.dipoleDebye,
      polarizabilityAu: xtb.polarizabilityAu,
      c6Au: xtb.c6Au,
      fermiLevelEv: xtb.fermiLevelEv,
      atoms: xtb.atoms.map((a) => ({ ...a })),
      bonds: xtb.bonds.map((b) => ({ ...b })),
    };
    const structure: StructureView = {
      id: 'user-structure',
      clusterId: formatFormula(composition),
      rank: 0,
      method: xtb.method,
      program: xtb.program,
      programVersion: xtb.programVersion,
      multiplicity: user.multiplicity,
      multiplicitySource: 'given',
      energyHartree: xtb.totalEnergyHartree,
      relativeEnergyKcalPerMol: 0,
      homoLumoGapEv: xtb.homoLumoGapEv,
      dipoleDebye: xtb.dipoleDebye,
      polarizabilityAu: xtb.polarizabilityAu,
      settings: JSON.stringify({ ...xtb.settings, optimize: user.optimize ? 'normal' : false }),
      atoms: xtb.atoms.map((a) => ({
        index: a.index,
        element: a.element,
        atomicNumber: a.atomicNumber,
        isMetal: isMetal(a.element),
        xAngstrom: a.xyzAngstrom[0],
        yAngstrom: a.xyzAngstrom[1],
        zAngstrom: a.xyzAngstrom[2],
        partialCharge: a.partialCharge,
        coordinationNumber: a.coordinationNumber,
        wibergValence: a.wibergValence,
        polarizabilityAu: a.polarizabilityAu,
      })),
      bonds: xtb.bonds.map((b) => ({ a: b.a, b: b.b, order: b.wibergOrder, lengthAngstrom: b.lengthAngstrom })),
    };
    return { structure, input: { isomer, charge: user.charge, multiplicity: user.multiplicity }, xtb };
  }

  async explain(input: ClusterStructureInput, structure: StructureView, level: ExplanationView['level'], clusterId?: string): Promise<ExplanationView> {
    const model = this.requireModel();
    const graph = model.featurize(input, clusterId ?? 'structure');
    const base = { level, modelVersion: model.info.version, atoms: [], bonds: [], subgraphs: [] };
    if (level === 'BOND') {
      const occ = await model.bondOcclusion(graph);
      return { ...base, method: 'bond occlusion', fullLog10K1: occ.fullLog10K1, emptyLog10K1: null, bonds: occ.bonds };
    }
    const shapley: AtomShapley = await model.shapleyAtoms(graph);
    const atoms = shapley.values.map((value, index) => ({
      index,
      element: shapley.elements[index],
      value,
      standardError: shapley.standardErrors?.[index] ?? null,
    }));
    const method = shapley.method === 'exact' ? 'exact Shapley' : `permutation Shapley (${shapley.permutations} permutations)`;
    if (level === 'ATOM') return { ...base, method, fullLog10K1: shapley.fullValue, emptyLog10K1: shapley.emptyValue, atoms };

    // The paper's claim, testable per cluster: metal core, ligand shell and each connected motif.
    const named: Array<{ name: string; kind: SubgraphKind; atoms: number[] }> = [];
    for (const kind of ['METAL_CORE', 'LIGAND_SHELL'] as const) {
      const sub = extractSubgraph(structure.atoms, structure.bonds, kind);
      if (!sub.atomIndices.length) continue;
      named.push({ name: kind === 'METAL_CORE' ? 'metal core' : 'ligand shell', kind, atoms: sub.atomIndices });
      const parts = subgraphComponents(sub);
      if (parts.length > 1)
        parts.forEach((p, i) =>
          named.push({ name: `${kind === 'METAL_CORE' ? 'metal core' : 'ligand shell'} component ${i + 1}`, kind, atoms: p.atomIndices }),
        );
    }
    const contributions = await model.subgraphContributions(
      graph,
      named.map((n) => n.atoms),
      shapley,
    );
    const subgraphs = named.map((n, i) => ({
      ...n,
      shapleySum: contributions[i].shapleySum,
      coalitionValue: contributions[i].coalitionValue,
      removalEffect: contributions[i].removalEffect,
      ...(({ totalCharge, chargePolarization }) => ({ totalCharge, chargePolarization }))(
        chargeStatistics(n.atoms.map((a) => structure.atoms[a].partialCharge)),
      ),
    }));
    return { ...base, method, fullLog10K1: shapley.fullValue, emptyLog10K1: shapley.emptyValue, atoms, subgraphs };
  }
}
