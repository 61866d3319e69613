import type { CypherQuery } from './cypher';

/**
 * Website sessions: (:Session {sidHash, dataJson, expiresAt}). Only a hash of the session id is
 * stored, so reading the database does not yield a usable cookie. expiresAt is epoch milliseconds.
 */

/** An unexpired session's data; no row when missing or expired. */
export function sessionGetQuery(sidHash: string, nowMs: number): CypherQuery {
  return {
    cypher: `MATCH (s:Session {sidHash: $sidHash})
WHERE s.expiresAt > $nowMs
RETURN s.dataJson AS dataJson`,
    params: { sidHash, nowMs },
  };
}

export function sessionSetQuery(sidHash: string, dataJson: string, expiresAtMs: number): CypherQuery {
  return {
    cypher: `MERGE (s:Session {sidHash: $sidHash})
SET s.dataJson = $dataJson, s.expiresAt = $expiresAtMs`,
    params: { sidHash, dataJson, expiresAtMs },
  };
}

export function sessionTouchQuery(sidHash: string, expiresAtMs: number): CypherQuery {
  return {
    cypher: `MATCH (s:Session {sidHash: $sidHash})
SET s.expiresAt = $expiresAtMs`,
    params: { sidHash, expiresAtMs },
  };
}

export function sessionDestroyQuery(sidHash: string): CypherQuery {
  return { cypher: 'MATCH (s:Session {sidHash: $sidHash}) DELETE s', params: { sidHash } };
}

/** Removes expired sessions, at most `limit` per call (the index on expiresAt makes it a range seek). */
export function sessionCleanupQuery(nowMs: number, limit: number): CypherQuery {
  return {
    cypher: `MATCH (s:Session)
WHERE s.expiresAt <= $nowMs
WITH s LIMIT toInteger($limit)
DELETE s
RETURN count(*) AS removed`,
    params: { nowMs, limit },
  };
}
