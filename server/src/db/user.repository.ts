import type { Role } from '../auth/viewer';
import type { Executor } from './executor';
import {
  createKeyQuery,
  createUserQuery,
  keyForAuthQuery,
  keyOwnerQuery,
  listUsersQuery,
  revokeKeyQuery,
  setUserDisabledQuery,
  setUserRoleQuery,
  touchKeyQuery,
  userQuery,
  type AuditParams,
  type NewKey,
} from './user-query';
import { sessionCleanupQuery, sessionDestroyQuery, sessionGetQuery, sessionSetQuery, sessionTouchQuery } from './user-session-query';

export interface UserRecord {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  disabledAt: string | null;
}

/** A key as anyone may see it: never the hash. */
export interface ApiKeyRecord {
  id: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface UserWithKeys extends UserRecord {
  keys: ApiKeyRecord[];
}

export interface KeyAuthRecord {
  hash: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  userId: string;
  name: string;
  role: Role;
  disabledAt: string | null;
}

/** Neo4j's uniqueness constraint failed: the name (or id) is taken. */
export class DuplicateUserError extends Error {
  constructor(readonly userName: string) {
    super(`a user named "${userName}" already exists`);
    this.name = 'DuplicateUserError';
  }
}

function isConstraintViolation(err: unknown): boolean {
  return (err as { code?: string }).code === 'Neo.ClientError.Schema.ConstraintValidationFailed';
}

/** Accounts and sessions in Neo4j; every statement comes from user-query.ts / user-session-query.ts. */
export class UserRepository {
  constructor(private readonly executor: Executor) {}

  async createUser(p: AuditParams & { userId: string; name: string; role: Role; key: NewKey }): Promise<UserRecord> {
    try {
      const rows = await this.executor.write<{ user: UserRecord }>(createUserQuery(p), { purpose: 'create user' });
      return rows[0].user;
    } catch (err) {
      if (isConstraintViolation(err)) throw new DuplicateUserError(p.name);
      throw err;
    }
  }

  async createKey(p: AuditParams & { userId: string; key: NewKey; targetRoles: readonly Role[] }): Promise<ApiKeyRecord | null> {
    const rows = await this.executor.write<{ key: ApiKeyRecord }>(createKeyQuery(p), { purpose: 'create api key' });
    return rows[0]?.key ?? null;
  }

  async keyForAuth(keyId: string): Promise<KeyAuthRecord | null> {
    const rows = await this.executor.read<KeyAuthRecord>(keyForAuthQuery(keyId), { purpose: 'authenticate key' });
    return rows[0] ?? null;
  }

  async touchKey(keyId: string, now: string): Promise<void> {
    await this.executor.write(touchKeyQuery(keyId, now), { purpose: 'key last used' });
  }

  async listUsers(roles: readonly Role[] | null): Promise<UserWithKeys[]> {
    const rows = await this.executor.read<{ user: UserRecord; keys: ApiKeyRecord[] }>(listUsersQuery(roles), { purpose: 'list users' });
    return rows.map((r) => ({ ...r.user, keys: r.keys }));
  }

  async user(by: { id: string } | { name: string }): Promise<UserWithKeys | null> {
    const rows = await this.executor.read<{ user: UserRecord; keys: ApiKeyRecord[] }>(userQuery(by), { purpose: 'read user' });
    return rows[0] ? { ...rows[0].user, keys: rows[0].keys } : null;
  }

  async keyOwner(keyId: string): Promise<UserRecord | null> {
    const rows = await this.executor.read<{ user: UserRecord }>(keyOwnerQuery(keyId), { purpose: 'key owner' });
    return rows[0]?.user ?? null;
  }

  async revokeKey(p: AuditParams & { keyId: string; targetRoles: readonly Role[] }): Promise<ApiKeyRecord | null> {
    const rows = await this.executor.write<{ key: ApiKeyRecord }>(revokeKeyQuery(p), { purpose: 'revoke api key' });
    return rows[0]?.key ?? null;
  }

  async setUserDisabled(p: AuditParams & { userId: string; disabled: boolean; targetRoles: readonly Role[] }): Promise<UserRecord | null> {
    const rows = await this.executor.write<{ user: UserRecord }>(setUserDisabledQuery(p), { purpose: 'disable user' });
    return rows[0]?.user ?? null;
  }

  async setUserRole(p: AuditParams & { userId: string; role: Role }): Promise<UserRecord | null> {
    const rows = await this.executor.write<{ user: UserRecord }>(setUserRoleQuery(p), { purpose: 'set user role' });
    return rows[0]?.user ?? null;
  }

  async sessionGet(sidHash: string, nowMs: number): Promise<string | null> {
    const rows = await this.executor.read<{ dataJson: string }>(sessionGetQuery(sidHash, nowMs), { purpose: 'session get' });
    return rows[0]?.dataJson ?? null;
  }

  async sessionSet(sidHash: string, dataJson: string, expiresAtMs: number): Promise<void> {
    await this.executor.write(sessionSetQuery(sidHash, dataJson, expiresAtMs), { purpose: 'session set' });
  }

  async sessionTouch(sidHash: string, expiresAtMs: number): Promise<void> {
    await this.executor.write(sessionTouchQuery(sidHash, expiresAtMs), { purpose: 'session touch' });
  }

  async sessionDestroy(sidHash: string): Promise<void> {
    await this.executor.write(sessionDestroyQuery(sidHash), { purpose: 'session destroy' });
  }

  async sessionCleanup(nowMs: number, limit = 1000): Promise<number> {
    const rows = await this.executor.write<{ removed: number }>(sessionCleanupQuery(nowMs, limit), { purpose: 'session cleanup' });
    return rows[0]?.removed ?? 0;
  }
}
