import type { DerivedClusterProperties } from '../chem/cluster-properties';
import type { ClusterCriteria, ClusterOrder, PageWindow } from './cluster-query';
import { clusterByFormulaQuery, clusterFacetsQuery, clusterSearchQuery, clustersByIdsQuery } from './cluster-query';
import { datasetInfoQuery } from './dataset-query';
import type { Executor } from './executor';
import type { ReleaseNumber } from './release-scope';
import { catalogExportQuery, measurementsQuery } from './measurement-query';

/** Properties of a :Cluster node as the loader writes them. */
export interface ClusterRecord extends Omit<DerivedClusterProperties, 'formulaSortKey'> {
  id: string;
  formula: string;
  publishedName: string;
  charge: number;
  multiplicity: number | null;
  authorsIsomerId: string | null;
  cvFold: number | null;
  nuclearity: 'homonuclear' | 'heteronuclear';
  compositionElements: string[];
  compositionCounts: number[];
  hasStructure: boolean;
  /** First release of this version node (db/release-scope.ts). */
  fromRelease: number;
}

export interface MeasurementRecord {
  id: string;
  clusterId: string;
  log10K1: number;
  k1Cm3PerMoleculeS: number;
  reactant: string;
  source: { id: string; doi: string | null; citation: string; url: string | null };
  /** Experimental conditions of contributed measurements; null for the published seed. */
  conditions: MeasurementConditions | null;
}

export interface MeasurementConditions {
  temperatureK: number | null;
  pressurePa: number | null;
  technique: string | null;
  techniqueDetail: string | null;
  k1UncertaintyCm3PerMoleculeS: number | null;
  notes: string | null;
  fromRelease: number;
  submissionId: string | null;
}

export type ClusterExportRecord = ClusterRecord & { measurements: Omit<MeasurementRecord, 'clusterId'>[] };

export interface CountBucket<K> {
  key: K;
  count: number;
}

export interface FacetsRecord {
  total: number;
  byElement: CountBucket<string>[];
  byCharge: CountBucket<number>[];
  byAtomCount: CountBucket<number>[];
  byNuclearity: CountBucket<string>[];
  byMetalFamily: CountBucket<string>[];
  byReactant: CountBucket<string>[];
  log10K1Min: number | null;
  log10K1Max: number | null;
}

export class ClusterRepository {
  constructor(private readonly executor: Executor) {}

  async search(criteria: ClusterCriteria, order: ClusterOrder, page: PageWindow): Promise<{ total: number; nodes: ClusterRecord[] }> {
    const [row] = await this.executor.read<{ total: number; nodes: ClusterRecord[] }>(clusterSearchQuery(criteria, order, page), {
      purpose: 'cluster search',
    });
    return row ?? { total: 0, nodes: [] };
  }

  async byIds(ids: readonly string[], release: ReleaseNumber = null): Promise<ClusterRecord[]> {
    return this.executor.read<{ c: ClusterRecord }>(clustersByIdsQuery(ids, release), { purpose: 'clusters by id' }).then((rows) => rows.map((r) => r.c));
  }

  async byFormula(formula: string, charge: number, release: ReleaseNumber = null): Promise<ClusterRecord | null> {
    const rows = await this.executor.read<{ c: ClusterRecord }>(clusterByFormulaQuery(formula, charge, release), { purpose: 'cluster by formula' });
    return rows[0]?.c ?? null;
  }

  async measurementsFor(clusterIds: readonly string[], release: ReleaseNumber = null): Promise<MeasurementRecord[]> {
    return this.executor.read<MeasurementRecord>(measurementsQuery(clusterIds, release), { purpose: 'measurements' });
  }

  async facets(criteria: ClusterCriteria): Promise<FacetsRecord> {
    const [row] = await this.executor.read<FacetsRecord>(clusterFacetsQuery(criteria), { purpose: 'facets' });
    return row;
  }

  async datasetInfo(): Promise<{ name: string; version: string; clusterCount: number; structureCount: number } | null> {
    const rows = await this.executor.read<{ d: { name: string; version: string; clusterCount: number; structureCount: number } }>(datasetInfoQuery(), {
      purpose: 'dataset info',
    });
    return rows[0]?.d ?? null;
  }

  /** Every cluster with its measurements, for the bulk downloads. */
  async exportAll(release: ReleaseNumber = null): Promise<ClusterExportRecord[]> {
    return this.executor.read<{ c: ClusterExportRecord }>(catalogExportQuery(release), { purpose: 'bulk export' }).then((rows) => rows.map((r) => r.c));
  }
}

/**
 * What services need from a cluster store: the repository's public methods. The class's private
 * executor makes the class type nominal, so services take this and DB-free tests pass an
 * in-memory store built from the seed files.
 */
export type ClusterStore = Pick<ClusterRepository, keyof ClusterRepository>;
