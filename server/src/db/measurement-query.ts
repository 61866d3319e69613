import type { CypherQuery } from './cypher';

/** Measurements of the given clusters with their source and reactant, ordered by measurement id. */
export function measurementsQuery(clusterIds: readonly string[]): CypherQuery {
  return {
    cypher: `MATCH (m:Measurement)-[:OF]->(c:Cluster) WHERE c.id IN $ids
MATCH (m)-[:REPORTED_IN]->(s:Source)
MATCH (m)-[:WITH]->(r:Reactant)
RETURN m.id AS id, c.id AS clusterId, m.log10K1 AS log10K1, m.k1Cm3PerMoleculeS AS k1Cm3PerMoleculeS,
       r.formula AS reactant, s {.id, .doi, .citation, .url} AS source
ORDER BY id`,
    params: { ids: clusterIds },
  };
}

/** Every cluster with its measurements (null-free lists), ordered by id: the bulk downloads. */
export function catalogExportQuery(): CypherQuery {
  return {
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
  };
}
