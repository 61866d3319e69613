import { MemoryTokenBucket } from './token-bucket';

/** The bucket's arithmetic on a hand-driven clock (the Redis script's twin runs in test/integration/rate-limit-redis.test.ts). */
describe('MemoryTokenBucket', () => {
  // 10 points, refilled at 10 per 20 s = 0.5 point per second.
  const policy = { capacity: 10, refillPerSecond: 0.5 };
  let nowMs: number;
  let bucket: MemoryTokenBucket;
  beforeEach(() => {
    nowMs = 1_000_000;
    bucket = new MemoryTokenBucket(policy, () => nowMs);
  });

  it('lets a new client burst the whole capacity, then refuses without taking points', async () => {
    for (let i = 0; i < 10; i++) {
      const r = await bucket.take('a', 1);
      expect(r).toMatchObject({ allowed: true, remaining: 9 - i, retryAfterMs: 0 });
    }
    const refused = await bucket.take('a', 1);
    // Empty: one point takes 1 / 0.5 = 2 s to come back; a full bucket 20 s.
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterMs: 2000, fullInMs: 20000 });
    // The refusal took nothing: the wait did not grow.
    expect((await bucket.take('a', 1)).retryAfterMs).toBe(2000);
  });

  it('refills continuously at the policy rate, never above capacity', async () => {
    await bucket.take('a', 10);
    nowMs += 3000; // 1.5 points back
    const r = await bucket.take('a', 1);
    expect(r.allowed).toBe(true);
    expect(r.remaining).toBe(0); // 0.5 left
    expect(r.fullInMs).toBe(19000);
    const wait = await bucket.take('a', 2); // needs 1.5 more points = 3 s
    expect(wait).toMatchObject({ allowed: false, retryAfterMs: 3000 });
    nowMs += 3_600_000;
    expect(await bucket.take('a', 0)).toMatchObject({ allowed: true, remaining: 10, fullInMs: 0 });
  });

  it('charges a cost larger than one point at once, and names the wait until the bucket is full for a cost above capacity', async () => {
    expect(await bucket.take('a', 7)).toMatchObject({ allowed: true, remaining: 3 });
    expect(await bucket.take('a', 4)).toMatchObject({ allowed: false, remaining: 3, retryAfterMs: 2000 });
    expect(await bucket.take('a', 11)).toMatchObject({ allowed: false, remaining: 3, retryAfterMs: 14000, fullInMs: 14000 });
  });

  it('keeps one bucket per client', async () => {
    await bucket.take('a', 10);
    expect(await bucket.take('b', 1)).toMatchObject({ allowed: true, remaining: 9 });
    expect((await bucket.take('a', 1)).allowed).toBe(false);
  });
});
