import { webStack } from './helpers/stack-info';

const { webUrl } = webStack();

test('the site proxies GraphQL on its own origin, versions included', async () => {
  const res = await fetch(`${webUrl}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query($id: ID!) { cluster(id: $id) { formula charge } }', variables: { id: 'Mo5S2-anion' } }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { data: { cluster: { formula: string; charge: number } }; extensions: { datasetVersion: string } };
  expect(body.data.cluster).toEqual({ formula: 'Mo5S2', charge: -1 });
  expect(body.extensions.datasetVersion).toMatch(/^mou2025-cluster-n2@/);
});

test('API input errors pass through the proxy with their code and position', async () => {
  const res = await fetch(`${webUrl}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ clusters(filter: { formula: "Ta3S(" }) { totalCount } }' }),
  });
  const body = (await res.json()) as { errors: Array<{ extensions: { code: string; argument: string; position: number } }> };
  expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.formula', position: 5 });
});

test('bulk downloads are served from the site origin', async () => {
  const csv = await fetch(`${webUrl}/download/clusters.csv`);
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
  const text = await csv.text();
  expect(text.split('\n')[0]).toMatch(/id/);
  expect(text).toContain('Mo5S2-anion');
  const json = await fetch(`${webUrl}/download/clusters.json`);
  expect(json.status).toBe(200);
  const missing = await fetch(`${webUrl}/download/secrets.txt`);
  expect(missing.status).toBe(404);
});

describe('what the proxy refuses', () => {
  test.each([
    ['text/plain', 'text/plain'],
    ['form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
  ])('a %s POST (what any other site can make a browser send) is refused with 415', async (_label, type) => {
    const res = await fetch(`${webUrl}/api/graphql`, { method: 'POST', headers: { 'content-type': type }, body: '{"query":"{ dataset { version } }"}' });
    expect(res.status).toBe(415);
    const body = (await res.json()) as { data?: unknown; errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(body.errors[0].message).toContain('application/json');
  });

  test('a POST without Content-Type is refused, not taken for JSON', async () => {
    const res = await fetch(`${webUrl}/api/graphql`, { method: 'POST', body: new Blob(['{"query":"{ dataset { version } }"}']) });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  test('a GET without the preflight header meets Apollo CSRF prevention, passed through', async () => {
    const res = await fetch(`${webUrl}/api/graphql?query=${encodeURIComponent('{ dataset { version } }')}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF|preflight/i);
  });

  test('a body over 100 kB is refused with 413 before it reaches the API', async () => {
    const res = await fetch(`${webUrl}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ dataset { version } }', variables: { pad: 'x'.repeat(150 * 1024) } }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  test.each(['/download/%zz', '/download/%E0%A4%A', '/clusters/%zz', '/clusters/%', '/motif/%C0%AF'])(
    '%s (malformed percent-encoding) is a 400, not a 500',
    async (path) => {
      const res = await fetch(`${webUrl}${path}`);
      expect(res.status).toBe(400);
      expect(await res.text()).not.toMatch(/at .*\.js|URIError|node_modules/);
    },
  );

  test('a 5,000-character cluster id is a plain not-found page', async () => {
    const res = await fetch(`${webUrl}/clusters/${'Mo'.repeat(2500)}`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('Mo'.repeat(200));
  });
});

describe('downloads through the site: conditional requests and compression', () => {
  test('the ETag comes through, and If-None-Match gets an empty 304', async () => {
    const first = await fetch(`${webUrl}/download/clusters.json`);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/mou2025-cluster-n2@/);
    expect(first.headers.get('cache-control')).toMatch(/max-age/);
    await first.arrayBuffer();
    const again = await fetch(`${webUrl}/download/clusters.json`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
  });

  test('a client that accepts gzip gets a compressed download with Vary: Accept-Encoding', async () => {
    const http = await import('node:http');
    const res = await new Promise<import('node:http').IncomingMessage>((resolve, reject) =>
      http.get(`${webUrl}/download/clusters.csv`, { headers: { 'accept-encoding': 'gzip' } }, resolve).on('error', reject),
    );
    res.resume();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
  });
});
