import { LRUCache } from 'lru-cache';
import type { KeyAuthRecord, UserRepository } from '../db/user.repository';
import { keyFingerprint, parseKey, verifySecret } from './api-key';
import { isRole, type Viewer } from './viewer';

export interface AuthenticatorOptions {
  /** How long a verified key skips scrypt (its status is still read from the database on every request). */
  verifiedTtlMs?: number;
  /** lastUsedAt is written at most this often per key. */
  touchIntervalMs?: number;
  now?: () => number;
  onTouchError?: (err: unknown) => void;
}

/** Why a key was refused; never contains the key. */
export type KeyRefusal = 'MALFORMED' | 'UNKNOWN' | 'REVOKED' | 'DISABLED';

export type KeyCheck = { ok: true; viewer: Viewer } | { ok: false; reason: KeyRefusal };

/**
 * Turns a presented API key (or a session's key id) into a Viewer.
 *
 * Every check reads the key's record (one index seek), so a revoked key or a disabled user stops
 * working on the very next request. What is cached is only the outcome of the slow scrypt
 * comparison, keyed by a SHA-256 of the full key (not the key) and bound to the stored hash it
 * was checked against, so authenticated requests pay scrypt once per key per TTL.
 */
export class Authenticator {
  private readonly verified: LRUCache<string, string>;
  private readonly lastTouch = new Map<string, number>();
  private readonly touchIntervalMs: number;
  private readonly now: () => number;

  constructor(
    private readonly users: UserRepository,
    private readonly opts: AuthenticatorOptions = {},
  ) {
    this.verified = new LRUCache({ max: 10_000, ttl: opts.verifiedTtlMs ?? 10 * 60_000 });
    this.touchIntervalMs = opts.touchIntervalMs ?? 60_000;
    this.now = opts.now ?? Date.now;
  }

  async checkKey(text: string): Promise<KeyCheck> {
    const parsed = parseKey(text);
    if (!parsed) return { ok: false, reason: 'MALFORMED' };
    const record = await this.users.keyForAuth(parsed.keyId);
    if (!record) return { ok: false, reason: 'UNKNOWN' };
    const fingerprint = keyFingerprint(text);
    if (this.verified.get(fingerprint) !== record.hash) {
      if (!(await verifySecret(parsed.secret, record.hash))) return { ok: false, reason: 'UNKNOWN' };
      this.verified.set(fingerprint, record.hash);
    }
    return this.admit(parsed.keyId, record, 'key');
  }

  /** A session stores the key id it was opened with: the key and its user must still be in good standing. */
  async checkSessionKey(keyId: string): Promise<KeyCheck> {
    const record = await this.users.keyForAuth(keyId);
    if (!record) return { ok: false, reason: 'UNKNOWN' };
    return this.admit(keyId, record, 'session');
  }

  private admit(keyId: string, record: KeyAuthRecord, via: Viewer['via']): KeyCheck {
    if (record.revokedAt) return { ok: false, reason: 'REVOKED' };
    if (record.disabledAt) return { ok: false, reason: 'DISABLED' };
    if (!isRole(record.role)) return { ok: false, reason: 'UNKNOWN' };
    this.touch(keyId);
    return { ok: true, viewer: { userId: record.userId, name: record.name, role: record.role, keyId, via } };
  }

  /** Fire and forget: a failed lastUsedAt write must not fail the request it describes. */
  private touch(keyId: string): void {
    const now = this.now();
    const last = this.lastTouch.get(keyId);
    if (last !== undefined && now - last < this.touchIntervalMs) return;
    this.lastTouch.set(keyId, now);
    if (this.lastTouch.size > 100_000) this.lastTouch.clear();
    this.users.touchKey(keyId, new Date(now).toISOString()).catch((err: unknown) => this.opts.onTouchError?.(err));
  }
}
