import type { CypherQuery } from './cypher';

/**
 * Accounts: (:User {id, name, role, createdAt, disabledAt}), (:ApiKey {id, hash, label, createdAt,
 * lastUsedAt, revokedAt})-[:KEY_OF]->(:User), and for every management action an
 * (:AuditEvent {id, action, at, detailJson})-[:BY]->(actor) and -[:ON]->(target) written in the
 * same transaction. Actions from the command line have no actor (no BY relationship).
 *
 * Mutations that act on another user carry the roles the actor may manage (`targetRoles`) in
 * their WHERE clause, so the permission check and the write are one atomic statement.
 */

export interface AuditParams {
  auditId: string;
  /** null: the command line (an operator on the server). */
  actorId: string | null;
  now: string;
}

/** Creates the audit event ON `target` (a variable bound by the statement before it). */
function auditClause(target: string): string {
  return `
CREATE (e:AuditEvent {id: $auditId, action: $action, at: $now, detailJson: $detailJson})
CREATE (e)-[:ON]->(${target})
WITH ${target}, e
OPTIONAL MATCH (actor:User {id: $actorId})
FOREACH (_ IN CASE WHEN actor IS NULL THEN [] ELSE [1] END | CREATE (e)-[:BY]->(actor))`;
}

const KEY_FIELDS = 'k {.id, .label, .createdAt, .lastUsedAt, .revokedAt}';
const USER_FIELDS = 'u {.id, .name, .role, .createdAt, .disabledAt}';

export interface NewKey {
  keyId: string;
  hash: string;
  label: string;
}

/** A new user with their first key. Fails on the name's uniqueness constraint when the name is taken. */
export function createUserQuery(p: AuditParams & { userId: string; name: string; role: string; key: NewKey }): CypherQuery {
  return {
    cypher: `CREATE (u:User {id: $userId, name: $name, role: $role, createdAt: $now, disabledAt: null})
CREATE (k:ApiKey {id: $keyId, hash: $hash, label: $label, createdAt: $now, lastUsedAt: null, revokedAt: null})-[:KEY_OF]->(u)
WITH u, k${auditClause('u')}
RETURN ${USER_FIELDS} AS user`,
    params: {
      userId: p.userId,
      name: p.name,
      role: p.role,
      keyId: p.key.keyId,
      hash: p.key.hash,
      label: p.key.label,
      auditId: p.auditId,
      actorId: p.actorId,
      now: p.now,
      action: 'USER_CREATED',
      detailJson: JSON.stringify({ name: p.name, role: p.role, keyId: p.key.keyId }),
    },
  };
}

/** Another key for an existing user whose role the actor may manage; no row when there is none. */
export function createKeyQuery(p: AuditParams & { userId: string; key: NewKey; targetRoles: readonly string[] }): CypherQuery {
  return {
    cypher: `MATCH (u:User {id: $userId})
WHERE u.role IN $targetRoles
CREATE (k:ApiKey {id: $keyId, hash: $hash, label: $label, createdAt: $now, lastUsedAt: null, revokedAt: null})-[:KEY_OF]->(u)
WITH u, k${auditClause('k')}
RETURN ${KEY_FIELDS} AS key`,
    params: {
      userId: p.userId,
      keyId: p.key.keyId,
      hash: p.key.hash,
      label: p.key.label,
      targetRoles: [...p.targetRoles],
      auditId: p.auditId,
      actorId: p.actorId,
      now: p.now,
      action: 'API_KEY_CREATED',
      detailJson: JSON.stringify({ userId: p.userId, keyId: p.key.keyId, label: p.key.label }),
    },
  };
}

/** What authentication needs about one key, by its id: one index seek per request. */
export function keyForAuthQuery(keyId: string): CypherQuery {
  return {
    cypher: `MATCH (k:ApiKey {id: $keyId})-[:KEY_OF]->(u:User)
RETURN k.hash AS hash, k.revokedAt AS revokedAt, k.lastUsedAt AS lastUsedAt, u.id AS userId, u.name AS name, u.role AS role, u.disabledAt AS disabledAt`,
    params: { keyId },
  };
}

export function touchKeyQuery(keyId: string, now: string): CypherQuery {
  return { cypher: 'MATCH (k:ApiKey {id: $keyId}) SET k.lastUsedAt = $now', params: { keyId, now } };
}

/** Users (optionally only some roles) with their keys, never the hashes; by name. */
export function listUsersQuery(roles: readonly string[] | null): CypherQuery {
  return {
    cypher: `MATCH (u:User)
WHERE $roles IS NULL OR u.role IN $roles
CALL (u) {
  OPTIONAL MATCH (k:ApiKey)-[:KEY_OF]->(u)
  WITH k ORDER BY k.createdAt
  RETURN collect(${KEY_FIELDS}) AS keys
}
RETURN ${USER_FIELDS} AS user, keys
ORDER BY u.name`,
    params: { roles: roles ? [...roles] : null },
  };
}

/** One user by id or by name (exactly one of them), with their keys. */
export function userQuery(by: { id: string } | { name: string }): CypherQuery {
  const where = 'id' in by ? 'u.id = $value' : 'u.name = $value';
  return {
    cypher: `MATCH (u:User)
WHERE ${where}
CALL (u) {
  OPTIONAL MATCH (k:ApiKey)-[:KEY_OF]->(u)
  WITH k ORDER BY k.createdAt
  RETURN collect(${KEY_FIELDS}) AS keys
}
RETURN ${USER_FIELDS} AS user, keys`,
    params: { value: 'id' in by ? by.id : by.name },
  };
}

/** The owner of a key (to tell "no such key" from "not yours to manage"). */
export function keyOwnerQuery(keyId: string): CypherQuery {
  return {
    cypher: `MATCH (k:ApiKey {id: $keyId})-[:KEY_OF]->(u:User)
RETURN ${USER_FIELDS} AS user`,
    params: { keyId },
  };
}

/** Revokes a key (keeping the first revocation time) whose owner the actor may manage. */
export function revokeKeyQuery(p: AuditParams & { keyId: string; targetRoles: readonly string[] }): CypherQuery {
  return {
    cypher: `MATCH (k:ApiKey {id: $keyId})-[:KEY_OF]->(u:User)
WHERE u.role IN $targetRoles
SET k.revokedAt = coalesce(k.revokedAt, $now)
WITH k${auditClause('k')}
RETURN ${KEY_FIELDS} AS key`,
    params: {
      keyId: p.keyId,
      targetRoles: [...p.targetRoles],
      auditId: p.auditId,
      actorId: p.actorId,
      now: p.now,
      action: 'API_KEY_REVOKED',
      detailJson: JSON.stringify({ keyId: p.keyId }),
    },
  };
}

/** Disables (keeping the first time) or re-enables a user the actor may manage. */
export function setUserDisabledQuery(p: AuditParams & { userId: string; disabled: boolean; targetRoles: readonly string[] }): CypherQuery {
  return {
    cypher: `MATCH (u:User {id: $userId})
WHERE u.role IN $targetRoles
SET u.disabledAt = CASE WHEN $disabled THEN coalesce(u.disabledAt, $now) ELSE null END
WITH u${auditClause('u')}
RETURN ${USER_FIELDS} AS user`,
    params: {
      userId: p.userId,
      disabled: p.disabled,
      targetRoles: [...p.targetRoles],
      auditId: p.auditId,
      actorId: p.actorId,
      now: p.now,
      action: p.disabled ? 'USER_DISABLED' : 'USER_ENABLED',
      detailJson: JSON.stringify({ userId: p.userId }),
    },
  };
}

/** Changes a user's role (only admins and the command line may). */
export function setUserRoleQuery(p: AuditParams & { userId: string; role: string }): CypherQuery {
  return {
    cypher: `MATCH (u:User {id: $userId})
SET u.role = $role
WITH u${auditClause('u')}
RETURN ${USER_FIELDS} AS user`,
    params: {
      userId: p.userId,
      role: p.role,
      auditId: p.auditId,
      actorId: p.actorId,
      now: p.now,
      action: 'USER_ROLE_SET',
      detailJson: JSON.stringify({ userId: p.userId, role: p.role }),
    },
  };
}
