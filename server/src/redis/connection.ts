import path from 'node:path';
import { Redis, type RedisOptions } from 'ioredis';
import { localPassword, type Config } from '../config';
import { logger } from '../logger';

/**
 * How every part of the project reaches Redis: REDIS_URL for an existing server, or the local
 * redis-server (127.0.0.1:REDIS_PORT, password generated beside its data, like Neo4j's). The only
 * importer of ioredis besides BullMQ itself.
 */

/** Who uses the connection decides how it behaves while Redis is away. */
export type RedisRole =
  /** BullMQ Worker and QueueEvents: blocking commands wait for Redis to come back (BullMQ requires maxRetriesPerRequest null). */
  | 'worker'
  /** BullMQ Queue in a request path (enqueue, status): fail at once instead of hanging a request while Redis is away. */
  | 'queue'
  /** Rate-limit store: at most one short round trip; when Redis is away the limiter admits. */
  | 'limiter';

export const LIMITER_COMMAND_TIMEOUT_MS = 1000;

export function localRedisPasswordFile(cfg: Pick<Config, 'REDIS_DATA_DIR'>): string {
  return path.join(path.dirname(cfg.REDIS_DATA_DIR), 'redis-password');
}

export function redisUrlOf(where: { host: string; port: number; password?: string | null; db?: number }): string {
  const auth = where.password ? `:${encodeURIComponent(where.password)}@` : '';
  return `redis://${auth}${where.host}:${where.port}${where.db ? `/${where.db}` : ''}`;
}

/** REDIS_URL, or the local server's address with its generated password (created on first use). */
export function resolveRedisUrl(cfg: Pick<Config, 'REDIS_URL' | 'REDIS_PORT' | 'REDIS_DATA_DIR'>): string {
  if (cfg.REDIS_URL) return cfg.REDIS_URL;
  return redisUrlOf({ host: '127.0.0.1', port: cfg.REDIS_PORT, password: localPassword(localRedisPasswordFile(cfg)) });
}

/** For log lines and errors: the URL without credentials. */
export function describeRedisUrl(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}:${u.port || 6379}${u.pathname && u.pathname !== '/' ? u.pathname : ''}`;
}

/** ioredis options that BullMQ's own option type accepts too (its retryStrategy may not be null). */
export type ConnectionOptions = Omit<RedisOptions, 'retryStrategy'> & { retryStrategy: (times: number) => number };

export function redisOptions(url: string, role: RedisRole): ConnectionOptions {
  const u = new URL(url);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`REDIS_URL must start with redis:// or rediss://, got ${u.protocol}//`);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) throw new Error(`REDIS_URL: the database number must be a non-negative integer, got "${u.pathname.slice(1)}"`);
  const base: ConnectionOptions = {
    host: u.hostname,
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db,
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    connectionName: `clusteratlas-${role}`,
    // Reconnect for ever, at most every 2 s: a restarted Redis is picked up again without a restart of ours.
    retryStrategy: (times: number) => Math.min(100 * times, 2000),
  };
  switch (role) {
    case 'worker':
      return { ...base, maxRetriesPerRequest: null };
    case 'queue':
      return { ...base, enableOfflineQueue: false, maxRetriesPerRequest: 1 };
    case 'limiter':
      return { ...base, enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: LIMITER_COMMAND_TIMEOUT_MS };
  }
}

const ERROR_LOG_INTERVAL_MS = 10_000;

/** A connection of our own (BullMQ opens its own from redisOptions); its errors are logged at most every 10 s, never thrown. */
export function createRedis(url: string, role: RedisRole): Redis {
  const redis = new Redis(redisOptions(url, role));
  let lastLogMs = 0;
  redis.on('error', (err: Error) => {
    const now = Date.now();
    if (now - lastLogMs < ERROR_LOG_INTERVAL_MS) return;
    lastLogMs = now;
    logger.warn({ component: 'redis', role, err: err.message }, `redis: ${describeRedisUrl(url)} unavailable; reconnecting`);
  });
  return redis;
}
