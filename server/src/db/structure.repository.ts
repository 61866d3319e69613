import type { MotifPattern } from '../chem/motif-pattern';
import type { ClusterRecord } from './cluster.repository';
import type { ClusterCriteria } from './cluster-query';
import type { Executor } from './executor';
import { motifCountQuery, motifPageQuery, type MotifPageOptions } from './motif-query';

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
    const rows = await this.executor.read<{ s: StructureRecord }>(
      {
        cypher: `MATCH (c:Cluster)-[:HAS_STRUCTURE]->(s:Structure)
WHERE c.id IN $ids AND (NOT $lowestOnly OR s.rank = 0)
CALL { WITH s MATCH (s)-[:HAS_ATOM]->(a:Atom) WITH a ORDER BY a.index RETURN collect(a {.*}) AS atoms }
CALL {
  WITH s MATCH (s)-[:HAS_ATOM]->(x:Atom)-[b:BOND]->(y:Atom)
  WITH x, y, b ORDER BY x.index, y.index
  RETURN collect({a: x.index, b: y.index, order: b.order, lengthAngstrom: b.lengthAngstrom}) AS bonds
}
RETURN s {.*, atoms: atoms, bonds: bonds} AS s
ORDER BY s.clusterId, s.rank`,
        params: { ids: clusterIds, lowestOnly },
      },
      { purpose: 'structures' },
    );
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
