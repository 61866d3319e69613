import type { CypherQuery } from './cypher';

/**
 * Statements that write a release into the catalog (inside the publish transaction,
 * services/release.service.ts). Nodes of earlier releases are never edited: a cluster whose
 * record changes gets a new version node (same id) and the old one is closed.
 */

/** The current version of a cluster, with its N2-relevant measurements (for the headline rate). */
export function currentClusterQuery(clusterId: string): CypherQuery {
  return {
    cypher: `MATCH (c:Cluster {id: $clusterId}) WHERE c.toRelease IS NULL
OPTIONAL MATCH (m:Measurement)-[:OF]->(c)
OPTIONAL MATCH (m)-[:WITH]->(r:Reactant)
RETURN c {.*} AS c, collect(CASE WHEN m IS NULL THEN null ELSE {log10K1: m.log10K1, reactant: r.formula} END) AS measurements`,
    params: { clusterId },
  };
}

/** A new cluster with its composition (Element nodes shared with the catalog). */
export function createClusterQuery(props: Record<string, unknown>, composition: Record<string, unknown>[]): CypherQuery {
  return {
    cypher: `CREATE (c:Cluster)
SET c = $props
WITH c
UNWIND $composition AS part
MERGE (e:Element {symbol: part.element})
ON CREATE SET e.atomicNumber = part.atomicNumber, e.isMetal = part.isMetal
CREATE (c)-[:CONTAINS {count: part.count}]->(e)
RETURN count(*) AS parts`,
    params: { props, composition },
  };
}

/**
 * Closes the current version of a cluster at `release - 1` and opens a copy from `release` with
 * `changes` applied, carrying over composition, structures and measurement links.
 */
export function newClusterVersionQuery(clusterId: string, release: number, changes: Record<string, unknown>): CypherQuery {
  return {
    cypher: `MATCH (old:Cluster {id: $clusterId}) WHERE old.toRelease IS NULL
CREATE (new:Cluster)
SET new = old {.*, fromRelease: $release}
SET new += $changes
SET old.toRelease = $release - 1
WITH old, new
CALL { WITH old, new MATCH (old)-[r:CONTAINS]->(e:Element) CREATE (new)-[:CONTAINS {count: r.count}]->(e) }
CALL { WITH old, new MATCH (old)-[:HAS_STRUCTURE]->(s:Structure) CREATE (new)-[:HAS_STRUCTURE]->(s) }
CALL { WITH old, new MATCH (m:Measurement)-[:OF]->(old) CREATE (m)-[:OF]->(new) }
RETURN new.id AS id`,
    params: { clusterId, release, changes },
  };
}

/** A cluster created earlier in the same release is still unpublished: changed in place. */
export function updateClusterInPlaceQuery(clusterId: string, release: number, changes: Record<string, unknown>): CypherQuery {
  return {
    cypher: `MATCH (c:Cluster {id: $clusterId, fromRelease: $release}) WHERE c.toRelease IS NULL SET c += $changes RETURN c.id AS id`,
    params: { clusterId, release, changes },
  };
}

/** Measurements of one cluster (its current version), with their source and reactant. */
export function createMeasurementsQuery(clusterId: string, rows: Record<string, unknown>[]): CypherQuery {
  return {
    cypher: `MATCH (c:Cluster {id: $clusterId}) WHERE c.toRelease IS NULL
UNWIND $rows AS row
CREATE (m:Measurement)
SET m = row.props
CREATE (m)-[:OF]->(c)
MERGE (src:Source {id: row.source.id})
ON CREATE SET src += row.source
CREATE (m)-[:REPORTED_IN]->(src)
MERGE (r:Reactant {formula: row.reactant.formula})
ON CREATE SET r += row.reactant
CREATE (m)-[:WITH]->(r)
RETURN count(m) AS created`,
    params: { clusterId, rows },
  };
}
