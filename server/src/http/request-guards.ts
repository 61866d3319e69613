import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { Config } from '../config';
import { createRedis, describeRedisUrl } from '../redis/connection';
import { createAdmission, type Admission } from './admission';
import { createResponseCache, type CacheVersions, type ResponseCache } from './response-cache';
import { MemoryTokenBucket, RedisTokenBucket, type TokenBucketStore } from './token-bucket';

/** What app.ts mounts around /graphql and the downloads: admission control and the read cache. */
export interface RequestGuards {
  /** Before the body is read (refusing a spent client costs no parsing). */
  beforeBody: RequestHandler[];
  /** After the body is read, before Apollo. */
  afterBody: RequestHandler[];
  plugins: ApolloServerPlugin[];
  admission: Admission;
  cache: ResponseCache;
  /** Where the rate-limit buckets live, for the start-up log line. */
  rateLimitStore: string;
  /** Resolves once the bucket store answers (at most a few seconds: the API starts either way). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

const STORE_READY_TIMEOUT_MS = 5000;

export function createRequestGuards(cfg: Config, versions: () => CacheVersions): RequestGuards {
  // With Redis (REDIS_URL; `npm start` sets it to the redis-server it started) every API process
  // shares each client's bucket; without, the buckets are this process's own.
  const policy = { capacity: cfg.RATE_LIMIT_POINTS, refillPerSecond: cfg.RATE_LIMIT_POINTS / cfg.RATE_LIMIT_WINDOW_S };
  const redisBuckets = cfg.REDIS_URL ? new RedisTokenBucket(createRedis(cfg.REDIS_URL, 'limiter'), policy) : null;
  const buckets: TokenBucketStore = redisBuckets ?? new MemoryTokenBucket(policy);
  const admission = createAdmission({
    buckets,
    trustProxy: cfg.TRUST_PROXY,
    points: cfg.RATE_LIMIT_POINTS,
    windowS: cfg.RATE_LIMIT_WINDOW_S,
    maxInFlight: cfg.RATE_LIMIT_MAX_IN_FLIGHT,
  });
  const cache = createResponseCache({ maxBytes: cfg.RESPONSE_CACHE_MB * 1024 * 1024, maxEntryBytes: cfg.RESPONSE_CACHE_MAX_ENTRY_KB * 1024, versions });
  return {
    beforeBody: [admission.limit],
    afterBody: [admission.asClient, cache.serve],
    // The cache plugin after the version plugin: it stores the body with its versions.
    plugins: [admission.plugin, cache.plugin],
    admission,
    cache,
    rateLimitStore: cfg.REDIS_URL
      ? `Redis at ${describeRedisUrl(cfg.REDIS_URL)} (shared by every API process using it)`
      : 'memory of this process (set REDIS_URL to share)',
    async ready() {
      await redisBuckets?.ready(STORE_READY_TIMEOUT_MS);
    },
    close: () => admission.close(),
  };
}
