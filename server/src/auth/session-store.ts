import { createHash } from 'node:crypto';
import session, { type SessionData } from 'express-session';
import type { UserRepository } from '../db/user.repository';

export interface SessionStoreOptions {
  /** Server-side lifetime of an idle session. */
  ttlMs: number;
  /** An unchanged session's expiry is written at most this often (each request would otherwise write). */
  touchIntervalMs?: number;
  /** Expired sessions are deleted this often; 0 turns the sweep off. */
  cleanupIntervalMs?: number;
  now?: () => number;
  onError?: (err: unknown) => void;
}

/** The store keys sessions by a hash of the id: a copy of the database holds no usable cookie. */
export function sidHash(sid: string): string {
  return createHash('sha256').update(sid).digest('base64url');
}

type Callback = (err?: unknown) => void;

/**
 * express-session's Store over Neo4j ((:Session {sidHash, dataJson, expiresAt})), so every API
 * process sees the same sessions and a restart signs nobody out.
 */
export class Neo4jSessionStore extends session.Store {
  private readonly lastTouch = new Map<string, number>();
  private readonly sweep: NodeJS.Timeout | null;
  private readonly now: () => number;

  constructor(
    private readonly users: UserRepository,
    private readonly opts: SessionStoreOptions,
  ) {
    super();
    this.now = opts.now ?? Date.now;
    const every = opts.cleanupIntervalMs ?? 10 * 60_000;
    this.sweep = every > 0 ? setInterval(() => void this.cleanup(), every) : null;
    // A sweep must never keep a process alive (tests, CLI).
    this.sweep?.unref();
  }

  private expiry(data: SessionData): number {
    const expires = data.cookie?.expires ? new Date(data.cookie.expires).getTime() : NaN;
    return Number.isFinite(expires) ? Math.min(expires, this.now() + this.opts.ttlMs) : this.now() + this.opts.ttlMs;
  }

  override get(sid: string, cb: (err: unknown, data?: SessionData | null) => void): void {
    this.users.sessionGet(sidHash(sid), this.now()).then(
      (json) => cb(null, json ? (JSON.parse(json) as SessionData) : null),
      (err: unknown) => cb(err),
    );
  }

  override set(sid: string, data: SessionData, cb?: Callback): void {
    const hash = sidHash(sid);
    this.lastTouch.set(hash, this.now());
    this.users.sessionSet(hash, JSON.stringify(data), this.expiry(data)).then(
      () => cb?.(),
      (err: unknown) => cb?.(err),
    );
  }

  override touch(sid: string, data: SessionData, cb?: Callback): void {
    const hash = sidHash(sid);
    const now = this.now();
    const last = this.lastTouch.get(hash);
    if (last !== undefined && now - last < (this.opts.touchIntervalMs ?? 60_000)) {
      cb?.();
      return;
    }
    this.lastTouch.set(hash, now);
    if (this.lastTouch.size > 100_000) this.lastTouch.clear();
    this.users.sessionTouch(hash, this.expiry(data)).then(
      () => cb?.(),
      (err: unknown) => cb?.(err),
    );
  }

  override destroy(sid: string, cb?: Callback): void {
    const hash = sidHash(sid);
    this.lastTouch.delete(hash);
    this.users.sessionDestroy(hash).then(
      () => cb?.(),
      (err: unknown) => cb?.(err),
    );
  }

  /** Deletes expired sessions in batches; reads already ignore them, this only reclaims space. */
  async cleanup(): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const removed = await this.users.sessionCleanup(this.now(), 1000);
        total += removed;
        if (removed < 1000) break;
      }
    } catch (err) {
      this.opts.onError?.(err);
    }
    return total;
  }

  close(): void {
    if (this.sweep) clearInterval(this.sweep);
  }
}
