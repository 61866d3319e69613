import type { CypherQuery } from './cypher';
import { clusterInRelease, measurementInRelease, type ReleaseNumber } from './release-scope';

/** Conditions recorded with contributed measurements (null for the published seed, which gives none per row). */
const MEASUREMENT_CONDITIONS =
  'CASE WHEN m.fromRelease IS NULL THEN null ELSE m {.temperatureK, .pressurePa, .technique, .techniqueDetail, .k1UncertaintyCm3PerMoleculeS, .notes, .fromRelease, .submissionId} END';

/** Measurements of the given clusters with their source and reactant, ordered by measurement id. */
export function measurementsQuery(clusterIds: readonly string[], release: ReleaseNumber = null): CypherQuery {
  const cluster = clusterInRelease('c', release, 'release');
  const measurement = measurementInRelease('m', release, 'release');
  return {
    cypher: `MATCH (m:Measurement)-[:OF]->(c:Cluster) WHERE c.id IN $ids AND ${cluster.condition} AND ${measurement.condition}
MATCH (m)-[:REPORTED_IN]->(s:Source)
MATCH (m)-[:WITH]->(r:Reactant)
RETURN m.id AS id, c.id AS clusterId, m.log10K1 AS log10K1, m.k1Cm3PerMoleculeS AS k1Cm3PerMoleculeS,
       r.formula AS reactant, s {.id, .doi, .citation, .url} AS source, ${MEASUREMENT_CONDITIONS} AS conditions
ORDER BY id`,
    params: { ids: clusterIds, ...cluster.params, ...measurement.params },
  };
}

/** Every cluster with its measurements (null-free lists), ordered by id: the bulk downloads. */
export function catalogExportQuery(release: ReleaseNumber = null): CypherQuery {
  const cluster = clusterInRelease('c', release, 'release');
  const measurement = measurementInRelease('m', release, 'release');
  return {
    cypher: `MATCH (c:Cluster) WHERE ${cluster.condition}
CALL {
  WITH c
  OPTIONAL MATCH (m:Measurement)-[:OF]->(c) WHERE ${measurement.condition}
  OPTIONAL MATCH (m)-[:REPORTED_IN]->(s:Source)
  OPTIONAL MATCH (m)-[:WITH]->(r:Reactant)
  WITH m, s, r ORDER BY m.id
  RETURN collect(CASE WHEN m IS NULL THEN null ELSE {id: m.id, log10K1: m.log10K1, k1Cm3PerMoleculeS: m.k1Cm3PerMoleculeS, reactant: r.formula, source: s {.id, .doi, .citation, .url}, conditions: ${MEASUREMENT_CONDITIONS}} END) AS measurements
}
RETURN c {.*, measurements: measurements} AS c ORDER BY c.id`,
    params: { ...cluster.params, ...measurement.params },
  };
}
