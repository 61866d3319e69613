import { electronCount, formatFormula, isMultiplicityConsistent } from '../chem/formula';
import { parseXyz, shortestContact } from '../chem/geometry';
import { runXtb, XtbError, type XtbInput, type XtbResult } from '../xtb';
import { SEARCH_SETTINGS } from '../xtb/search/search-settings';
import type { ClusterStructureInput, ModelService } from '../ml';
import { RUN_IMMEDIATELY, type JobScheduler } from './fair-queue';
import { modelInputFromXtb } from './model-input';
import { currentClient, currentSignal } from './request-client';
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

export interface XtbRunOptions {
  /** Every xtb process of a user structure goes through it (the API: a fair queue, one process per core). */
  queue?: JobScheduler;
  /** Scheduling niceness of those processes, so the API and Neo4j keep the CPU they need for reads. */
  niceness?: number;
}

/**
 * Hard domain limits, checked before xtb runs: unseen elements, atom counts and charge states
 * are refused (OUT_OF_DOMAIN) rather than answered, because the network extrapolates without
 * bound there (a 50-atom Mo grid once came out at log10 k1 = +20). Softer signs (embedding
 * distance, an unseen metal combination) are answered with inDomain: false.
 */
export function checkDomainLimits(model: Pick<ModelService, 'manifest' | 'trainingCharges'>, elements: readonly string[], charge: number): void {
  const m = model.manifest;
  const reasons: string[] = [];
  const vocab = new Set(m.features.vocabulary);
  const unknown = [...new Set(elements.filter((e) => !vocab.has(e)))].sort();
  if (unknown.length) reasons.push(`elements not in the training data: ${unknown.join(', ')} (known: ${m.features.vocabulary.join(', ')})`);
  const { min, max } = m.training.atomCount;
  if (elements.length < min || elements.length > max) reasons.push(`${elements.length} atoms is outside the training range ${min}–${max}`);
  const charges = model.trainingCharges;
  if (charges && !charges.includes(charge)) reasons.push(`charge ${charge} is not among the training charges (${charges.join(', ')})`);
  if (reasons.length) throw new OutOfDomainError('structure', reasons);
}

/**
 * Parses and checks a user structure, then featurizes it with a real xtb run (single point or
 * optimisation). `model` null skips the domain limits (MODEL_UNAVAILABLE is reported by the caller).
 */
export async function featurizeUserStructure(
  user: UserStructure,
  model: Pick<ModelService, 'manifest' | 'trainingCharges'> | null,
  xtbOptions: XtbRunOptions = {},
): Promise<FeaturizedUserStructure> {
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
  if (model)
    checkDomainLimits(
      model,
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
  const signal = currentSignal();
  const xtb = await (xtbOptions.queue ?? RUN_IMMEDIATELY).run(
    currentClient(),
    () =>
      runXtbLikeCatalog({
        atoms,
        charge: user.charge,
        multiplicity: user.multiplicity,
        optimize: user.optimize ? 'normal' : false,
        timeoutMs: PREDICT_LIMITS.xtbTimeoutMs,
        niceness: xtbOptions.niceness ?? 0,
        signal,
      }),
    signal,
  );
  return { ...modelInputFromXtb(xtb, composition, user), xtb };
}

/**
 * The model was trained on features from the catalog's structure search, whose GFN2 runs start the
 * SCC from atomic densities and retry at a higher electronic temperature when it does not converge
 * (SEARCH_SETTINGS). A user structure is featurized the same way, so the catalog's own geometry
 * gives the catalog's features (and prediction) back, and structures whose SCC only converges
 * at the higher temperature are predicted instead of refused.
 */
async function runXtbLikeCatalog(input: Omit<XtbInput, 'scfGuess' | 'electronicTemperatureK'>): Promise<XtbResult> {
  const temperaturesK = [SEARCH_SETTINGS.electronicTemperatureK, SEARCH_SETTINGS.retryElectronicTemperatureK];
  for (const [i, electronicTemperatureK] of temperaturesK.entries()) {
    try {
      return await runXtb({ ...input, scfGuess: SEARCH_SETTINGS.scfGuess, electronicTemperatureK });
    } catch (err) {
      const last = i === temperaturesK.length - 1;
      if (last || !(err instanceof XtbError) || err.kind !== 'SCF_NOT_CONVERGED') throw err;
    }
  }
  throw new Error('unreachable');
}
