import net from 'node:net';
import { gql, type LooseData } from '../helpers/graphql';
import { stackInfo } from '../helpers/stack-info';

async function expectBadInput(query: string, argument: string, message: RegExp) {
  const r = await gql(query);
  expect(r.status).toBe(400);
  expect(r.body.errors).toHaveLength(1);
  expect(r.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  expect(r.body.errors![0].extensions!.argument).toBe(argument);
  expect(r.body.errors![0].message).toMatch(message);
  expect(JSON.stringify(r.body)).not.toMatch(/MATCH|stacktrace/);
}

describe('bad input gets a clear error, never a 500', () => {
  it('names a malformed formula pattern and its position', () =>
    expectBadInput('{ clusters(filter: {formula: "Mo3Qq"}) { totalCount } }', 'filter.formula', /unknown element "Qq" at position 4/));
  it('rejects an unknown element in an element set', () =>
    expectBadInput('{ clusters(filter: {elements: {anyOf: ["Mo", "Zz"]}}) { totalCount } }', 'filter.elements.anyOf[1]', /unknown element "Zz"/));
  it('rejects inverted ranges', () =>
    expectBadInput('{ clusters(filter: {size: {min: 9, max: 3}}) { totalCount } }', 'filter.size', /min 9 is greater than max 3/));
  it('rejects first > 100', () => expectBadInput('{ clusters(first: 101) { totalCount } }', 'first', /between 0 and 100/));
  it('rejects a forged cursor', () => expectBadInput('{ clusters(after: "bm9wZQ") { totalCount } }', 'after', /not a cursor/));
  it('rejects a malformed formula lookup', () => expectBadInput('{ clusterByFormula(formula: "Mo5S2)", charge: -1) { id } }', 'formula', /position/));

  it('rejects introspection nested deeper than the standard query, with a stable code', async () => {
    const ofTypes = (n: number): string => (n === 0 ? 'name' : `ofType { ${ofTypes(n - 1)} }`);
    expect((await gql(`{ __schema { types { fields { type { ${ofTypes(8)} } } } } }`)).status).toBe(200);
    const tooDeep = await gql(`{ __schema { types { fields { type { ${ofTypes(30)} } } } } }`);
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(tooDeep.body.errors![0].message).toMatch(/depth/i);
  });

  it('rejects too many aliases', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: dataset { version }`).join(' ');
    const r = await gql(`{ ${aliases} }`);
    expect(r.status).toBe(400);
    expect(r.body.errors![0].message).toMatch(/alias/i);
  });

  it('rejects queries whose page sizes multiply past the cost limit', async () => {
    const page = 'clusters(first: 100) { edges { node { measurements { source { doi } } composition { element } } } }';
    expect((await gql(`{ ${page} }`)).status).toBe(200);
    const r = await gql(`{ ${['a', 'b', 'c', 'd', 'e', 'f'].map((a) => `${a}: ${page}`).join(' ')} }`);
    expect(r.status).toBe(400);
    expect(r.body.errors![0].extensions!.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses bodies over 100 kB with JSON, not an HTML page', async () => {
    const res = await fetch(`${stackInfo().apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ dataset { version } } #${'x'.repeat(110_000)}` }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as LooseData).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers requests the HTTP parser refuses (oversized headers, broken framing) with a JSON 4xx, not a bare status line', async () => {
    const { hostname, port } = new URL(stackInfo().apiUrl);
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = net.connect(Number(port), hostname, () => socket.end(request));
        const chunks: Buffer[] = [];
        socket.on('data', (c: Buffer) => chunks.push(c));
        socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        socket.on('error', reject);
      });
    const huge = await raw(`GET /health HTTP/1.1\r\nHost: x\r\nX-Filler: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    const hugeBody = JSON.parse(huge.slice(huge.indexOf('\r\n\r\n') + 4));
    expect(hugeBody.errors[0].extensions.code).toBe('REQUEST_HEADERS_TOO_LARGE');
    expect(hugeBody.extensions.datasetVersion).toBe(stackInfo().datasetVersion);
    const broken = await raw('GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n');
    expect(broken).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(broken.slice(broken.indexOf('\r\n\r\n') + 4)).errors[0].extensions.code).toBe('BAD_REQUEST');
    // The server is still answering.
    expect((await fetch(`${stackInfo().apiUrl}/health`)).status).toBe(200);
  });

  it('blocks simple cross-site GET requests (CSRF prevention)', async () => {
    const res = await fetch(`${stackInfo().apiUrl}/graphql?query=${encodeURIComponent('{ dataset { version } }')}`);
    expect(res.status).toBe(400);
    const ok = await fetch(`${stackInfo().apiUrl}/graphql?query=${encodeURIComponent('{ dataset { version } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(ok.status).toBe(200);
  });
});
