import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startWeb, stopServices, type Service } from './helpers/stack';
import { webStack } from './helpers/stack-info';

/**
 * What the site's GraphQL proxy puts on the wire. The API in this branch sends no GraphQL ETag or
 * rate-limit headers, so a second production site is pointed at a recording HTTP server that
 * answers the way a caching, rate-limiting API does and records each request it gets.
 */
interface Seen {
  headers: http.IncomingHttpHeaders;
  url: string;
  body: string;
}
const seen: Seen[] = [];
let upstream: http.Server;
let web: Service;

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ headers: req.headers, url: req.url ?? '', body });
      const scenario = new URL(req.url ?? '/', 'http://x').searchParams.get('scenario');
      const common = { 'content-type': 'application/json; charset=utf-8', vary: 'Accept-Encoding', server: 'secret-internals/1.0' };
      if (scenario === 'limited') {
        res.writeHead(429, {
          ...common,
          'retry-after': '7',
          'ratelimit-limit': '100',
          'ratelimit-remaining': '0',
          'ratelimit-reset': '7',
          'x-ratelimit-used': '100',
        });
        res.end('{"errors":[{"message":"Too many requests","extensions":{"code":"RATE_LIMITED"}}]}');
      } else if (scenario === 'busy') {
        res.writeHead(503, { ...common, 'retry-after': '3' });
        res.end('{"errors":[{"message":"Queue full","extensions":{"code":"SERVICE_UNAVAILABLE"}}]}');
      } else if (req.headers['if-none-match'] === '"v1-abc"') {
        res.writeHead(304, { etag: '"v1-abc"', 'cache-control': 'public, max-age=60', vary: 'Accept-Encoding' });
        res.end();
      } else {
        res.writeHead(200, { ...common, etag: '"v1-abc"', 'cache-control': 'public, max-age=60', 'x-ratelimit-remaining': '99', 'set-cookie': 'internal=1' });
        res.end('{"data":{"dataset":{"version":"v1"}}}');
      }
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const { port } = upstream.address() as AddressInfo;
  web = await startWeb(webStack().tmpDir, `http://127.0.0.1:${port}/graphql`, 'web-recording-upstream');
});

afterAll(async () => {
  if (web) await stopServices([web]);
  await new Promise((resolve) => upstream?.close(resolve));
});

const post = (search = '', headers: Record<string, string> = {}) =>
  fetch(`${web.url}/api/graphql${search}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: '{"query":"{ dataset { version } }"}',
  });

test('the visitor address is appended to X-Forwarded-For, so a client cannot replace it', async () => {
  seen.length = 0;
  await (await post()).arrayBuffer();
  await (await post('', { 'x-forwarded-for': '203.0.113.9' })).arrayBuffer();
  expect(seen.map((s) => s.headers['x-forwarded-for'])).toEqual(['127.0.0.1', '203.0.113.9, 127.0.0.1']);
});

test('the body and content type reach the API unchanged, cookies and unknown headers do not', async () => {
  seen.length = 0;
  await (await post('', { 'content-type': 'application/json; charset=utf-8', cookie: 'session=1', 'x-internal': 'y' })).arrayBuffer();
  expect(seen[0].body).toBe('{"query":"{ dataset { version } }"}');
  expect(seen[0].headers['content-type']).toBe('application/json; charset=utf-8');
  expect(seen[0].headers.cookie).toBeUndefined();
  expect(seen[0].headers['x-internal']).toBeUndefined();
});

test('ETag, Cache-Control, Vary and rate-limit headers come back; If-None-Match goes up and 304 comes back', async () => {
  const first = await post();
  expect(first.status).toBe(200);
  expect(first.headers.get('etag')).toBe('"v1-abc"');
  expect(first.headers.get('cache-control')).toBe('public, max-age=60');
  expect(first.headers.get('vary')).toMatch(/Accept-Encoding/);
  expect(first.headers.get('x-ratelimit-remaining')).toBe('99');
  expect(first.headers.get('set-cookie')).toBeNull();
  expect(first.headers.get('server')).toBeNull();
  await first.arrayBuffer();
  seen.length = 0;
  const again = await post('', { 'if-none-match': '"v1-abc"' });
  expect(seen[0].headers['if-none-match']).toBe('"v1-abc"');
  expect(again.status).toBe(304);
  expect(again.headers.get('etag')).toBe('"v1-abc"');
  expect((await again.arrayBuffer()).byteLength).toBe(0);
});

test('429 and 503 pass through with Retry-After and RateLimit headers', async () => {
  const limited = await post('?scenario=limited');
  expect(limited.status).toBe(429);
  expect(limited.headers.get('retry-after')).toBe('7');
  expect(limited.headers.get('ratelimit-limit')).toBe('100');
  expect(limited.headers.get('ratelimit-remaining')).toBe('0');
  expect(limited.headers.get('x-ratelimit-used')).toBe('100');
  expect(((await limited.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('RATE_LIMITED');
  const busy = await post('?scenario=busy');
  expect(busy.status).toBe(503);
  expect(busy.headers.get('retry-after')).toBe('3');
  await busy.arrayBuffer();
});

test('pages rendered on the site server forward the visitor chain too, so each visitor keeps their own rate limit', async () => {
  seen.length = 0;
  // The page's data may not render against this upstream; what matters is what reached it.
  await (await fetch(`${web.url}/about`, { headers: { 'x-forwarded-for': '198.51.100.7' } })).arrayBuffer();
  const chains = seen.map((s) => s.headers['x-forwarded-for']);
  expect(chains.length).toBeGreaterThan(0);
  expect(chains.every((c) => c === '198.51.100.7, 127.0.0.1')).toBe(true);
});
