import fc from 'fast-check';
import { gql } from '../helpers/graphql';
import { stackInfo } from '../helpers/stack-info';

/** Every UTF-8 byte as %XX: unlike encodeURIComponent it never throws (a lone surrogate becomes U+FFFD). */
const percentEncode = (text: string): string => Buffer.from(text, 'utf8').toString('hex').replace(/../g, '%$&');

/**
 * Property-based fuzzing of the real HTTP API: hostile documents, variables, headers and bodies.
 * Every answer must be a non-5xx, carry no stack trace, file path or Cypher, and (for JSON
 * answers from /graphql) name the dataset version; the server must answer a cheap query after.
 * 2,000+ cases per run; fast-check prints the seed and the shrunk case of any failure.
 */

interface Attempt {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const LEAKS: Array<[string, RegExp]> = [
  ['stack trace', /\bat [\w$.<>]+ \(|\n\s+at |stacktrace/i],
  ['file path', /\/work\/|node_modules|dist\/server|server\/src|\.[jt]s:\d+/],
  ['Cypher', /MATCH \(|UNWIND |RETURN |OPTIONAL MATCH|Neo4jError|Neo\.ClientError/],
];

const statuses = new Map<number, number>();
let cases = 0;

async function send(a: Attempt): Promise<void> {
  const res = await fetch(`${stackInfo().apiUrl}${a.path}`, { method: a.method, headers: a.headers, body: a.body });
  const text = await res.text();
  cases += 1;
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  const where = `${a.method} ${a.path.slice(0, 200)} ${JSON.stringify(a.headers)} ${(a.body ?? '').slice(0, 300)}\n→ ${res.status} ${text.slice(0, 500)}`;
  if (res.status >= 500) throw new Error(`5xx answer to ${where}`);
  // A message may quote (≤ 40 characters of) the input: what the request itself contains is no leak.
  const sent = `${a.path}${a.body ?? ''}`;
  for (const [what, pattern] of LEAKS) {
    const leaked = [...text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))].find(
      (m) => !sent.includes(m[0]) && !sent.includes(JSON.stringify(m[0]).slice(1, -1)),
    );
    if (leaked) throw new Error(`${what} leaked in ${where}`);
  }
  if ((res.headers.get('content-type') ?? '').includes('json') && a.method !== 'HEAD') {
    const body = JSON.parse(text) as { extensions?: { datasetVersion?: string } };
    if (body?.extensions?.datasetVersion !== stackInfo().datasetVersion) throw new Error(`no datasetVersion in ${where}`);
  }
}

// ---- pieces of hostile GraphQL ------------------------------------------------------------
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('Mo5S2-anion', 'Mo5S2', 'Ta3S*', 'Mo2-5S2', 'Zz', '', ' ', 'null', '\\', '"', '\u0000', '${x}', "' OR 1=1 --", 'MATCH (n) DETACH DELETE n'),
  fc.integer({ min: 1, max: 90_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1, max: 60_000 }).map((n) => `1\n\nMo ${'1'.repeat(n)}x 0 0`),
);
const gqlString = hostileString.map((s) => JSON.stringify(s));
const gqlInt = fc.oneof(fc.integer({ min: -5, max: 120 }), fc.constantFrom('2147483648', '-99999999999999999999', '1.5', '1e9', 'null', '"5"'));
const element = fc.oneof(fc.constantFrom('"Mo"', '"S"', '"Ta"', '"Fe"', '"H"'), gqlString);
const filter = fc
  .record(
    {
      formula: gqlString,
      charges: fc.array(gqlInt, { maxLength: 25 }).map((l) => `[${l.join(', ')}]`),
      ids: fc.array(gqlString, { maxLength: 3 }).map((l) => `[${l.join(', ')}]`),
      size: fc.tuple(gqlInt, gqlInt).map(([a, b]) => `{min: ${a}, max: ${b}}`),
      elements: fc.array(element, { maxLength: 4 }).map((l) => `{anyOf: [${l.join(', ')}]}`),
      elementCounts: fc.tuple(element, gqlInt).map(([e, n]) => `[{element: ${e}, min: ${n}}]`),
      log10K1: fc.constantFrom('{min: -12}', '{min: 1e308}', '{max: -1e400}', '{min: "a"}'),
    },
    { requiredKeys: [] },
  )
  .map(
    (r) =>
      `{${Object.entries(r)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ')}}`,
  );
const motifPattern = fc
  .tuple(
    fc.oneof(
      // At most 4 atoms: a valid disconnected 8-atom pattern would spend the whole 10 s motif budget.
      fc.array(
        element.map((e) => `{element: ${e}}`),
        { maxLength: 4 },
      ),
      fc.constant(Array.from({ length: 9 }, () => '{element: "Mo"}')),
      fc.array(fc.constantFrom('{atomClass: METAL}', '{atomClass: NONMETAL}', '{element: "Mo", atomClass: METAL}'), { maxLength: 3 }),
    ),
    fc.array(
      fc.tuple(gqlInt, gqlInt).map(([a, b]) => `{a: ${a}, b: ${b}}`),
      { maxLength: 13 },
    ),
  )
  .map(([atoms, bonds]) => `{atoms: [${atoms.join(', ')}], bonds: [${bonds.join(', ')}]}`);

const clusterSelection = fc.constantFrom(
  'id',
  'id formula',
  'measurements { log10K1 source { doi } }',
  'structure { atoms { element } bonds { a b } }',
  'composition { element count }',
  'isomers { rank }',
  '__typename',
);
const ofTypes = (n: number): string => (n === 0 ? 'name' : `ofType { ${ofTypes(n - 1)} }`);

const rootField = fc.oneof(
  fc.constant('dataset { version clusterCount }'),
  fc.tuple(gqlInt, filter, clusterSelection).map(([n, f, s]) => `clusters(first: ${n}, filter: ${f}) { totalCount edges { node { ${s} } } }`),
  fc.tuple(gqlString, clusterSelection).map(([id, s]) => `clusters(after: ${id}) { edges { node { ${s} } } }`),
  fc.tuple(gqlString, clusterSelection).map(([id, s]) => `cluster(id: ${id}) { ${s} }`),
  fc.tuple(gqlString, gqlInt).map(([f, q]) => `clusterByFormula(formula: ${f}, charge: ${q}) { id }`),
  filter.map((f) => `facets(filter: ${f}) { total byElement { value count } }`),
  fc.tuple(gqlString, gqlInt).map(([id, k]) => `similar(clusterId: ${id}, k: ${k}) { similarity cluster { id } }`),
  fc
    .tuple(gqlString, fc.constantFrom('WHOLE', 'METAL_CORE', 'NEIGHBORHOOD', 'NOPE'), gqlInt, gqlInt)
    .map(([id, kind, atom, hops]) => `subgraph(clusterId: ${id}, kind: ${kind}, atomIndex: ${atom}, hops: ${hops}) { totalCharge atoms { element } }`),
  // Catalog ids are left out on purpose: a real explain runs thousands of model evaluations.
  fc
    .tuple(
      fc.string({ maxLength: 30 }).map((s) => JSON.stringify(`zz${s}`)),
      fc.constantFrom('ATOM', 'BOND', 'SUBGRAPH', 'X'),
    )
    .map(([id, l]) => `explain(clusterId: ${id}, level: ${l}) { fullLog10K1 }`),
  fc.tuple(gqlString, gqlInt, gqlInt).map(([xyz, q, m]) => `predict(structure: {xyz: ${xyz}, charge: ${q}, multiplicity: ${m}}) { xtbWallTimeMs }`),
  fc
    .tuple(motifPattern, gqlInt, gqlInt)
    .map(([p, n, m]) => `motifSearch(pattern: ${p}, first: ${n}, maxMatchesPerCluster: ${m}) { edges { node { matchCount } } }`),
  fc.constantFrom('__typename', '__schema { types { name } }', '__type(name: "Cluster") { name fields { name } }', 'model { version }'),
  fc.integer({ min: 1, max: 400 }).map((n) => `__type(name: "Cluster") { ${ofTypes(n)} }`),
  fc.integer({ min: 1, max: 5 }).map((n) => `__schema { types { ${'fields { type { '.repeat(n)}name${' } }'.repeat(n)} } }`),
);

const selection = fc.array(
  fc.tuple(
    fc.option(fc.constantFrom('a', 'b', 'c', '_x', 'a1'), { nil: undefined }),
    rootField,
    fc.option(fc.constantFrom('@include(if: true)', '@skip(if: $flag)', '@deprecated', '@include(if: "x")'), { nil: undefined }),
  ),
  { minLength: 1, maxLength: 5 },
);

/** Fragment DAGs of random depth and width, sometimes cyclic or undefined. */
const fragments = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 150 }), fc.boolean(), fc.boolean())
  .map(([levels, width, cyclic, dangling]) => {
    const defs = Array.from({ length: levels }, (_, l) =>
      l === levels - 1
        ? `fragment F${l} on Cluster { id ${cyclic ? '...F0' : ''} ${dangling ? '...Nope' : ''} }`
        : `fragment F${l} on Cluster { ${`...F${l + 1} `.repeat(width)}}`,
    );
    return `{ cluster(id: "Mo5S2-anion") { ...F0 } } ${defs.join(' ')}`;
  });

/** A directive goes between a field's arguments and its selection set. */
const withDirective = (field: string, dir: string | undefined) => {
  if (!dir) return field;
  const brace = field.indexOf(' {');
  return brace < 0 ? `${field} ${dir}` : `${field.slice(0, brace)} ${dir}${field.slice(brace)}`;
};
const wellFormed = fc
  .tuple(fc.constantFrom('', 'query', 'query Q', 'query ($flag: Boolean)', 'mutation', 'subscription S'), selection)
  .map(([head, sel]) => `${head} { ${sel.map(([alias, field, dir]) => `${alias ? `${alias}: ` : ''}${withDirective(field, dir)}`).join(' ')} }`);

/** Corrupts a document: cuts, duplicates or injects characters at random places. */
const mutated = fc
  .tuple(wellFormed, fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '{', '}', '(', ')', '"', '...', '$', '#', '\\', ':', '@', '\u0000')), { maxLength: 4 }))
  .map(([doc, edits]) =>
    edits.reduce((d, [at, s]) => {
      const i = d.length ? at % d.length : 0;
      return d.slice(0, i) + s + d.slice(i + (s === '' ? 1 : 0));
    }, doc),
  );

const document = fc.oneof(
  { weight: 4, arbitrary: wellFormed },
  { weight: 3, arbitrary: mutated },
  { weight: 2, arbitrary: fragments },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 2500 }).map((n) => `{ ${'__typename '.repeat(n)}}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }).map((n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: dataset { version }`).join(' ')} }`) },
);

const jsonish = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  // Deep enough to hurt a recursive walker, shallow enough for this process's JSON.stringify.
  fc.integer({ min: 1, max: 3_000 }).map((n) => JSON.parse('['.repeat(n) + ']'.repeat(n)) as unknown),
  fc.integer({ min: 1, max: 90_000 }).map((n) => 'x'.repeat(n)),
);

const VARIABLE_QUERIES = [
  'query($a: String, $n: Int) { clusters(first: $n, filter: {formula: $a}) { totalCount } }',
  'query($f: ClusterFilter) { facets(filter: $f) { total } }',
  'query($id: ID!, $k: Int) { similar(clusterId: $id, k: $k) { similarity } }',
  'query($s: StructureInput!) { predict(structure: $s) { xtbWallTimeMs } }',
  'query($p: MotifPatternInput!, $n: Int) { motifSearch(pattern: $p, first: $n) { edges { cursor } } }',
  'query($flag: Boolean) { dataset @include(if: $flag) { version } }',
];
const variables = fc.oneof(
  fc.dictionary(fc.constantFrom('a', 'n', 'f', 'id', 'k', 's', 'p', 'flag', 'zz'), jsonish, { maxKeys: 4 }),
  fc.record({
    s: fc.record(
      {
        xyz: hostileString,
        charge: fc.oneof(fc.integer(), fc.double(), fc.string()),
        multiplicity: fc.oneof(fc.integer(), fc.constant(null)),
        optimize: fc.anything(),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({
    f: fc.record(
      { formula: hostileString, ids: fc.array(hostileString, { maxLength: 120 }), charges: fc.array(fc.integer(), { maxLength: 30 }) },
      { requiredKeys: [] },
    ),
  }),
  fc.record({
    p: fc.record({ atoms: fc.array(fc.record({ element: hostileString }), { maxLength: 10 }), bonds: fc.anything() }, { requiredKeys: [] }),
    n: fc.integer(),
  }),
  jsonish,
);

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/graphql-response+json',
  'application/graphql',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; boundary',
  '*/*',
  'garbage',
];
const headers = fc
  .record(
    {
      'content-type': fc.constantFrom(...CONTENT_TYPES),
      'content-encoding': fc.constantFrom('identity', 'gzip', 'deflate', 'br', 'br2', 'gzip, gzip', 'x'),
      accept: fc.constantFrom('application/json', 'application/graphql-response+json', 'text/html', '*/*', 'x/y;q=abc'),
      'apollo-require-preflight': fc.constantFrom('true', ''),
      'x-forwarded-for': fc.constantFrom('1.2.3.4', 'not-an-ip', '::1, 10.0.0.1', ''),
      'x-apollo-operation-name': fc.constantFrom('Q', ''),
    },
    { requiredKeys: [] },
  )
  .map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== '')) as Record<string, string>);

const post = (body: string, h: Record<string, string> = { 'content-type': 'application/json' }): Attempt => ({
  method: 'POST',
  path: '/graphql',
  headers: h,
  body,
});

const attempts: Array<[string, fc.Arbitrary<Attempt>, number]> = [
  [
    'documents',
    fc
      .tuple(document, fc.option(fc.constantFrom('Q', 'S', 'nope'), { nil: undefined }))
      .map(([query, operationName]) => post(JSON.stringify({ query, operationName }))),
    900,
  ],
  ['variables', fc.tuple(fc.constantFrom(...VARIABLE_QUERIES), variables).map(([query, v]) => post(JSON.stringify({ query, variables: v }))), 450],
  [
    'headers',
    fc
      .tuple(headers, fc.constantFrom('{ dataset { version } }', '{ clusters(first: 2) { totalCount } }', 'mutation { x }'))
      .map(([h, query]) => post(JSON.stringify({ query }), h)),
    350,
  ],
  [
    'bodies and methods',
    fc.oneof(
      fc.string({ maxLength: 300 }).map((b) => post(b)),
      fc.jsonValue({ maxDepth: 3 }).map((b) => post(JSON.stringify(b))),
      fc
        .record(
          {
            query: fc.jsonValue({ maxDepth: 2 }),
            variables: fc.jsonValue({ maxDepth: 2 }),
            operationName: fc.jsonValue({ maxDepth: 1 }),
            extensions: fc.jsonValue({ maxDepth: 3 }),
          },
          { requiredKeys: [] },
        )
        .map((b) => post(JSON.stringify(b))),
      fc
        .record({
          sha256Hash: fc.string({ maxLength: 70 }),
          version: fc.oneof(fc.constant(1), fc.integer()),
          query: fc.option(fc.constant('{ dataset { version } }'), { nil: undefined }),
        })
        .map(({ sha256Hash, version, query }) => post(JSON.stringify({ query, extensions: { persistedQuery: { version, sha256Hash } } }))),
      fc.tuple(document, fc.boolean()).map(([q, preflight]): Attempt => ({
        method: 'GET',
        path: `/graphql?query=${percentEncode(q)}&variables=${encodeURIComponent('{"a":1')}`,
        headers: preflight ? { 'apollo-require-preflight': 'true' } : ({} as Record<string, string>),
      })),
      fc.tuple(fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS'), fc.string({ maxLength: 50 })).map(([method, body]): Attempt => ({
        method,
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        body: method === 'OPTIONS' ? undefined : body,
      })),
      fc
        .string({ maxLength: 30 })
        .map((s): Attempt => ({ method: 'GET', path: `/graphql?${percentEncode(s)}=%E0%A4%A&query=%`, headers: { 'apollo-require-preflight': 'true' } })),
    ),
    350,
  ],
];

describe('fuzzing the HTTP API with hostile requests', () => {
  afterAll(() => {
    // One line for the CI log: how many cases and how they were answered.
    console.log(`fuzz: ${cases} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
  });

  it.each(attempts)(
    '%s: no 5xx, no leak, every answer versioned',
    async (_name, arbitrary, numRuns) => {
      await fc.assert(fc.asyncProperty(arbitrary, send), { numRuns });
    },
    180_000,
  );

  it('ran at least 2,000 cases and the server still answers a cheap query', async () => {
    expect(cases).toBeGreaterThanOrEqual(2000);
    const r = await gql('{ dataset { version } clusters(first: 5) { edges { node { id } } } }');
    expect(r.status).toBe(200);
    expect(r.body.data!.clusters.edges).toHaveLength(5);
  });
});
