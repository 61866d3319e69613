import { getIntrospectionQuery, type IntrospectionOptions } from 'graphql';
import { gql, type GraphQLResponse, type LooseData } from '../helpers/graphql';
import { stackInfo } from '../helpers/stack-info';

/** One request as any client sends it; the raw text too, to check what was echoed. */
async function post(body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const res = await fetch(`${stackInfo().apiUrl}/graphql`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  return {
    status: res.status,
    text,
    body: JSON.parse(text) as GraphQLResponse['body'],
  };
}

async function expectHealthy() {
  const r = await gql('{ dataset { version } }');
  expect(r.status).toBe(200);
  expect(r.body.data!.dataset.version).toBe(stackInfo().datasetVersion);
}

function expectVersioned(body: { extensions?: LooseData }) {
  expect(body.extensions?.datasetVersion).toBe(stackInfo().datasetVersion);
}

describe('hostile documents are refused with a 4xx before they cost anything', () => {
  it('rejects a fragment bomb (5 levels × 190 spreads, inside every document limit) and keeps answering', async () => {
    const levels = 5;
    const width = 190;
    const defs = Array.from({ length: levels }, (_, l) =>
      l === levels - 1 ? `fragment F${l} on Cluster { id }` : `fragment F${l} on Cluster { ${`...F${l + 1} `.repeat(width)}}`,
    );
    const query = `{ cluster(id: "Mo5S2-anion") { ...F0 } } ${defs.join(' ')}`;
    expect(query.length).toBeLessThan(7000);
    const r = await post({ query });
    // One object, so a failure shows the status, code and message together.
    expect({ status: r.status, code: r.body.errors?.[0]?.extensions?.code, message: r.body.errors?.[0]?.message }).toEqual({
      status: 400,
      code: 'QUERY_TOO_COMPLEX',
      message: expect.stringMatching(/query cost exceeds the limit of 10000/),
    });
    expectVersioned(r.body);
    await expectHealthy();
  });

  it('rejects more expensive fields per operation than allowed, naming the rule', async () => {
    const similar = Array.from({ length: 4 }, (_, i) => `s${i}: similar(clusterId: "Mo5S2-anion", k: 1) { similarity }`).join(' ');
    const r = await post({ query: `{ ${similar} }` });
    expect(r.status).toBe(400);
    expect(r.body.errors![0].extensions!.code).toBe('TOO_MANY_EXPENSIVE_FIELDS');
    expect(r.body.data).toBeUndefined();
  });

  it('costs predict by the structure in the variables before xtb runs', async () => {
    const xyz = `50\n\n${Array.from({ length: 50 }, (_, i) => `Mo ${(i % 5) * 2.6} ${(Math.floor(i / 5) % 5) * 2.6} ${Math.floor(i / 25) * 2.6}`).join('\n')}\n`;
    const query = 'query($s: StructureInput!) { a: predict(structure: $s) { xtbWallTimeMs } b: predict(structure: $s) { xtbWallTimeMs } }';
    const r = await post({ query, variables: { s: { xyz, charge: 0, multiplicity: 1, optimize: true } } });
    expect(r.status).toBe(400);
    expect(r.body.errors![0].extensions!.code).toBe('QUERY_TOO_EXPENSIVE');
    expect(r.body.data).toBeUndefined();
  });

  it('answers a 100 kB pathological XYZ with 400 and without echoing it', async () => {
    const query = 'query($s: StructureInput!) { predict(structure: $s) { xtbWallTimeMs } }';
    // Over the length cap: refused before parsing. Under it: the digit run that made the old pattern quadratic.
    for (const digits of [95_000, 19_000]) {
      const r = await post({ query, variables: { s: { xyz: `1\n\nMo ${'1'.repeat(digits)}x 0 0\n`, charge: 0, multiplicity: 1 } } });
      expect(r.status).toBe(400);
      expect(r.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(r.body.errors![0].extensions!.argument).toBe('structure.xyz');
      expect(r.text.length).toBeLessThan(1000);
      expectVersioned(r.body);
    }
    await expectHealthy();
  });

  it('refuses coordinates of absurd magnitude before xtb', async () => {
    const r = await post({
      query: 'query($s: StructureInput!) { predict(structure: $s) { xtbWallTimeMs } }',
      variables: { s: { xyz: '2\n\nMo 0 0 0\nMo 1e300 0 0\n', charge: 0, multiplicity: 1 } },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors![0].message).toMatch(/beyond ±1000 Å/);
  });

  it.each([
    ['similar', (id: string) => `{ similar(clusterId: "${id}") { similarity } }`, 'clusterId'],
    ['subgraph', (id: string) => `{ subgraph(clusterId: "${id}", kind: WHOLE) { totalCharge } }`, 'clusterId'],
    ['explain', (id: string) => `{ explain(clusterId: "${id}", level: ATOM) { fullLog10K1 } }`, 'clusterId'],
    ['cluster', (id: string) => `{ cluster(id: "${id}") { id } }`, 'id'],
    ['clusters ids', (id: string) => `{ clusters(filter: {ids: ["${id}"]}) { totalCount } }`, 'filter.ids[0]'],
    ['clusters after', (id: string) => `{ clusters(after: "${id}") { totalCount } }`, 'after'],
    ['clusterByFormula', (id: string) => `{ clusterByFormula(formula: "${id}", charge: -1) { id } }`, 'formula'],
    ['elementCounts', (id: string) => `{ clusters(filter: {elementCounts: [{element: "${id}"}]}) { totalCount } }`, 'filter.elementCounts[0].element'],
  ])('%s: a 90 kB argument is a 400 that does not echo it', async (_name, query, argument) => {
    const r = await post({ query: query('x'.repeat(90_000)) });
    expect(r.status).toBe(400);
    expect(r.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(r.body.errors![0].extensions!.argument).toBe(argument);
    expect(r.text).not.toMatch(/x{50}/);
    expect(r.text.length).toBeLessThan(1000);
  });
});

describe('every client mistake is a 4xx with a stable code and the dataset version', () => {
  it('syntax error → 400 GRAPHQL_PARSE_FAILED', async () => {
    const r = await post({ query: '{ dataset { version ' });
    expect(r.status).toBe(400);
    expect(r.body.errors![0].extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
    expectVersioned(r.body);
  });

  it('more tokens than the limit → 400 GRAPHQL_PARSE_FAILED', async () => {
    const r = await post({ query: `{ ${'__typename '.repeat(2100)}}` });
    expect(r.status).toBe(400);
    expect(r.body.errors![0].extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(r.body.errors![0].message).toMatch(/2000 tokens/);
    expectVersioned(r.body);
  });

  it.each(['subscription { dataset { version } }', 'subscription S { clusters { totalCount } }'])('%s → 400 OPERATION_NOT_SUPPORTED', async (query) => {
    const r = await post({ query });
    expect(r.status).toBe(400);
    expect(r.body.errors![0].extensions!.code).toBe('OPERATION_NOT_SUPPORTED');
    expect(r.body.data).toBeUndefined();
    expectVersioned(r.body);
  });

  it.each(['mutation { dataset { version } }', 'mutation M { x }'])('%s (no such mutation) → 400 GRAPHQL_VALIDATION_FAILED', async (query) => {
    const r = await post({ query });
    expect(r.status).toBe(400);
    expect(r.body.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.body.data).toBeUndefined();
    expectVersioned(r.body);
  });

  it.each([
    ['a charset other than UTF-8', { 'content-type': 'application/json; charset=latin1' }, 415, 'UNSUPPORTED_CHARSET'],
    ['an unknown Content-Encoding', { 'content-type': 'application/json', 'content-encoding': 'br2' }, 415, 'UNSUPPORTED_CONTENT_ENCODING'],
    ['gzip that is not gzip', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, 400, 'BAD_REQUEST'],
  ])('%s → %s %s', async (_name, headers, status, code) => {
    const r = await post({ query: '{ dataset { version } }' }, headers as Record<string, string>);
    expect(r.status).toBe(status);
    expect(r.body.errors![0].extensions!.code).toBe(code);
    expectVersioned(r.body);
  });

  it('a persisted-query hash that does not match its query → 400 PERSISTED_QUERY_HASH_MISMATCH', async () => {
    const r = await post({ query: '{ dataset { version } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } });
    expect(r.status).toBe(400);
    expect(r.body.errors![0].extensions!.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
    expectVersioned(r.body);
  });

  it('batches and bodies that are not JSON → 400 BAD_REQUEST with the version', async () => {
    for (const body of ['[{"query":"{ dataset { version } }"}]', '{"query": ', '"just a string"']) {
      const r = await post(body);
      expect(r.status).toBe(400);
      expect(r.body.errors![0].extensions!.code).toBe('BAD_REQUEST');
      expectVersioned(r.body);
    }
  });
});

describe('standard introspection works; hostile introspection does not', () => {
  const OPTION_SETS: IntrospectionOptions[] = [
    {},
    // Descriptions only: graphql-core's get_introspection_query defaults, which Python gql builds on.
    { descriptions: true, specifiedByUrl: false, directiveIsRepeatable: false, schemaDescription: false, inputValueDeprecation: false },
    { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true },
  ];

  it.each(OPTION_SETS.map((o) => [JSON.stringify(o), o]))('getIntrospectionQuery(%s) answers the schema', async (_name, options) => {
    const r = await post({ query: getIntrospectionQuery(options as IntrospectionOptions) });
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    const types = r.body.data!.__schema.types as Array<{ name: string }>;
    expect(types.map((t) => t.name)).toEqual(expect.arrayContaining(['Cluster', 'Query', 'StructureInput']));
    expectVersioned(r.body);
  });

  it('rejects a 300-deep ofType chain and nested introspection lists with 400', async () => {
    const ofTypes = (n: number): string => (n === 0 ? 'name' : `ofType { ${ofTypes(n - 1)} }`);
    for (const query of [
      `{ __type(name: "Cluster") { ${ofTypes(300)} } }`,
      '{ __schema { types { fields { type { fields { type { fields { type { name } } } } } } } } }',
    ]) {
      const r = await post({ query });
      expect(r.status).toBe(400);
      expect(r.body.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    await expectHealthy();
  });
});
