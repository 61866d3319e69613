import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RedisTokenBucket } from '../../server/src/http/token-bucket';
import { createRedis } from '../../server/src/redis/connection';
import type { LocalRedis } from '../../server/src/redis/redis-launcher';
import { freePort } from '../helpers/free-port';
import { startOwnApi, type OwnApi } from '../helpers/own-api';
import { stackInfo } from '../helpers/stack-info';
import { startTestRedis } from '../helpers/stack';

/**
 * Issue 9's remaining gap: the per-client token bucket lives in Redis, so several API processes
 * share one budget per client. Each API here is a whole API (its own HTTP server, limiter and
 * queues) over the shared test Neo4j; only the Redis is shared, or not.
 */
const CHEAP = 'query($id: ID!) { cluster(id: $id) { id } }';
const REMAINING = /^"default";r=(\d+);t=(\d+)$/;

type Own = OwnApi;

/** Tight limits: 10 points, one back every hour, so nothing refills during the test. */
const startOwn = (env: Record<string, string | undefined>) =>
  startOwnApi({ TRUST_PROXY: '127.0.0.1', RATE_LIMIT_POINTS: '10', RATE_LIMIT_WINDOW_S: '36000', ...env });

async function stopOwn(own: Own | undefined): Promise<void> {
  await own?.stop();
}

async function ask(own: Own, client: string): Promise<{ status: number; remaining: number | null }> {
  const res = await fetch(`${own.api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
    body: JSON.stringify({ query: CHEAP, variables: { id: 'Mo5S2-anion' } }),
  });
  await res.text();
  const m = REMAINING.exec(res.headers.get('ratelimit') ?? '');
  return { status: res.status, remaining: m ? Number(m[1]) : null };
}

describe('two API processes sharing one Redis', () => {
  let a: Own;
  let b: Own;
  beforeAll(async () => {
    a = await startOwn({ REDIS_URL: stackInfo().redisUrl });
    b = await startOwn({ REDIS_URL: stackInfo().redisUrl });
  });
  afterAll(async () => {
    await stopOwn(a);
    await stopOwn(b);
  });

  it('share one budget per client: 6 requests on one and 6 on the other give 10 answers and 2 refusals', async () => {
    const replies = [];
    for (let i = 0; i < 6; i++) replies.push(await ask(a, '203.0.113.10'));
    for (let i = 0; i < 6; i++) replies.push(await ask(b, '203.0.113.10'));
    expect(replies.map((r) => r.status)).toEqual([...Array(10).fill(200), 429, 429]);
    // The second API counts on from where the first stopped.
    expect(replies.slice(0, 10).map((r) => r.remaining)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    // Another client is not touched on either.
    expect(await ask(b, '203.0.113.11')).toEqual({ status: 200, remaining: 9 });
    expect(await ask(a, '203.0.113.11')).toEqual({ status: 200, remaining: 8 });
  });
});

describe('two API processes without Redis (the contrast)', () => {
  let a: Own;
  let b: Own;
  beforeAll(async () => {
    a = await startOwn({ REDIS_URL: undefined });
    b = await startOwn({ REDIS_URL: undefined });
  });
  afterAll(async () => {
    await stopOwn(a);
    await stopOwn(b);
  });

  it('each keep their own bucket, so a client gets a budget per process', async () => {
    const replies = [];
    for (let i = 0; i < 6; i++) replies.push(await ask(a, '203.0.113.20'));
    for (let i = 0; i < 6; i++) replies.push(await ask(b, '203.0.113.20'));
    expect(replies.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(replies[11].remaining).toBe(4);
  });
});

describe('the bucket script on Redis', () => {
  let dir: string;
  let redis: LocalRedis;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'clusteratlas-bucket-'));
    redis = await startTestRedis(dir);
  });
  afterAll(async () => {
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('bursts the capacity, refuses without taking points, and refills at the policy rate by Redis time', async () => {
    // 5 points, 10 points per second back.
    const bucket = new RedisTokenBucket(createRedis(redis.url, 'limiter'), { capacity: 5, refillPerSecond: 10 });
    try {
      expect(await bucket.ready(10_000)).toBe(true);
      expect((await bucket.take('c', 5)).allowed).toBe(true);
      const refused = await bucket.take('c', 5);
      expect(refused.allowed).toBe(false);
      // At most 5 points missing at 10 per second: 0.5 s at most, and only what the refill has not yet brought.
      expect(refused.retryAfterMs).toBeGreaterThan(0);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(500);
      expect((await bucket.take('c', 6)).retryAfterMs).toBeLessThanOrEqual(500);
      // After 0.6 s the bucket is full again (more time only adds points, up to the capacity).
      await new Promise((r) => setTimeout(r, 600));
      const refilled = await bucket.take('c', 5);
      expect(refilled.allowed).toBe(true);
      expect(refilled.remaining).toBe(0);
      // The key expires once the bucket would be full anyway.
      const raw = createRedis(redis.url, 'worker');
      try {
        const ttlMs = await raw.pttl('clusteratlas:ratelimit:5:10:c');
        expect(ttlMs).toBeGreaterThan(0);
        expect(ttlMs).toBeLessThanOrEqual(1500);
      } finally {
        raw.disconnect();
      }
    } finally {
      await bucket.close();
    }
  });

  it('fails fast while Redis is away, so the API can admit instead of hanging', async () => {
    const port = await freePort();
    const bucket = new RedisTokenBucket(createRedis(`redis://:x@127.0.0.1:${port}`, 'limiter'), { capacity: 5, refillPerSecond: 1 });
    try {
      expect(await bucket.ready(300)).toBe(false);
      await expect(bucket.take('c', 1)).rejects.toThrow(/not connected/);
    } finally {
      await bucket.close();
    }
  });
});
