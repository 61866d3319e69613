import type { CypherQuery } from './cypher';

/**
 * Staged contributions (issue 11). A Submission holds the validated contribution as JSON and
 * never carries a catalog label, so no catalog query, facet or download can see it.
 */

export const SUBMISSION_FIELDS = `s {.*, submittedBy: u.id, submittedByName: u.name} AS s`;

/** A submission by the caller's idempotency scope (user id + key). */
export function submissionByScopeQuery(scope: string): CypherQuery {
  return {
    cypher: `MATCH (s:Submission {idempotencyScope: $scope})-[:SUBMITTED_BY]->(u:User) RETURN ${SUBMISSION_FIELDS}`,
    params: { scope },
  };
}

/** The submission, its submitter link and its first audit event, in one statement (one transaction with the caller's check). */
export function createSubmissionQuery(props: Record<string, unknown>, userId: string, audit: Record<string, unknown>): CypherQuery {
  return {
    cypher: `MATCH (u:User {id: $userId})
CREATE (s:Submission)
SET s = $props
CREATE (s)-[:SUBMITTED_BY]->(u)
CREATE (e:AuditEvent)
SET e = $audit
CREATE (e)-[:BY]->(u)
CREATE (e)-[:ON]->(s)
RETURN ${SUBMISSION_FIELDS}`,
    params: { props, userId, audit },
  };
}

export function submissionByIdQuery(id: string): CypherQuery {
  return { cypher: `MATCH (s:Submission {id: $id})-[:SUBMITTED_BY]->(u:User) RETURN ${SUBMISSION_FIELDS}`, params: { id } };
}

/** Newest first; `submittedBy` restricts to one user's own (contributors), `status` to one state. */
export function listSubmissionsQuery(filter: { status?: string | null; submittedBy?: string | null }, page: { offset: number; limit: number }): CypherQuery {
  return {
    cypher: `MATCH (s:Submission)-[:SUBMITTED_BY]->(u:User)
WHERE ($status IS NULL OR s.status = $status) AND ($submittedBy IS NULL OR u.id = $submittedBy)
WITH s, u ORDER BY s.createdAt DESC, s.id
WITH collect(${SUBMISSION_FIELDS.replace(' AS s', '')}) AS rows
RETURN size(rows) AS total, rows[toInteger($offset)..toInteger($offset) + toInteger($limit)] AS items`,
    params: { status: filter.status ?? null, submittedBy: filter.submittedBy ?? null, offset: page.offset, limit: page.limit },
  };
}

/**
 * Moves a submission from one status to the next only if it is still in `fromStatus`: of two
 * curators deciding at once, the second finds no row (the first one's write lock makes it wait,
 * then its WHERE fails) and is told so.
 */
export function decideSubmissionQuery(
  id: string,
  fromStatus: string,
  set: Record<string, unknown>,
  userId: string,
  audit: Record<string, unknown>,
): CypherQuery {
  return {
    cypher: `MATCH (s:Submission {id: $id})
SET s._lock = true
WITH s
WHERE s.status = $fromStatus
REMOVE s._lock
SET s += $set
WITH s
MATCH (u:User {id: $userId})
CREATE (e:AuditEvent)
SET e = $audit
CREATE (e)-[:BY]->(u)
CREATE (e)-[:ON]->(s)
WITH s
MATCH (s)-[:SUBMITTED_BY]->(u:User)
RETURN ${SUBMISSION_FIELDS}`,
    params: { id, fromStatus, set, userId, audit },
  };
}

export function commentQuery(id: string, userId: string, audit: Record<string, unknown>): CypherQuery {
  return {
    cypher: `MATCH (s:Submission {id: $id})
MATCH (u:User {id: $userId})
CREATE (e:AuditEvent)
SET e = $audit
CREATE (e)-[:BY]->(u)
CREATE (e)-[:ON]->(s)
RETURN e {.*} AS e`,
    params: { id, userId, audit },
  };
}

/** Every audit event on a submission, oldest first, with who acted. */
export function auditTrailQuery(id: string): CypherQuery {
  return {
    cypher: `MATCH (e:AuditEvent)-[:ON]->(:Submission {id: $id})
MATCH (e)-[:BY]->(u:User)
RETURN e {.*, actorId: u.id, actorName: u.name} AS e
ORDER BY e.at, e.id`,
    params: { id },
  };
}

/** The structure job's outcome, written by the worker; ignored once the submission is decided. */
export function structureResultQuery(id: string, set: Record<string, unknown>): CypherQuery {
  return {
    cypher: `MATCH (s:Submission {id: $id})
WHERE s.status IN ['PENDING', 'APPROVED'] AND s.structureState <> 'PROVIDED'
SET s += $set
RETURN s.id AS id`,
    params: { id, set },
  };
}

/** Submissions whose structure job should exist (for re-enqueueing after the queue was unreachable). */
export function awaitingStructureQuery(): CypherQuery {
  return {
    cypher: `MATCH (s:Submission) WHERE s.structureState IN ['QUEUED', 'RUNNING'] AND s.status IN ['PENDING', 'APPROVED']
RETURN s.id AS id, s.clusterId AS clusterId, s.formula AS formula, s.charge AS charge, s.multiplicity AS multiplicity, s.xyz AS xyz`,
    params: {},
  };
}
