import { createHash } from 'node:crypto';
import { electronCount } from '../../chem/formula';
import { BOND_TOLERANCE } from '../../chem/geometry';
import { START_MIN_CONTACT } from './start-geometry';
import { UNPHYSICAL_CHARGE_THRESHOLD, type XtbOptLevel } from '../index';
import type { SeedCluster } from '../../load/seed-file';

/** What the search reads of a cluster: a seed cluster, or a submitted one (server/src/jobs). */
export type SearchCluster = Pick<SeedCluster, 'id' | 'composition' | 'charge' | 'multiplicity'>;

/**
 * Everything that decides a structure search's result. Any change here changes every cluster's
 * settings hash, so the next run recomputes everything; wall-clock limits and worker counts are
 * not part of it because they do not change a successful result.
 */
export const SEARCH_SETTINGS = {
  pipelineVersion: 3,
  method: 'GFN2-xTB',
  program: 'xtb',
  expectedProgramVersion: '6.5.1',
  optLevel: 'normal' as XtbOptLevel,
  /** Every start is pre-optimised with GFN1-xTB at this level before the GFN2 optimisation (see README). */
  gfn1PreoptLevel: 'loose' as XtbOptLevel,
  /** SCC start for every GFN2 run: superposition of atomic densities (see README: charge runaway). */
  scfGuess: 'sad' as 'default' | 'sad',
  electronicTemperatureK: 300,
  /** Used only when the SCC fails to converge at electronicTemperatureK. */
  retryElectronicTemperatureK: 1000,
  accuracy: 1.0,
  maxScfIterations: 250,
  startGeometry: {
    generator: 'randomStartGeometry (metal core first, grown bonded)',
    bondScale: [1.0, 1.1] as [number, number],
    candidatesPerAtom: 12,
    minContactRatio: START_MIN_CONTACT,
  },
  /** Start count by atom count: n ≤ 4 → 4, n ≤ 8 → 5, larger → 6 (sized to the 60-minute budget, see README). */
  startsBySize: [
    { maxAtoms: 4, starts: 4 },
    { maxAtoms: 8, starts: 5 },
    { maxAtoms: Infinity, starts: 6 },
  ],
  /**
   * Starts that run the full route before, if none gave a sound GFN2 minimum (tier 0), the rest
   * only pre-optimise with GFN1 and add a GFN2 single point (tier 1 candidates).
   */
  fullAttemptsBeforeGfn1Only: 3,
  energyWindowKcalPerMol: 10,
  maxIsomers: 3,
  isomerIdentity: 'bond-graph signature (Weisfeiler–Lehman hash, geometry.ts bondGraphSignature)',
  bondTolerance: BOND_TOLERANCE,
  chargeRunawayThresholdE: UNPHYSICAL_CHARGE_THRESHOLD,
  acceptance: { minDistanceAngstrom: 0.5, minContactRatio: 0.5, connected: true, optimisationConverged: true },
  heteronuclearMultiplicityRule: 'two-lowest-consistent',
} as const;

export const HETERONUCLEAR_MULTIPLICITY_SOURCE = 'lowest-energy-of-two-lowest-consistent';

export function startCount(atomCount: number): number {
  return SEARCH_SETTINGS.startsBySize.find((rule) => atomCount <= rule.maxAtoms)?.starts ?? 6;
}

/** Published multiplicity, or the two lowest consistent with the electron count (1,3 or 2,4). */
export function candidateMultiplicities(cluster: SearchCluster): number[] {
  if (cluster.multiplicity !== null) return [cluster.multiplicity];
  const lowest = electronCount(cluster.composition, cluster.charge) % 2 === 0 ? 1 : 2;
  return [lowest, lowest + 2];
}

/** Element list in composition order, one entry per atom ("Mo5S2" → Mo×5, S×2). */
export function atomElements(cluster: SearchCluster): string[] {
  return cluster.composition.flatMap(({ element, count }) => new Array<string>(count).fill(element));
}

/** Seeds derived from the cluster id so clusters of equal size do not share start geometries. */
export function startSeeds(clusterId: string, count: number, offset = 0): number[] {
  return Array.from({ length: count }, (_, k) => fnv1a32(`${clusterId}#${offset + k}`));
}

function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Hash of the settings and of the cluster's own inputs; a file with another hash is stale. */
export function settingsHash(cluster: SearchCluster): string {
  const inputs = {
    settings: SEARCH_SETTINGS,
    cluster: { id: cluster.id, composition: cluster.composition, charge: cluster.charge, multiplicities: candidateMultiplicities(cluster) },
  };
  return createHash('sha256')
    .update(JSON.stringify(inputs, (_, value) => (value === Infinity ? 'Infinity' : value)))
    .digest('hex')
    .slice(0, 16);
}
