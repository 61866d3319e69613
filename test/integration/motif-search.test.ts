import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMetal } from '../../server/src/chem/elements';
import type { StructureFile } from '../../server/src/load/seed-file';
import { bruteForceMatches, type BfPattern } from '../helpers/brute-force-matcher';
import { gql, type GraphQLResponse } from '../helpers/graphql';

const STRUCTURES_DIR = path.join(__dirname, '..', '..', 'seed', 'structures', 'data');
const structures: StructureFile[] = readdirSync(STRUCTURES_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(path.join(STRUCTURES_DIR, f), 'utf8')) as StructureFile);

const M = { atomClass: 'METAL' as const };
const X = { atomClass: 'NONMETAL' as const };
const ANY = { atomClass: 'ANY' as const };
const chain = (n: number) => Array.from({ length: n - 1 }, (_, i) => ({ a: i, b: i + 1 }));

// 1–6 atoms, elements and classes mixed, trees and rings, with and without bond-order minima.
const PATTERNS: Array<[string, BfPattern]> = [
  ['single Mo', { atoms: [{ element: 'Mo' }], bonds: [] }],
  ['single metal', { atoms: [M], bonds: [] }],
  ['M–M', { atoms: [M, M], bonds: chain(2) }],
  ['M–X', { atoms: [M, X], bonds: chain(2) }],
  ['Ta–S', { atoms: [{ element: 'Ta' }, { element: 'S' }], bonds: chain(2) }],
  ['Co–Rh', { atoms: [{ element: 'Co' }, { element: 'Rh' }], bonds: chain(2) }],
  ['M–M order ≥ 0.5', { atoms: [M, M], bonds: [{ a: 0, b: 1, minOrder: 0.5 }] }],
  ['M–X order ≥ 0.8', { atoms: [M, X], bonds: [{ a: 0, b: 1, minOrder: 0.8 }] }],
  ['M3 triangle', { atoms: [M, M, M], bonds: [...chain(3), { a: 0, b: 2 }] }],
  ['M–X–M bridge', { atoms: [M, X, M], bonds: chain(3) }],
  ['X–M–X', { atoms: [X, M, X], bonds: chain(3) }],
  ['Fe–C–Fe', { atoms: [{ element: 'Fe' }, { element: 'C' }, { element: 'Fe' }], bonds: chain(3) }],
  ['C–C', { atoms: [{ element: 'C' }, { element: 'C' }], bonds: chain(2) }],
  ['H on metal', { atoms: [M, { element: 'H' }], bonds: chain(2) }],
  ['two unbonded S', { atoms: [{ element: 'S' }, { element: 'S' }], bonds: [] }],
  ['M4 path', { atoms: [M, M, M, M], bonds: chain(4) }],
  [
    'M4 star',
    {
      atoms: [M, M, M, M],
      bonds: [
        { a: 0, b: 1 },
        { a: 0, b: 2 },
        { a: 0, b: 3 },
      ],
    },
  ],
  ['M3X capped triangle', { atoms: [M, M, M, X], bonds: [...chain(3), { a: 0, b: 2 }, { a: 3, b: 0 }, { a: 3, b: 1 }, { a: 3, b: 2 }] }],
  [
    'M4 tetrahedron',
    {
      atoms: [M, M, M, M],
      bonds: [
        { a: 0, b: 1 },
        { a: 0, b: 2 },
        { a: 0, b: 3 },
        { a: 1, b: 2 },
        { a: 1, b: 3 },
        { a: 2, b: 3 },
      ],
    },
  ],
  ['M2X2 ring', { atoms: [M, X, M, X], bonds: [...chain(4), { a: 3, b: 0 }] }],
  ['V–N–V', { atoms: [{ element: 'V' }, { element: 'N' }, { element: 'V' }], bonds: chain(3) }],
  ['any–any–any chain', { atoms: [ANY, ANY, ANY], bonds: chain(3) }],
  ['M5 path', { atoms: [M, M, M, M, M], bonds: chain(5) }],
  ['M–X with Mo and any', { atoms: [{ element: 'Mo' }, ANY, X], bonds: chain(3) }],
  ['M6 path with order', { atoms: [M, M, M, M, M, M], bonds: chain(6).map((b) => ({ ...b, minOrder: 0.2 })) }],
  ['disconnected M–M + X', { atoms: [M, M, X], bonds: chain(2) }],
];

interface Hit {
  matchCount: number;
  matches: number[][];
  distinctMatchCount: number;
  distinctMatches: number[][];
}

/** Brute-force occurrences: mappings grouped by (atom set, image bond set); the smallest mapping of each, sorted. */
function occurrences(matches: number[][], pattern: BfPattern): number[][] {
  const first = new Map<string, number[]>();
  for (const m of matches) {
    const atoms = [...m].sort((x, y) => x - y).join(',');
    const edges = pattern.bonds
      .map((b) => [m[b.a], m[b.b]].sort((x, y) => x - y).join('-'))
      .sort()
      .join(',');
    const key = `${atoms}|${edges}`;
    const seen = first.get(key);
    if (!seen || lexLess(m, seen)) first.set(key, m);
  }
  return [...first.values()].sort((a, b) => (lexLess(a, b) ? -1 : lexLess(b, a) ? 1 : 0));
}
function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i];
  return a.length < b.length;
}

async function cypherMatches(pattern: BfPattern): Promise<Map<string, Hit>> {
  const found = new Map<string, Hit>();
  let after: string | null = null;
  for (;;) {
    const r: GraphQLResponse = await gql(
      `query($pattern: MotifPatternInput!, $after: String) {
        motifSearch(pattern: $pattern, first: 100, after: $after, maxMatchesPerCluster: 1000) {
          edges { node { cluster { id } matchCount matches distinctMatchCount distinctMatches } } pageInfo { hasNextPage endCursor } } }`,
      { pattern, after },
    );
    expect(r.body.errors).toBeUndefined();
    for (const e of r.body.data!.motifSearch.edges) found.set(e.node.cluster.id, e.node);
    if (!r.body.data!.motifSearch.pageInfo.hasNextPage) return found;
    after = r.body.data!.motifSearch.pageInfo.endCursor;
  }
}

describe('motif search equals an independent brute-force matcher on every stored structure', () => {
  it('has structures to check', () => {
    expect(structures.length).toBeGreaterThan(0);
    expect(PATTERNS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(PATTERNS)('%s', async (_name, pattern) => {
    const expected = new Map<string, number[][]>();
    for (const s of structures) {
      const lowest = s.isomers[0];
      const atoms = lowest.atoms.map((a) => ({ element: a.element, isMetal: isMetal(a.element) }));
      const bonds = lowest.bonds.map((b) => ({ a: b.a, b: b.b, order: b.wibergOrder }));
      const m = bruteForceMatches(atoms, bonds, pattern);
      if (m.length) expected.set(s.clusterId, m);
    }
    const got = await cypherMatches(pattern);
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [id, matches] of expected) {
      expect(got.get(id)!.matchCount).toBe(matches.length);
      if (matches.length <= 1000) expect(got.get(id)!.matches).toEqual(matches);
      const distinct = occurrences(matches, pattern);
      expect(got.get(id)!.distinctMatchCount).toBe(distinct.length);
      if (distinct.length <= 1000) expect(got.get(id)!.distinctMatches).toEqual(distinct);
    }
  });

  it('counts M–S–M on Fe3S⁻ as a chemist does: 3 bridges, 6 mappings', async () => {
    const got = await cypherMatches({ atoms: [M, { element: 'S' }, M], bonds: chain(2 + 1) });
    const fe3s = got.get('Fe3S-anion')!;
    expect(fe3s.matchCount).toBe(6);
    expect(fe3s.distinctMatchCount).toBe(3);
    // Each distinct bridge is one unordered pair of Fe atoms around the S.
    const pairs = fe3s.distinctMatches.map((m) => [m[0], m[2]].sort().join('-'));
    expect(new Set(pairs).size).toBe(3);
  });
});

describe('motif search input and limits', () => {
  it('combines with catalog filters and reports totalCount on request', async () => {
    const pattern = { atoms: [M, M], bonds: chain(2) };
    const all = await cypherMatches(pattern);
    const r: GraphQLResponse = await gql(
      `query($p: MotifPatternInput!) { motifSearch(pattern: $p, filter: {charges: [0]}, first: 100) { totalCount edges { node { cluster { id charge } } } } }`,
      { p: pattern },
    );
    const neutral = r.body.data!.motifSearch.edges.map((e: { node: { cluster: { id: string; charge: number } } }) => e.node.cluster);
    expect(neutral.every((c: { charge: number }) => c.charge === 0)).toBe(true);
    expect(r.body.data!.motifSearch.totalCount).toBe(neutral.length);
    expect(neutral.length).toBe([...all.keys()].filter((id) => id.endsWith('-neutral')).length);
  });

  const bad: Array<[string, unknown, string, RegExp]> = [
    ['unknown element', { atoms: [{ element: 'Qq' }] }, 'pattern.atoms[0].element', /unknown element "Qq"/],
    ['too many atoms', { atoms: Array(9).fill(M) }, 'pattern.atoms', /at most 8 atoms/],
    ['bond to a missing atom', { atoms: [M, M], bonds: [{ a: 0, b: 2 }] }, 'pattern.bonds[0].b', /atom index from 0 to 1/],
    ['self bond', { atoms: [M], bonds: [{ a: 0, b: 0 }] }, 'pattern.bonds[0]', /two different atoms/],
    ['negative order', { atoms: [M, M], bonds: [{ a: 0, b: 1, minOrder: -1 }] }, 'pattern.bonds[0].minOrder', /between 0 and 4/],
    ['empty', { atoms: [] }, 'pattern.atoms', /at least one atom/],
  ];
  it.each(bad)('rejects %s with BAD_USER_INPUT naming the input', async (_n, pattern, argument, message) => {
    const r: GraphQLResponse = await gql('query($p: MotifPatternInput!) { motifSearch(pattern: $p) { edges { cursor } } }', { p: pattern });
    expect(r.status).toBe(400);
    expect(r.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(r.body.errors![0].extensions!.argument).toBe(argument);
    expect(r.body.errors![0].message).toMatch(message);
  });
});
