import type { GeometryAtom } from '../../chem/geometry';
import { shortestContact, tightestContact } from '../../chem/geometry';
import { optimiseStart } from './start-optimisation';
import type { XtbResult } from '../index';
import type { StructureFile, StructureIsomer } from '../../load/seed-file';
import {
  atomElements,
  candidateMultiplicities,
  HETERONUCLEAR_MULTIPLICITY_SOURCE,
  SEARCH_SETTINGS,
  settingsHash,
  startCount,
  startSeeds,
  type SearchCluster,
} from './search-settings';

const KCAL_PER_HARTREE = 627.509474;

export interface SearchOptions {
  /** Per xtb call. */
  timeoutMs: number;
  niceness: number;
  signal?: AbortSignal;
  /** After each start geometry (awaited): starts finished and the total over all candidate multiplicities. */
  onStartFinished?: (finished: number, total: number) => void | Promise<void>;
  /**
   * A geometry a contributor submitted with a new cluster: optimised as one more start at each
   * candidate multiplicity (before the random starts), so it wins whenever it is the lowest minimum
   * found, and the search still guards against a submitted geometry that is not.
   */
  submittedGeometry?: GeometryAtom[];
}

/** One xtb call made for a start, in order. */
export interface StageRecord {
  stage: 'gfn1-preopt' | 'gfn2-opt' | 'gfn2-opt-continue' | 'gfn2-singlepoint';
  electronicTemperatureK: number;
  scfGuess: 'default' | 'sad';
  outcome: 'ok' | 'scf-not-converged' | 'timeout' | 'crashed' | 'invalid-input' | 'opt-not-converged' | 'charge-runaway' | 'fragmented' | 'atoms-too-close';
  energyHartree?: number;
  wallTimeMs: number;
}

export interface StartRecord {
  seed: number;
  multiplicity: number;
  /** full: GFN1 pre-optimisation, GFN2 optimisation, GFN2 single point if needed; gfn1-geometry-only skips the GFN2 optimisation. */
  mode: 'full' | 'gfn1-geometry-only';
  /** accepted: a sound GFN2 minimum (tier 0); fallback: only a lower-tier candidate; failed: nothing usable. */
  outcome: 'accepted' | 'fallback' | 'failed';
  route?: Route;
  tier?: Tier;
  energyHartree?: number;
  signature?: string;
  stages: StageRecord[];
}

export type Route = 'gfn1-preopt+gfn2-opt' | 'gfn2-opt' | 'gfn1-geometry+gfn2-singlepoint';

/**
 * Candidate quality, best first: 0 sound GFN2 minimum; 1 GFN1 geometry with a sound GFN2 single
 * point; 2 GFN2 minimum in a charge-runaway state; 3 GFN1 geometry, charge-runaway single point.
 * A cluster's isomers all come from its best non-empty tier, so energies are compared like with like.
 */
export type Tier = 0 | 1 | 2 | 3;

export interface Candidate {
  result: XtbResult;
  seed: number;
  route: Route;
  tier: Tier;
  signature: string;
  chargeRunaway: boolean;
}

export class ClusterSearchError extends Error {
  constructor(
    message: string,
    readonly starts: StartRecord[],
  ) {
    super(message);
    this.name = 'ClusterSearchError';
  }
}

export interface ClusterSearchOutput {
  file: StructureFile;
  starts: StartRecord[];
}

/** The structure search for one cluster (all candidate multiplicities), as described in README.md. */
export async function searchCluster(cluster: SearchCluster, options: SearchOptions): Promise<ClusterSearchOutput> {
  const started = Date.now();
  const elements = atomElements(cluster);
  const multiplicities = candidateMultiplicities(cluster);
  const scans: Array<{ multiplicity: number; candidates: Candidate[]; starts: StartRecord[]; pool: Candidate[] }> = [];
  let programVersion: string | null = null;
  const submitted = options.submittedGeometry ?? null;
  const totalStarts = multiplicities.length * (startCount(elements.length) + (submitted ? 1 : 0));
  let finishedStarts = 0;

  for (const multiplicity of multiplicities) {
    const starts: StartRecord[] = [];
    const candidates: Candidate[] = [];
    if (submitted) {
      options.signal?.throwIfAborted();
      // Seed −1 marks the submitted geometry in the start records.
      const { record, candidate } = await optimiseStart(cluster, elements, multiplicity, -1, 'full', options, submitted);
      starts.push(record);
      if (candidate) {
        candidates.push(candidate);
        programVersion ??= candidate.result.programVersion;
      }
      await options.onStartFinished?.(++finishedStarts, totalStarts);
    }
    for (const seed of startSeeds(cluster.id, startCount(elements.length))) {
      // Each start catches its own xtb failures; an abort must end the whole search, not every start in turn.
      options.signal?.throwIfAborted();
      // After a few full attempts without a sound GFN2 minimum, the GFN2 optimisation is very
      // unlikely to succeed (see README); the remaining starts only add GFN1 geometries.
      const giveUp = starts.length >= SEARCH_SETTINGS.fullAttemptsBeforeGfn1Only && !candidates.some((c) => c.tier === 0);
      const { record, candidate } = await optimiseStart(cluster, elements, multiplicity, seed, giveUp ? 'gfn1-geometry-only' : 'full', options);
      starts.push(record);
      if (candidate) {
        candidates.push(candidate);
        programVersion ??= candidate.result.programVersion;
      }
      await options.onStartFinished?.(++finishedStarts, totalStarts);
    }
    scans.push({ multiplicity, candidates, starts, pool: comparablePool(candidates) });
  }

  const lowest = (candidates: Candidate[]) => Math.min(...candidates.map((c) => c.result.totalEnergyHartree));
  const scored = scans
    .filter((scan) => scan.pool.length > 0)
    // A better tier beats any energy; within a tier the lower energy wins.
    .sort((x, y) => poolRank(x.pool) - poolRank(y.pool) || lowest(x.pool) - lowest(y.pool));
  const allStarts = scans.flatMap((s) => s.starts);
  if (scored.length === 0) {
    throw new ClusterSearchError(
      `${cluster.id}: no start gave a usable structure at multiplicity ${multiplicities.join(' or ')} (${summariseFailures(allStarts)})`,
      allStarts,
    );
  }
  const chosen = scored[0];
  if (programVersion !== SEARCH_SETTINGS.expectedProgramVersion) {
    throw new Error(
      `${cluster.id}: xtb reports version ${programVersion}, settings expect ${SEARCH_SETTINGS.expectedProgramVersion}; update SEARCH_SETTINGS deliberately`,
    );
  }
  const isomers = selectIsomers(chosen.pool);
  const tier = chosen.pool[0].tier;

  const file: StructureFile & Record<string, unknown> = {
    clusterId: cluster.id,
    charge: cluster.charge,
    multiplicity: chosen.multiplicity,
    multiplicitySource: cluster.multiplicity !== null ? 'published' : HETERONUCLEAR_MULTIPLICITY_SOURCE,
    method: SEARCH_SETTINGS.method,
    program: SEARCH_SETTINGS.program,
    programVersion: programVersion,
    settingsHash: settingsHash(cluster),
    settings: {
      ...SEARCH_SETTINGS,
      startsBySize: SEARCH_SETTINGS.startsBySize.map((rule) => ({ ...rule, maxAtoms: Number.isFinite(rule.maxAtoms) ? rule.maxAtoms : null })),
      startCount: startCount(elements.length),
      ...(submitted ? { submittedGeometryStart: true } : {}),
      seeds: [...new Set(allStarts.map((s) => s.seed))],
    },
    ...(multiplicities.length > 1
      ? {
          multiplicityScan: scans.map((scan) => ({
            multiplicity: scan.multiplicity,
            lowestEnergyHartree: scan.pool.length > 0 ? lowest(scan.pool) : null,
            tier: scan.pool[0]?.tier ?? null,
            electronicTemperatureK: scan.pool[0]?.result.settings.electronicTemperatureK ?? null,
            acceptedStarts: scan.starts.filter((s) => s.outcome === 'accepted').length,
          })),
        }
      : {}),
    isomers: isomers.map((candidate, rank) => toIsomer(candidate, rank, isomers[0].result.totalEnergyHartree)),
    search: {
      tier,
      tierMeaning: TIER_MEANING[tier],
      wallTimeSeconds: Math.round((Date.now() - started) / 100) / 10,
      xtbCalls: allStarts.reduce((n, s) => n + s.stages.length, 0),
      starts: allStarts.length,
      startsAccepted: allStarts.filter((s) => s.outcome === 'accepted').length,
      startsFallbackOnly: allStarts.filter((s) => s.outcome === 'fallback').length,
      startsFailed: allStarts.filter((s) => s.outcome === 'failed').length,
      stageOutcomes: stageOutcomeCounts(allStarts),
    },
  };
  return { file, starts: allStarts };
}

export const TIER_MEANING: Record<Tier, string> = {
  0: 'GFN2-xTB minimum, sound charges',
  1: 'GFN1-xTB geometry with a GFN2-xTB single point (no sound GFN2 minimum found)',
  2: 'GFN2-xTB minimum in a charge-runaway SCC state (no sound alternative found)',
  3: 'GFN1-xTB geometry, GFN2-xTB single point in a charge-runaway state',
};

/**
 * The candidates whose energies may be compared: the best tier present and, within it, those at
 * the standard electronic temperature when there are any (Fermi smearing shifts energies).
 */
function comparablePool(candidates: readonly Candidate[]): Candidate[] {
  if (candidates.length === 0) return [];
  const best = Math.min(...candidates.map(poolKey));
  return candidates.filter((c) => poolKey(c) === best);
}

function poolKey(candidate: Candidate): number {
  return candidate.tier * 2 + (candidate.result.settings.electronicTemperatureK === SEARCH_SETTINGS.electronicTemperatureK ? 0 : 1);
}

function poolRank(pool: readonly Candidate[]): number {
  return poolKey(pool[0]);
}

function stageOutcomeCounts(starts: readonly StartRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const start of starts) {
    for (const stage of start.stages) {
      const key = `${stage.stage}:${stage.outcome}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** Lowest structure per bond-graph signature; the global minimum plus others within the window, at most maxIsomers. */
export function selectIsomers<T extends { result: { totalEnergyHartree: number }; signature: string }>(candidates: readonly T[]): T[] {
  const sorted = [...candidates].sort((a, b) => a.result.totalEnergyHartree - b.result.totalEnergyHartree);
  const seen = new Set<string>();
  const distinct = sorted.filter((c) => !seen.has(c.signature) && seen.add(c.signature));
  if (distinct.length === 0) return [];
  const minimum = distinct[0].result.totalEnergyHartree;
  return distinct
    .filter((c) => (c.result.totalEnergyHartree - minimum) * KCAL_PER_HARTREE <= SEARCH_SETTINGS.energyWindowKcalPerMol)
    .slice(0, SEARCH_SETTINGS.maxIsomers);
}

function summariseFailures(starts: StartRecord[]): string {
  const counts = new Map<string, number>();
  for (const start of starts) for (const stage of start.stages) counts.set(stage.outcome, (counts.get(stage.outcome) ?? 0) + 1);
  return [...counts].map(([outcome, n]) => `${outcome} ×${n}`).join(', ');
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function toIsomer(candidate: Candidate, rank: number, minimumHartree: number): StructureIsomer {
  const r = candidate.result;
  const closest = shortestContact(r.atoms);
  const tightest = tightestContact(r.atoms);
  return {
    rank,
    energyHartree: r.totalEnergyHartree,
    relativeEnergyKcalPerMol: round((r.totalEnergyHartree - minimumHartree) * KCAL_PER_HARTREE, 3),
    homoLumoGapEv: round(r.homoLumoGapEv, 4),
    dipoleDebye: round(r.dipoleDebye, 3),
    polarizabilityAu: round(r.polarizabilityAu, 3),
    c6Au: round(r.c6Au, 2),
    fermiLevelEv: r.fermiLevelEv,
    gradientNormHartreePerBohr: r.gradientNormHartreePerBohr,
    bondGraphSignature: candidate.signature,
    shortestDistanceAngstrom: closest ? round(closest.distanceAngstrom, 4) : null,
    tightestContactRatio: tightest ? round(tightest.ratioToCovalentSum, 4) : null,
    chargeRunaway: candidate.chargeRunaway,
    tier: candidate.tier,
    provenance: {
      seed: candidate.seed,
      route: candidate.route,
      electronicTemperatureK: r.settings.electronicTemperatureK,
      scfGuess: r.settings.scfGuess,
      optimizationCycles: r.optimization?.cycles ?? null,
    },
    atoms: r.atoms.map((atom) => ({
      index: atom.index,
      element: atom.element,
      atomicNumber: atom.atomicNumber,
      xyzAngstrom: atom.xyzAngstrom.map((v) => round(v, 6)) as [number, number, number],
      partialCharge: round(atom.partialCharge, 5),
      coordinationNumber: round(atom.coordinationNumber, 3),
      polarizabilityAu: round(atom.polarizabilityAu, 3),
      c6Au: round(atom.c6Au, 3),
      wibergValence: round(atom.wibergValence, 3),
      atomicDipoleAu: atom.atomicDipoleAu.map((v) => round(v, 5)),
    })),
    bonds: r.bonds.map((bond) => ({ a: bond.a, b: bond.b, lengthAngstrom: round(bond.lengthAngstrom, 4), wibergOrder: round(bond.wibergOrder, 4) })),
  };
}
