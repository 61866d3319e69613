import { toExtendedXyz, toXyz, type GeometryAtom } from '../chem/geometry';
import type { MotifPattern } from '../chem/motif-pattern';
import { chargeStatistics, extractSubgraph, subgraphComponents, type ChargeStatistics, type SubgraphKind } from '../chem/subgraph';
import type { ClusterCriteria } from '../db/cluster-query';
import type { AtomRecord, BondRecord, StructureRecord, StructureStore } from '../db/structure.repository';
import { toClusterView, type ClusterView } from './catalog.service';
import { RUN_IMMEDIATELY, type JobScheduler } from './fair-queue';
import { currentClient, currentSignal } from './request-client';

export interface AtomView extends Omit<AtomRecord, 'x' | 'y' | 'z'> {
  xAngstrom: number;
  yAngstrom: number;
  zAngstrom: number;
}

export interface StructureView extends Omit<StructureRecord, 'atoms'> {
  atoms: AtomView[];
}

export interface SubgraphView extends ChargeStatistics {
  kind: SubgraphKind;
  clusterId: string;
  structureRank: number;
  atoms: AtomView[];
  bonds: BondRecord[];
}

export interface SubgraphResult extends SubgraphView {
  components: SubgraphView[];
}

export interface MotifHitView {
  cluster: ClusterView;
  matchCount: number;
  matches: number[][];
  distinctMatchCount: number;
  distinctMatches: number[][];
}

export function toStructureView(s: StructureRecord): StructureView {
  return { ...s, atoms: s.atoms.map(({ x, y, z, ...rest }) => ({ ...rest, xAngstrom: x, yAngstrom: y, zAngstrom: z })) };
}

const geometryOf = (s: StructureView): GeometryAtom[] => s.atoms.map((a) => ({ element: a.element, xyzAngstrom: [a.xAngstrom, a.yAngstrom, a.zAngstrom] }));

export function structureXyz(s: StructureView): string {
  return toXyz(geometryOf(s), `${s.clusterId} rank ${s.rank} ${s.method} E=${s.energyHartree} Eh multiplicity ${s.multiplicity}`);
}

export function structureExtendedXyz(s: StructureView, charge: number | null): string {
  return toExtendedXyz(
    geometryOf(s),
    {
      cluster: s.clusterId,
      rank: s.rank,
      method: s.method,
      energy_hartree: s.energyHartree,
      multiplicity: s.multiplicity,
      ...(charge === null ? {} : { charge }),
    },
    [
      { name: 'partial_charge', values: s.atoms.map((a) => a.partialCharge) },
      { name: 'coordination_number', values: s.atoms.map((a) => a.coordinationNumber) },
    ],
  );
}

export class StructureService {
  constructor(
    private readonly repo: StructureStore,
    /** Motif searches go through it (the API: a fair queue that leaves Neo4j cores for cheap reads). */
    private readonly motifQueue: JobScheduler = RUN_IMMEDIATELY,
  ) {}

  /** All isomers per requested cluster, in request order (for a DataLoader). */
  async isomersFor(clusterIds: readonly string[]): Promise<StructureView[][]> {
    const rows = (await this.repo.structuresFor(clusterIds)).map(toStructureView);
    return clusterIds.map((id) => rows.filter((s) => s.clusterId === id));
  }

  async motifPage(pattern: MotifPattern, criteria: ClusterCriteria, offset: number, limit: number, maxMatchesPerCluster: number): Promise<MotifHitView[]> {
    // One extra row tells whether another page exists without counting everything.
    const rows = await this.motifQueue.run(
      currentClient(),
      () => this.repo.motifPage(pattern, criteria, { offset, limit, maxMatchesPerCluster }),
      currentSignal(),
    );
    return rows.map((r) => ({
      cluster: toClusterView(r.cluster),
      matchCount: r.matchCount,
      matches: r.matches,
      distinctMatchCount: r.distinctMatchCount,
      distinctMatches: r.distinctMatches,
    }));
  }

  motifCount(pattern: MotifPattern, criteria: ClusterCriteria): Promise<number> {
    return this.motifQueue.run(currentClient(), () => this.repo.motifCount(pattern, criteria), currentSignal());
  }

  /** A subgraph of one isomer with charge statistics, and its connected components. Null without a structure. */
  subgraph(structure: StructureView, kind: SubgraphKind, opts: { atomIndex?: number; hops?: number }): SubgraphResult {
    const sub = extractSubgraph(structure.atoms, structure.bonds, kind, opts);
    const view = (atomIndices: number[], bonds: BondRecord[]): SubgraphView => {
      const atoms = atomIndices.map((i) => structure.atoms[i]);
      return { kind, clusterId: structure.clusterId, structureRank: structure.rank, atoms, bonds, ...chargeStatistics(atoms.map((a) => a.partialCharge)) };
    };
    return { ...view(sub.atomIndices, sub.bonds), components: subgraphComponents(sub).map((c) => view(c.atomIndices, c.bonds)) };
  }
}
