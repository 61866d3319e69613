import type { CypherQuery } from './cypher';
import { clusterInRelease, measurementInRelease } from './release-scope';

export function latestReleaseQuery(): CypherQuery {
  return { cypher: 'MATCH (r:Release) RETURN max(r.number) AS latest', params: {} };
}

export function listReleasesQuery(): CypherQuery {
  return {
    cypher: `MATCH (r:Release)
OPTIONAL MATCH (r)-[:PUBLISHED_BY]->(u:User)
RETURN r {.*, publishedByName: u.name} AS r ORDER BY r.number DESC`,
    params: {},
  };
}

/** Counts of what a release holds, for its record. */
export function releaseCountsQuery(release: number): CypherQuery {
  const c = clusterInRelease('c', release, 'release');
  const m = measurementInRelease('m', release, 'release');
  return {
    cypher: `MATCH (c:Cluster) WHERE ${c.condition}
WITH collect(c) AS cs
CALL { WITH cs UNWIND cs AS c MATCH (m:Measurement)-[:OF]->(c) WHERE ${m.condition} RETURN count(DISTINCT m) AS measurementCount }
CALL { WITH cs UNWIND cs AS c MATCH (s:Structure {clusterId: c.id}) RETURN count(DISTINCT s) AS structureCount }
CALL { WITH cs UNWIND cs AS c MATCH (m:Measurement)-[:OF]->(c) WHERE ${m.condition} MATCH (m)-[:WITH]->(r:Reactant) RETURN collect(DISTINCT r.formula) AS reactants }
RETURN size(cs) AS clusterCount, measurementCount, structureCount, reactants`,
    params: { ...c.params, ...m.params },
  };
}

/** Release 1 is the published seed; created once, when the first API starts on a seeded store. */
export function ensureFirstReleaseQuery(props: Record<string, unknown>): CypherQuery {
  return {
    cypher: `MERGE (r:Release {number: 1})
ON CREATE SET r += $props
RETURN r {.*} AS r`,
    params: { props },
  };
}

/** Serialises publishers: every publish writes this one node first, so a second waits for the first to commit. */
export function releaseLockQuery(): CypherQuery {
  return { cypher: "MERGE (l:ReleaseLock {name: 'catalog'}) SET l.lockedAt = datetime() RETURN l.name AS name", params: {} };
}

export function releaseByIdempotencyKeyQuery(key: string): CypherQuery {
  return { cypher: 'MATCH (r:Release {idempotencyKey: $key}) RETURN r {.*} AS r', params: { key } };
}

export function approvedSubmissionsQuery(): CypherQuery {
  return {
    cypher: `MATCH (s:Submission {status: 'APPROVED'})-[:SUBMITTED_BY]->(u:User)
RETURN s {.*, submittedBy: u.id, submittedByName: u.name} AS s ORDER BY s.approvedAt, s.id`,
    params: {},
  };
}

export function createReleaseQuery(props: Record<string, unknown>, userId: string, submissionIds: string[], audit: Record<string, unknown>): CypherQuery {
  return {
    cypher: `MATCH (u:User {id: $userId})
CREATE (r:Release)
SET r = $props
CREATE (r)-[:PUBLISHED_BY]->(u)
CREATE (e:AuditEvent)
SET e = $audit
CREATE (e)-[:BY]->(u)
CREATE (e)-[:ON]->(r)
WITH r
UNWIND $submissionIds AS sid
MATCH (s:Submission {id: sid})
SET s.status = 'RELEASED', s.releaseNumber = r.number, s.updatedAt = $props.publishedAt
CREATE (s)-[:RELEASED_IN]->(r)
RETURN count(s) AS released`,
    params: { props, userId, submissionIds, audit },
  };
}

/** Whether contributed releases exist: then the seed must never be reloaded over them. */
export function contributedReleaseCountQuery(): CypherQuery {
  return { cypher: 'MATCH (r:Release) WHERE r.number > 1 RETURN count(r) AS n', params: {} };
}
