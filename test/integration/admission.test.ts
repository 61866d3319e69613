import 'reflect-metadata';
import type { LooseData } from '../helpers/graphql';
import http from 'node:http';
import type { RunningApi } from '../../server/src/api';
import { startOwnApi as startOwnApiOver, type OwnApi } from '../helpers/own-api';
import { stackInfo } from '../helpers/stack-info';

/**
 * Admission control against real APIs: each describe starts its own API process-in-process over
 * the shared test Neo4j, with the tight limits it tests (the shared API keeps a roomy budget),
 * and its rate-limit buckets in the shared test Redis (keys per policy, so limits never mix).
 * Refill windows are long where a test counts remaining points, so the bucket's continuous refill
 * cannot add a point between two requests on a slow machine.
 * Clients are told apart by source address (127.0.0.1 vs 127.0.0.2 on the loopback network)
 * and, from the trusted 127.0.0.1, by X-Forwarded-For.
 */

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: LooseData;
}

function request(
  url: string,
  opts: { method?: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string>; from?: string; forwardedFor?: string } = {},
): Promise<Reply> {
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  const headers: Record<string, string> = { ...(body ? { 'content-type': 'application/json' } : {}), ...opts.headers };
  if (opts.forwardedFor) headers['x-forwarded-for'] = opts.forwardedFor;
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? (body ? 'POST' : 'GET'), headers, localAddress: opts.from ?? '127.0.0.1', agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          json = null;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: json as LooseData });
      });
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

const post = (api: RunningApi, query: string, variables: Record<string, unknown> = {}, opts: { from?: string; forwardedFor?: string } = {}) =>
  request(`${api.url}/graphql`, { body: { query, variables }, ...opts });

/** Another API on the shared test database, with its own limits (and its own limiter, queues and cache); buckets in the shared test Redis. */
const startOwnApi = (env: Record<string, string>, datasetVersion?: string) => startOwnApiOver({ REDIS_URL: stackInfo().redisUrl, ...env }, datasetVersion);

const CHEAP = 'query($id: ID!) { cluster(id: $id) { id formula log10K1 } }';
const RATELIMIT = /^"default";r=(\d+);t=(\d+)$/;

describe('rate limit per client (429, Retry-After, RateLimit headers)', () => {
  let own: OwnApi;
  beforeAll(async () => {
    own = await startOwnApi({ RATE_LIMIT_POINTS: '20', RATE_LIMIT_WINDOW_S: '3600', TRUST_PROXY: '127.0.0.1' });
  });
  afterAll(async () => {
    await own.stop();
  });

  it('answers a burst beyond the budget 429 with Retry-After and RateLimit headers, and a stable code', async () => {
    const replies: Reply[] = [];
    for (let i = 0; i < 24; i++) replies.push(await post(own.api, CHEAP, { id: 'Mo5S2-anion' }, { forwardedFor: '203.0.113.7' }));
    const ok = replies.slice(0, 20);
    for (const [i, r] of ok.entries()) {
      expect(r.status).toBe(200);
      expect(r.json.data.cluster.id).toBe('Mo5S2-anion');
      expect(r.headers['ratelimit-policy']).toBe('"default";q=20;w=3600');
      expect(Number(RATELIMIT.exec(String(r.headers.ratelimit))![1])).toBe(19 - i);
    }
    for (const r of replies.slice(20)) {
      expect(r.status).toBe(429);
      const retryAfter = Number(r.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      // One point comes back every 3600 / 20 = 180 s.
      expect(retryAfter).toBeGreaterThan(170);
      expect(retryAfter).toBeLessThanOrEqual(180);
      expect(r.headers.ratelimit).toMatch(/^"default";r=0;t=\d+$/);
      expect(r.json.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(r.json.errors[0].message).toMatch(/holds 20 points, refilled at 20 points per 3600 s/);
    }
  });

  it('believes X-Forwarded-For from the trusted proxy: another forwarded client has its own budget', async () => {
    const r = await post(own.api, CHEAP, { id: 'Mo5S2-anion' }, { forwardedFor: '203.0.113.99' });
    expect(r.status).toBe(200);
    expect(r.headers.ratelimit).toMatch(/^"default";r=19;/);
    // The limited client stays limited whatever else is in the chain before it.
    const again = await post(own.api, CHEAP, { id: 'Mo5S2-anion' }, { forwardedFor: '198.51.100.1, 203.0.113.7' });
    expect(again.status).toBe(429);
  });

  it('ignores X-Forwarded-For from an untrusted peer: a new header per request does not buy a new budget', async () => {
    // 127.0.0.2 is not in TRUST_PROXY; claiming to forward for fresh addresses must not help it.
    const replies: Reply[] = [];
    for (let i = 0; i < 22; i++) replies.push(await post(own.api, CHEAP, { id: 'Mo5S2-anion' }, { from: '127.0.0.2', forwardedFor: `192.0.2.${i + 1}` }));
    expect(replies.slice(0, 20).map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(replies.slice(20).map((r) => r.status)).toEqual([429, 429]);
    // ... and the client it claimed to be (203.0.113.7, limited above) was not charged or blocked on its behalf.
    expect(replies[0].headers.ratelimit).toMatch(/^"default";r=19;/);
  });

  it('lets no forwarded caller reset /health/event-loop: its ?reset=1 reads without starting a new window', async () => {
    const url = `${own.api.url}/health/event-loop`;
    const read = async (forwardedFor?: string, reset = true) =>
      (await request(`${url}${reset ? '?reset=1' : ''}`, { forwardedFor })).json as { windowS: number };
    await read();
    await new Promise((r) => setTimeout(r, 300));
    const forwarded = await read('203.0.113.66');
    expect(forwarded.windowS).toBeGreaterThanOrEqual(0.2);
    await new Promise((r) => setTimeout(r, 200));
    const plain = await read(undefined, false);
    expect(plain.windowS).toBeGreaterThanOrEqual(forwarded.windowS + 0.1);
  });

  it('charges expensive fields before they run: three explains cost 31 points, more than the budget', async () => {
    const q = `{ a: explain(clusterId: "Mo5S2-anion", level: ATOM) { fullLog10K1 } b: explain(clusterId: "Mo5S2-anion", level: BOND) { fullLog10K1 }
                 c: explain(clusterId: "Mo5S2-anion", level: SUBGRAPH) { fullLog10K1 } }`;
    const r = await post(own.api, q, {}, { forwardedFor: '203.0.113.50' });
    expect(r.status).toBe(429);
    expect(r.headers['retry-after']).toMatch(/^\d+$/);
    expect(r.json.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', costPoints: 31 });
    expect(r.json.data ?? null).toBeNull();
  });
});

describe('fair, bounded inference queue', () => {
  let own: OwnApi;
  let clusterId: string;
  beforeAll(async () => {
    own = await startOwnApi({
      INFERENCE_CONCURRENCY: '1',
      INFERENCE_QUEUE_MAX: '64',
      INFERENCE_QUEUE_PER_CLIENT: '16',
      RATE_LIMIT_POINTS: '100000',
      TRUST_PROXY: '127.0.0.1',
    });
    const r = await post(
      own.api,
      '{ clusters(filter: {hasStructure: true, size: {min: 8, max: 10}}, first: 1, orderBy: {field: SIZE, direction: DESC}) { edges { node { id } } } }',
    );
    clusterId = r.json.data.clusters.edges[0].node.id;
  });
  afterAll(async () => {
    await own.stop();
  });

  it("answers another client's cheap prediction while one client floods explains, ahead of the flood", async () => {
    const explains = `query($id: ID!) { a: explain(clusterId: $id, level: ATOM) { fullLog10K1 } b: explain(clusterId: $id, level: SUBGRAPH) { fullLog10K1 }
                       c: explain(clusterId: $id, level: ATOM) { fullLog10K1 } }`;
    const events: string[] = [];
    const flood = Array.from({ length: 4 }, (_, i) =>
      post(own.api, explains, { id: clusterId, n: i }, { forwardedFor: '198.51.100.10' }).then((r) => {
        events.push('flood');
        return r;
      }),
    );
    // Give the flood a head start into the queue (an ordering aid, not a timing assertion).
    await new Promise((r) => setTimeout(r, 100));
    const cheap = await post(
      own.api,
      'query($id: ID!) { cluster(id: $id) { id prediction { log10K1 } } }',
      { id: 'Mo5S2-anion', nonce: String(Date.now()) },
      { forwardedFor: '198.51.100.20' },
    );
    events.push('cheap');
    const floodReplies = await Promise.all(flood);

    expect(cheap.json.errors).toBeUndefined();
    expect(cheap.status).toBe(200);
    expect(cheap.json.data.cluster.prediction.log10K1).toEqual(expect.any(Number));
    // Round robin: the cheap call waited for at most one of the flood's calls, not for all of them.
    expect(events.indexOf('cheap')).toBeLessThan(events.length - 1);
    expect(events.at(-1)).toBe('flood');
    // The flood itself was served in full (its 12 explains fit its share of 16).
    for (const r of floodReplies) {
      expect(r.status).toBe(200);
      expect(r.json.errors).toBeUndefined();
      expect(r.json.data.a.fullLog10K1).toBeCloseTo(r.json.data.b.fullLog10K1, 5);
    }
  });
});

describe('full queues', () => {
  let own: OwnApi;
  beforeAll(async () => {
    own = await startOwnApi({
      INFERENCE_CONCURRENCY: '1',
      INFERENCE_QUEUE_MAX: '1',
      INFERENCE_QUEUE_PER_CLIENT: '1',
      XTB_CONCURRENCY: '1',
      XTB_QUEUE_MAX: '0',
      RATE_LIMIT_POINTS: '100000',
      RATE_LIMIT_MAX_IN_FLIGHT: '2',
      TRUST_PROXY: '127.0.0.1',
    });
  });
  afterAll(async () => {
    await own.stop();
  });

  it('answers 503 SERVER_BUSY with Retry-After when the inference queue is full, and serves the rest', async () => {
    const q = '{ explain(clusterId: "Mo5S2-anion", level: ATOM) { fullLog10K1 } }';
    const replies = await Promise.all(Array.from({ length: 6 }, (_, i) => post(own.api, q, {}, { forwardedFor: `198.51.100.${30 + i}` })));
    const busy = replies.filter((r) => r.status === 503);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    expect(replies.some((r) => r.status === 200 && r.json.data.explain.fullLog10K1 !== undefined)).toBe(true);
    for (const r of busy) {
      expect(r.headers['retry-after']).toMatch(/^[1-9]\d*$/);
      expect(r.json.errors[0].extensions).toMatchObject({ code: 'SERVER_BUSY', queue: 'inference' });
    }
    expect(replies.every((r) => r.status === 200 || r.status === 503)).toBe(true);
  });

  it("answers 429 TOO_MANY_JOBS when one request exceeds its client's share of the queue", async () => {
    const q = '{ a: explain(clusterId: "Mo5S2-anion", level: ATOM) { fullLog10K1 } b: explain(clusterId: "Mo5S2-anion", level: BOND) { fullLog10K1 } }';
    const r = await post(own.api, q, {}, { forwardedFor: '198.51.100.40' });
    expect(r.status).toBe(429);
    expect(r.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    const codes = r.json.errors.map((e: { extensions: { code: string } }) => e.extensions.code);
    expect(codes).toContain('TOO_MANY_JOBS');
  });

  it('refuses a client its third request in flight at once (429, Retry-After), and answers the two', async () => {
    // Two requests whose bodies are still arriving are in flight for as long as the test likes.
    const body = JSON.stringify({ query: CHEAP, variables: { id: 'Mo5S2-anion' } });
    const replies: Array<Promise<Reply>> = [];
    const open = [0, 1].map(() => {
      const req = http.request(`${own.api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(body.length), 'x-forwarded-for': '198.51.100.60' },
        agent: false,
      });
      replies.push(
        new Promise((resolve, reject) => {
          req.on('response', (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: JSON.parse(text) }));
          });
          req.on('error', reject);
        }),
      );
      req.write(body.slice(0, 10));
      return req;
    });
    // The server has seen both (the third must not overtake them on the way in).
    await new Promise((r) => setTimeout(r, 300));
    const third = await post(own.api, CHEAP, { id: 'Mo5S2-anion' }, { forwardedFor: '198.51.100.60' });
    expect(third.status).toBe(429);
    expect(third.headers['retry-after']).toBe('1');
    expect(third.json.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'IN_FLIGHT', maxInFlight: 2 });
    // Another client is not affected.
    expect((await post(own.api, CHEAP, { id: 'Mo5S2-anion' }, { forwardedFor: '198.51.100.61' })).status).toBe(200);
    for (const req of open) req.end(body.slice(10));
    for (const r of await Promise.all(replies)) expect(r.json.data.cluster.id).toBe('Mo5S2-anion');
  });

  it('answers 503 SERVER_BUSY when every xtb slot is taken (real xtb)', async () => {
    const c = (await post(own.api, '{ cluster(id: "Mo5S2-anion") { charge structure { xyz multiplicity } } }')).json.data.cluster;
    const s = { xyz: c.structure.xyz, charge: c.charge, multiplicity: c.structure.multiplicity };
    const q = 'query($s: StructureInput!) { predict(structure: $s) { xtbWallTimeMs } }';
    const replies = await Promise.all(Array.from({ length: 3 }, (_, i) => post(own.api, q, { s }, { forwardedFor: `198.51.100.${50 + i}` })));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of replies.filter((x) => x.status !== 200)) {
      expect(r.status).toBe(503);
      expect(r.headers['retry-after']).toMatch(/^[1-9]\d*$/);
      expect(r.json.errors[0].extensions).toMatchObject({ code: 'SERVER_BUSY', queue: 'xtb' });
    }
  }, 120000);
});

describe('read cache: ETag and 304, keyed by version', () => {
  let own: OwnApi;
  let other: OwnApi;
  const MOTIF =
    '{ motifSearch(pattern: {atoms: [{atomClass: METAL}, {atomClass: NONMETAL}], bonds: [{a: 0, b: 1}]}, first: 5) { edges { node { cluster { id } matchCount } } } }';
  const get = (api: RunningApi, query: string, headers: Record<string, string> = {}) =>
    request(`${api.url}/graphql?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });
  beforeAll(async () => {
    own = await startOwnApi({ RATE_LIMIT_POINTS: '1000', RATE_LIMIT_WINDOW_S: '86400' });
    // Same database, another dataset version: what a new release looks like to a client.
    other = await startOwnApi({ RATE_LIMIT_POINTS: '1000', RATE_LIMIT_WINDOW_S: '86400' }, 'another-dataset-version');
  });
  afterAll(async () => {
    await Promise.all([own.stop(), other.stop()]);
  });

  it('answers a repeated GET 304 with no body and without running the query again', async () => {
    const first = await get(own.api, MOTIF);
    expect(first.status).toBe(200);
    expect(first.json.data.motifSearch.edges.length).toBeGreaterThan(0);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const remainingAfterFirst = Number(RATELIMIT.exec(String(first.headers.ratelimit))![1]);

    const again = await get(own.api, MOTIF, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.etag).toBe(etag);
    // A run of motifSearch costs 1 + 5 points; the 304 cost only the request's 1: it was never parsed or run.
    expect(Number(RATELIMIT.exec(String(again.headers.ratelimit))![1])).toBe(remainingAfterFirst - 1);

    // The same query by POST is served from the cache too (200: 304 is for GET), byte for byte.
    const viaPost = await post(own.api, MOTIF);
    expect(viaPost.status).toBe(200);
    expect(viaPost.headers.etag).toBe(etag);
    expect(viaPost.text).toBe(first.text);
  });

  it('does not match an ETag of another dataset version', async () => {
    const mine = await get(own.api, MOTIF);
    const theirs = await get(other.api, MOTIF, { 'if-none-match': String(mine.headers.etag) });
    expect(theirs.status).toBe(200);
    expect(theirs.json.extensions.datasetVersion).toBe('another-dataset-version');
    expect(theirs.headers.etag).not.toBe(mine.headers.etag);
    expect(theirs.json.data).toEqual(mine.json.data);
  });

  it('does not cache errors: the same bad query runs (and is charged) every time', async () => {
    const bad = '{ similar(clusterId: "Mo5S2-anion", k: 0) { similarity } }';
    const [r1, r2] = [await get(own.api, bad), await get(own.api, bad)];
    for (const r of [r1, r2]) {
      expect(r.status).toBe(400);
      expect(r.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    // similar costs 1 + 2 points when it runs; a cached answer would have cost 1.
    const remaining = (r: Reply) => Number(RATELIMIT.exec(String(r.headers.ratelimit))![1]);
    expect(remaining(r1) - remaining(r2)).toBe(3);
  });
});
