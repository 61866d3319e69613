import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

/**
 * Token buckets per client (README "Limits and admission control"): a bucket holds at most
 * `capacity` points and refills continuously at `refillPerSecond`; a request that finds `cost`
 * points takes them, otherwise it is refused and takes nothing. A new client starts with a full
 * bucket, so it may burst `capacity` points, then sustain `refillPerSecond`.
 *
 * Why not a library: rate-limiter-flexible offers fixed windows and
 * BurstyRateLimiter (two fixed windows), not a bucket; the Redis token-bucket packages on npm are
 * unmaintained or tied to ioredis 4 or to Upstash's HTTP API. The bucket is one atomic Lua script
 * on Redis (below, the same arithmetic in memory for a single process).
 */
export interface TokenBucketPolicy {
  capacity: number;
  refillPerSecond: number;
}

export interface TakeResult {
  allowed: boolean;
  /** Points left after this request (whole points, rounded down). */
  remaining: number;
  /** When refused: ms until `cost` points are there (until the bucket is full when cost exceeds capacity); 0 when allowed. */
  retryAfterMs: number;
  /** ms until the bucket is full again. */
  fullInMs: number;
}

export interface TokenBucketStore {
  readonly policy: TokenBucketPolicy;
  /** Rejects when the store itself fails (Redis away): the caller decides whether to admit. */
  take(client: string, cost: number): Promise<TakeResult>;
  close(): Promise<void>;
}

function result(policy: TokenBucketPolicy, allowed: boolean, tokens: number, cost: number): TakeResult {
  const perMs = policy.refillPerSecond / 1000;
  const fullInMs = Math.ceil((policy.capacity - tokens) / perMs);
  const retryAfterMs = allowed ? 0 : cost > policy.capacity ? fullInMs : Math.ceil((cost - tokens) / perMs);
  // A hair below a whole point after float refills still counts as that point.
  return { allowed, remaining: Math.max(0, Math.floor(tokens + 1e-9)), retryAfterMs, fullInMs };
}

/** One process's buckets (tests, `npm run start:api` without Redis). At most maxClients buckets; an evicted one restarts full. */
export class MemoryTokenBucket implements TokenBucketStore {
  private readonly buckets: LRUCache<string, { tokens: number; atMs: number }>;

  constructor(
    readonly policy: TokenBucketPolicy,
    private readonly now: () => number = Date.now,
    maxClients = 100_000,
  ) {
    this.buckets = new LRUCache({ max: maxClients });
  }

  async take(client: string, cost: number): Promise<TakeResult> {
    const now = this.now();
    const state = this.buckets.get(client);
    let tokens = state
      ? Math.min(this.policy.capacity, state.tokens + (Math.max(0, now - state.atMs) * this.policy.refillPerSecond) / 1000)
      : this.policy.capacity;
    const allowed = tokens >= cost;
    if (allowed) tokens -= cost;
    this.buckets.set(client, { tokens, atMs: now });
    return result(this.policy, allowed, tokens, cost);
  }

  async close(): Promise<void> {
    this.buckets.clear();
  }
}

/**
 * KEYS[1] the bucket (a hash: tokens, ts); ARGV capacity, refill per ms, cost. Redis's own clock
 * (TIME), so every API process sharing the Redis sees the same refill. Returns {allowed, tokens
 * as a string (Lua numbers become integers in replies)}. The key expires once the bucket would
 * be full anyway, so idle clients cost no memory.
 */
export const TAKE_TOKENS_LUA = `
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = capacity
  ts = now
end
if now > ts then
  tokens = math.min(capacity, tokens + (now - ts) * perMs)
  ts = now
end
local allowed = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(ts))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / perMs) + 1000)
return {allowed, tostring(tokens)}
`;

type TakeTokens = (key: string, capacity: number, perMs: number, cost: number) => Promise<[number, string]>;

/** Buckets shared by every API process pointed at the same Redis. */
export class RedisTokenBucket implements TokenBucketStore {
  private readonly prefix: string;

  /** `redis` is owned by the bucket (closed by close()); keys are named for the policy, so APIs with other limits never share a bucket. */
  constructor(
    private readonly redis: Redis,
    readonly policy: TokenBucketPolicy,
    keyPrefix = 'clusteratlas:ratelimit',
  ) {
    this.prefix = `${keyPrefix}:${policy.capacity}:${policy.refillPerSecond}`;
    redis.defineCommand('clusterAtlasTakeTokens', { numberOfKeys: 1, lua: TAKE_TOKENS_LUA });
  }

  async take(client: string, cost: number): Promise<TakeResult> {
    if (this.redis.status !== 'ready') throw new Error(`rate-limit store not connected (${this.redis.status})`);
    const take = (this.redis as unknown as { clusterAtlasTakeTokens: TakeTokens }).clusterAtlasTakeTokens.bind(this.redis);
    const [allowed, tokens] = await take(`${this.prefix}:${client}`, this.policy.capacity, this.policy.refillPerSecond / 1000, cost);
    return result(this.policy, allowed === 1, Number(tokens), cost);
  }

  /** Resolves once connected, or after timeoutMs (the API then starts and admits until Redis answers). */
  async ready(timeoutMs: number): Promise<boolean> {
    if (this.redis.status === 'ready') return true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.redis.off('ready', onReady);
        resolve(false);
      }, timeoutMs);
      const onReady = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.redis.once('ready', onReady);
    });
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
