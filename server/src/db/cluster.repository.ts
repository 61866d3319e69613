import type { DerivedClusterProperties } from '../chem/cluster-properties';
import type { ClusterCriteria, ClusterOrder, PageWindow } from './cluster-query';
import { clusterConditions, clusterSearchQuery } from './cluster-query';
import type { Executor } from './executor';

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
}

export interface MeasurementRecord {
  id: string;
  clusterId: string;
  log10K1: number;
  k1Cm3PerMoleculeS: number;
  reactant: string;
  source: { id: string; doi: string; citation: string; url: string };
}

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

  async byIds(ids: readonly string[]): Promise<ClusterRecord[]> {
    return this.executor
      .read<{ c: ClusterRecord }>({ cypher: 'MATCH (c:Cluster) WHERE c.id IN $ids RETURN c {.*} AS c', params: { ids } }, { purpose: 'clusters by id' })
      .then((rows) => rows.map((r) => r.c));
  }

  async byFormula(formula: string, charge: number): Promise<ClusterRecord | null> {
    const rows = await this.executor.read<{ c: ClusterRecord }>(
      { cypher: 'MATCH (c:Cluster {formula: $formula, charge: $charge}) RETURN c {.*} AS c LIMIT 1', params: { formula, charge } },
      { purpose: 'cluster by formula' },
    );
    return rows[0]?.c ?? null;
  }

  async measurementsFor(clusterIds: readonly string[]): Promise<MeasurementRecord[]> {
    return this.executor.read<MeasurementRecord>(
      {
        cypher: `MATCH (m:Measurement)-[:OF]->(c:Cluster) WHERE c.id IN $ids
MATCH (m)-[:REPORTED_IN]->(s:Source)
MATCH (m)-[:WITH]->(r:Reactant)
RETURN m.id AS id, c.id AS clusterId, m.log10K1 AS log10K1, m.k1Cm3PerMoleculeS AS k1Cm3PerMoleculeS,
       r.formula AS reactant, s {.id, .doi, .citation, .url} AS source
ORDER BY id`,
        params: { ids: clusterIds },
      },
      { purpose: 'measurements' },
    );
  }

  async facets(criteria: ClusterCriteria): Promise<FacetsRecord> {
    const { where, params } = clusterConditions(criteria);
    const bucket = (expr: string, name: string) =>
      `CALL { WITH cs UNWIND cs AS c WITH ${expr} AS k, count(*) AS n ORDER BY k RETURN collect({key: k, count: n}) AS ${name} }`;
    const [row] = await this.executor.read<FacetsRecord>(
      {
        cypher: `MATCH (c:Cluster)
${where}
WITH collect(c) AS cs
CALL { WITH cs UNWIND cs AS c UNWIND c.elements AS k WITH k, count(*) AS n ORDER BY k RETURN collect({key: k, count: n}) AS byElement }
${bucket('c.charge', 'byCharge')}
${bucket('c.atomCount', 'byAtomCount')}
${bucket('c.nuclearity', 'byNuclearity')}
${bucket('c.metalFamily', 'byMetalFamily')}
CALL { WITH cs UNWIND cs AS c RETURN min(c.log10K1) AS log10K1Min, max(c.log10K1) AS log10K1Max }
RETURN size(cs) AS total, byElement, byCharge, byAtomCount, byNuclearity, byMetalFamily, log10K1Min, log10K1Max`,
        params,
      },
      { purpose: 'facets' },
    );
    return row;
  }

  async datasetInfo(): Promise<{ name: string; version: string; clusterCount: number; structureCount: number } | null> {
    const rows = await this.executor.read<{ d: { name: string; version: string; clusterCount: number; structureCount: number } }>(
      { cypher: 'MATCH (d:Dataset) RETURN d {.*} AS d LIMIT 1', params: {} },
      { purpose: 'dataset info' },
    );
    return rows[0]?.d ?? null;
  }

  /** Every cluster with its measurements, for the bulk downloads. */
  async exportAll(): Promise<Array<ClusterRecord & { measurements: Omit<MeasurementRecord, 'clusterId'>[] }>> {
    return this.executor
      .read<{ c: ClusterRecord & { measurements: Omit<MeasurementRecord, 'clusterId'>[] } }>(
        {
          cypher: `MATCH (c:Cluster)
CALL {
  WITH c
  OPTIONAL MATCH (m:Measurement)-[:OF]->(c)
  OPTIONAL MATCH (m)-[:REPORTED_IN]->(s:Source)
  OPTIONAL MATCH (m)-[:WITH]->(r:Reactant)
  WITH m, s, r ORDER BY m.id
  RETURN collect(CASE WHEN m IS NULL THEN null ELSE {id: m.id, log10K1: m.log10K1, k1Cm3PerMoleculeS: m.k1Cm3PerMoleculeS, reactant: r.formula, source: s {.id, .doi, .citation, .url}} END) AS measurements
}
RETURN c {.*, measurements: measurements} AS c ORDER BY c.id`,
          params: {},
        },
        { purpose: 'bulk export' },
      )
      .then((rows) => rows.map((r) => r.c));
  }
}
