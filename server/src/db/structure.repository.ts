import type { MotifPattern } from '../chem/motif-pattern';
import type { ClusterRecord } from './cluster.repository';
import type { ClusterCriteria } from './cluster-query';
import type { Executor } from './executor';
import { motifCountQuery, motifPageQuery, type MotifPageOptions } from './motif-query';
import { structuresQuery } from './structure-query';

export interface AtomRecord {
  index: number;
  element: string;
  atomicNumber: number;
  isMetal: boolean;
  x: number;
  y: number;
  z: number;
  partialCharge: number;
  coordinationNumber: number;
  wibergValence?: number | null;
  polarizabilityAu?: number | null;
}

export interface BondRecord {
  a: number;
  b: number;
  order: number;
  lengthAngstrom: number;
}

export interface StructureRecord {
  id: string;
  clusterId: string;
  rank: number;
  method: string;
  program: string;
  programVersion: string;
  multiplicity: number;
  multiplicitySource: string;
  energyHartree: number;
  relativeEnergyKcalPerMol: number;
  homoLumoGapEv: number | null;
  dipoleDebye: number | null;
  polarizabilityAu?: number | null;
  settings: string;
  atoms: AtomRecord[];
  bonds: BondRecord[];
}

export interface MotifHitRecord {
  cluster: ClusterRecord;
  matchCount: number;
  matches: number[][];
  distinctMatchCount: number;
  distinctMatches: number[][];
}

/** Motif queries get a tighter time budget than catalog reads: patterns can be expensive. */
/** Default motif-search budget (MOTIF_TIMEOUT_MS); a pattern that needs longer is the client's 422. */
export const MOTIF_TIMEOUT_MS = 10000;

export class StructureRepository {
  constructor(
    private readonly executor: Executor,
    private readonly motifTimeoutMs: number = MOTIF_TIMEOUT_MS,
  ) {}

  /** All isomers of the given clusters, atoms ordered by index, bonds with a < b. */
  async structuresFor(clusterIds: readonly string[], lowestOnly = false): Promise<StructureRecord[]> {
    const rows = await this.executor.read<{ s: StructureRecord }>(structuresQuery(clusterIds, lowestOnly), { purpose: 'structures' });
    return rows.map((r) => r.s);
  }

  motifPage(pattern: MotifPattern, criteria: ClusterCriteria, page: MotifPageOptions): Promise<MotifHitRecord[]> {
    return this.executor.read<MotifHitRecord>(motifPageQuery(pattern, criteria, page), { purpose: 'motif search', timeoutMs: this.motifTimeoutMs });
  }

  async motifCount(pattern: MotifPattern, criteria: ClusterCriteria): Promise<number> {
    const [row] = await this.executor.read<{ total: number }>(motifCountQuery(pattern, criteria), { purpose: 'motif count', timeoutMs: this.motifTimeoutMs });
    return row?.total ?? 0;
  }
}

/** What services need from a structure store (see ClusterStore). */
export type StructureStore = Pick<StructureRepository, keyof StructureRepository>;
