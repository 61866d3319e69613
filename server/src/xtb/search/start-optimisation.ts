import { bondGraphSignature, isConnected, shortestContact, tightestContact, type GeometryAtom } from '../../chem/geometry';
import { runGfn1Optimization, runXtb, XtbError, type XtbInput, type XtbOptLevel, type XtbResult } from '../index';
import type { Candidate, Route, SearchOptions, StageRecord, StartRecord } from './cluster-search';
import { SEARCH_SETTINGS, type SearchCluster } from './search-settings';
import { randomStartGeometry } from './start-geometry';

/**
 * One start of the structure search: a random start geometry taken through GFN1 pre-optimisation
 * and GFN2 optimisation (with retries at a higher electronic temperature), every stage recorded.
 */

export async function optimiseStart(
  cluster: SearchCluster,
  elements: string[],
  multiplicity: number,
  seed: number,
  mode: StartRecord['mode'],
  options: SearchOptions,
  /** A given start (a submitted geometry) instead of a random one from `seed`. */
  given?: GeometryAtom[],
): Promise<{ record: StartRecord; candidate: Candidate | null }> {
  const { bondScale, candidatesPerAtom } = SEARCH_SETTINGS.startGeometry;
  const start = given ?? randomStartGeometry(elements, seed, { bondScale: [bondScale[0], bondScale[1]], candidatesPerAtom });
  const stages: StageRecord[] = [];
  const base: BaseInput = {
    charge: cluster.charge,
    multiplicity,
    timeoutMs: options.timeoutMs,
    niceness: options.niceness,
    signal: options.signal,
    accuracy: SEARCH_SETTINGS.accuracy,
    maxScfIterations: SEARCH_SETTINGS.maxScfIterations,
  };
  const finish = (candidate: Candidate | null) => ({
    record: {
      seed,
      multiplicity,
      mode,
      outcome: candidate ? (candidate.tier === 0 ? 'accepted' : 'fallback') : 'failed',
      route: candidate?.route,
      tier: candidate?.tier,
      energyHartree: candidate?.result.totalEnergyHartree,
      signature: candidate?.signature,
      stages,
    } satisfies StartRecord,
    candidate,
  });

  // 1. GFN1 pre-optimisation: robust SCC for bare metal clusters and a near-minimum start for GFN2.
  let preoptimised: GeometryAtom[] | null = null;
  for (const electronicTemperatureK of TEMPERATURES) {
    const stage = newStage('gfn1-preopt', electronicTemperatureK, 'default');
    try {
      const gfn1 = await runGfn1Optimization({ ...base, atoms: start, optimize: SEARCH_SETTINGS.gfn1PreoptLevel, electronicTemperatureK });
      stage.energyHartree = gfn1.totalEnergyHartree;
      const problem = structuralProblem(gfn1.atoms);
      if (problem) stage.outcome = problem;
      else preoptimised = gfn1.atoms;
    } catch (error) {
      stage.outcome = outcomeOf(error);
    }
    closeStage(stage, stages);
    if (preoptimised || stage.outcome !== 'scf-not-converged') break;
  }

  // 2. GFN2 optimisation from the GFN1 geometry (or the raw start if GFN1 failed), SAD guess.
  let fallback: Candidate | null = null;
  const from = preoptimised ?? start;
  const route: Route = preoptimised ? 'gfn1-preopt+gfn2-opt' : 'gfn2-opt';
  const optimised = mode === 'full' ? await gfn2WithRetry(from, SEARCH_SETTINGS.optLevel, 'gfn2-opt', base, stages) : null;
  if (optimised) {
    const settled = await settle(optimised, base, stages);
    if (settled) {
      const candidate: Candidate = { ...settled, seed, route, tier: settled.chargeRunaway ? 2 : 0 };
      if (candidate.tier === 0) return finish(candidate);
      fallback = candidate;
    }
  }

  // 3. No sound GFN2 minimum from this start: GFN2 single point at the GFN1 geometry.
  if (preoptimised) {
    const single = await gfn2WithRetry(preoptimised, false, 'gfn2-singlepoint', base, stages);
    if (single) {
      const runaway = single.warnings.some((w) => w.code === 'CHARGE_RUNAWAY');
      if (runaway) stages[stages.length - 1].outcome = 'charge-runaway';
      const candidate: Candidate = {
        result: single,
        signature: bondGraphSignature(single.atoms),
        chargeRunaway: runaway,
        seed,
        route: 'gfn1-geometry+gfn2-singlepoint',
        tier: runaway ? 3 : 1,
      };
      if (!fallback || candidate.tier < fallback.tier) fallback = candidate;
    }
  }
  return finish(fallback);
}

const TEMPERATURES = [SEARCH_SETTINGS.electronicTemperatureK, SEARCH_SETTINGS.retryElectronicTemperatureK];

function newStage(stage: StageRecord['stage'], electronicTemperatureK: number, scfGuess: 'default' | 'sad'): StageRecord & { startedAt: number } {
  return { stage, electronicTemperatureK, scfGuess, outcome: 'ok', wallTimeMs: 0, startedAt: Date.now() };
}

function closeStage(stage: StageRecord & { startedAt: number }, stages: StageRecord[]): void {
  const { startedAt, ...record } = stage;
  record.wallTimeMs = Date.now() - startedAt;
  stages.push(record);
}

type BaseInput = Omit<XtbInput, 'atoms'>;

async function gfn2WithRetry(
  atoms: GeometryAtom[],
  optimize: XtbOptLevel | false,
  stageName: StageRecord['stage'],
  base: BaseInput,
  stages: StageRecord[],
): Promise<XtbResult | null> {
  for (const electronicTemperatureK of TEMPERATURES) {
    const stage = newStage(stageName, electronicTemperatureK, SEARCH_SETTINGS.scfGuess);
    try {
      const result = await runXtb({ ...base, atoms, optimize, electronicTemperatureK, scfGuess: SEARCH_SETTINGS.scfGuess });
      stage.energyHartree = result.totalEnergyHartree;
      closeStage(stage, stages);
      return result;
    } catch (error) {
      stage.outcome = outcomeOf(error);
      closeStage(stage, stages);
      if (stage.outcome !== 'scf-not-converged') return null;
    }
  }
  return null;
}

/**
 * Continues an unconverged optimisation once (same temperature and guess), then checks the
 * structure: converged, one connected cluster, no atoms on top of each other. Charge runaway is
 * reported, not rejected, so the caller can keep it as a last resort.
 */
async function settle(result: XtbResult, base: BaseInput, stages: StageRecord[]): Promise<Pick<Candidate, 'result' | 'signature' | 'chargeRunaway'> | null> {
  let current = result;
  if (current.optimization && !current.optimization.converged) {
    stages[stages.length - 1].outcome = 'opt-not-converged';
    const stage = newStage('gfn2-opt-continue', current.settings.electronicTemperatureK, current.settings.scfGuess);
    try {
      current = await runXtb({
        ...base,
        atoms: current.atoms,
        optimize: SEARCH_SETTINGS.optLevel,
        electronicTemperatureK: current.settings.electronicTemperatureK,
        scfGuess: current.settings.scfGuess,
      });
      stage.energyHartree = current.totalEnergyHartree;
      if (!current.optimization?.converged) stage.outcome = 'opt-not-converged';
    } catch (error) {
      stage.outcome = outcomeOf(error);
    }
    closeStage(stage, stages);
    if (stage.outcome !== 'ok') return null;
  }
  const last = stages[stages.length - 1];
  const problem = structuralProblem(current.atoms);
  if (problem) {
    last.outcome = problem;
    return null;
  }
  const chargeRunaway = current.warnings.some((w) => w.code === 'CHARGE_RUNAWAY');
  if (chargeRunaway) last.outcome = 'charge-runaway';
  return { result: current, signature: bondGraphSignature(current.atoms), chargeRunaway };
}

export function structuralProblem(atoms: readonly GeometryAtom[]): 'fragmented' | 'atoms-too-close' | null {
  const closest = shortestContact(atoms);
  const tightest = tightestContact(atoms);
  const { minDistanceAngstrom, minContactRatio } = SEARCH_SETTINGS.acceptance;
  if (closest && closest.distanceAngstrom < minDistanceAngstrom) return 'atoms-too-close';
  if (tightest && tightest.ratioToCovalentSum < minContactRatio) return 'atoms-too-close';
  if (!isConnected(atoms)) return 'fragmented';
  return null;
}

function outcomeOf(error: unknown): StageRecord['outcome'] {
  if (error instanceof XtbError) {
    switch (error.kind) {
      case 'SCF_NOT_CONVERGED':
        return 'scf-not-converged';
      case 'TIMEOUT':
        return 'timeout';
      case 'INVALID_INPUT':
        return 'invalid-input';
      case 'NOT_INSTALLED':
        throw error; // nothing else will work either
      default:
        return 'crashed';
    }
  }
  throw error;
}
