import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { estimateQueryCost, MAX_EXPENSIVE_FIELDS } from '../server/src/graphql/query-cost';
import { send } from './abuse-client';

/** bench:abuse's attack requests: the catalog structures they use and the documents each attack sends. */

function xyzOf(s: { atoms: Array<{ element: string; xAngstrom: number; yAngstrom: number; zAngstrom: number }> }) {
  return `${s.atoms.length}\nbench\n${s.atoms.map((a) => `${a.element} ${a.xAngstrom} ${a.yAngstrom} ${a.zAngstrom}`).join('\n')}\n`;
}

export interface Fixtures {
  ids: string[];
  shapley: { xyz: string; charge: number; multiplicity: number; atoms: number };
  largest: { xyz: string; charge: number; multiplicity: number; atoms: number };
}

export async function fixtures(url: string): Promise<Fixtures> {
  const structureOf = async (filter: string) => {
    const r = await send(
      url,
      '198.51.100.250',
      {
        query: `{ clusters(filter: {hasStructure: true, ${filter}}, first: 1, orderBy: {field: SIZE, direction: DESC}) { edges { node { id charge structure { multiplicity atoms { element xAngstrom yAngstrom zAngstrom } } } } } }`,
      },
      60_000,
    );
    const node = r.body!.data!.clusters!.edges[0].node;
    return { xyz: xyzOf(node.structure), charge: node.charge, multiplicity: node.structure.multiplicity, atoms: node.structure.atoms.length };
  };
  const all = await send(url, '198.51.100.250', { query: '{ clusters(filter: {hasStructure: true}, first: 100) { edges { node { id } } } }' }, 60_000);
  return {
    ids: all.body!.data!.clusters!.edges.map((e: { node: { id: string } }) => e.node.id),
    // Exact Shapley values go up to 14 atoms: 2^14 coalitions, the most expensive explain.
    shapley: await structureOf('size: {max: 14}'),
    largest: await structureOf('size: {min: 1}'),
  };
}

/**
 * The largest request of a family that the API's own cost analysis accepts: as many aliased
 * expensive fields as allowed (MAX_EXPENSIVE_FIELDS), trying the costlier variants first. An
 * attack the limits refuse outright would measure the refusal, not the work.
 */
export function mostExpensiveAccepted(variants: Array<(aliasCount: number) => { query: string; variables: Record<string, unknown> }>): {
  query: string;
  variables: Record<string, unknown>;
} {
  for (const variant of variants) {
    for (let n = MAX_EXPENSIVE_FIELDS; n >= 1; n--) {
      const request = variant(n);
      const document = parse(request.query);
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      if (estimateQueryCost(document, operation, request.variables).rejected === null) return request;
    }
  }
  throw new Error('no variant of this attack is accepted by the cost limits');
}

/** (i) the most expensive requests the limits accept, one kind per client (3 kinds over 8 clients). */
export function expensiveRequest(kind: number, f: Fixtures): (i: number) => unknown {
  const aliases = (n: number, field: (k: number) => string) => Array.from({ length: n }, (_, k) => `a${k}: ${field(k)}`).join('\n');
  if (kind === 0) {
    const s = { xyz: f.shapley.xyz, charge: f.shapley.charge, multiplicity: f.shapley.multiplicity };
    const req = mostExpensiveAccepted([
      (n) => ({ query: `query($s: StructureInput!) { ${aliases(n, () => 'explain(structure: $s, level: SUBGRAPH) { fullLog10K1 }')} }`, variables: { s } }),
    ]);
    return () => req;
  }
  if (kind === 1) {
    const predict = (optimize: boolean) => (n: number) => ({
      query: `query($s: StructureInput!) { ${aliases(n, () => 'predict(structure: $s) { xtbWallTimeMs }')} }`,
      variables: { s: { xyz: f.largest.xyz, charge: f.largest.charge, multiplicity: f.largest.multiplicity, optimize } },
    });
    const req = mostExpensiveAccepted([predict(true), predict(false)]);
    return () => req;
  }
  // An 8-atom ring of any atoms with 8 bonds plus 4 chords (12 bonds), in variables (the token
  // limit would refuse them inline); minOrder varies so each pattern is new to the cache.
  const pattern = (i: number, k: number) => ({
    atoms: Array.from({ length: 8 }, () => ({ atomClass: 'ANY' })),
    bonds: [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
      [5, 6],
      [6, 7],
      [7, 0],
      [0, 4],
      [1, 5],
      [2, 6],
      [3, 7],
    ].map(([a, b], j) => ({ a, b, ...(j === 0 ? { minOrder: ((i * 15 + k) % 997) / 100000 } : {}) })),
  });
  const motif = (i: number) => (n: number) => ({
    query: `query(${Array.from({ length: n }, (_, k) => `$p${k}: MotifPatternInput!`).join(', ')}) { ${aliases(n, (k) => `motifSearch(pattern: $p${k}, first: 100) { edges { node { cluster { id } matchCount } } }`)} }`,
    variables: Object.fromEntries(Array.from({ length: n }, (_, k) => [`p${k}`, pattern(i, k)])),
  });
  // The accepted alias count does not depend on minOrder; find it once.
  const accepted = mostExpensiveAccepted([motif(0)]);
  const n = Object.keys(accepted.variables).length;
  return (i) => motif(i)(n);
}

/** (ii) maximum-size documents: nested fragment spreads at the token limit, and a 100 kB XYZ. */
export function hugeDocument(kind: number): (i: number) => unknown {
  if (kind === 0) {
    // 5 levels × 190 spreads fits the depth (15) and token (2000) limits in about 6 kB.
    const levels = 5;
    const spreads = 190;
    const defs = Array.from({ length: levels }, (_, l) =>
      l === levels - 1
        ? `fragment F${l} on Query { model { version } }`
        : `fragment F${l} on Query { ${Array.from({ length: spreads }, () => `...F${l + 1}`).join(' ')} }`,
    );
    const query = `{ ...F0 }\n${defs.join('\n')}`;
    return () => ({ query });
  }
  // An XYZ document as large as the body limit allows (100 kB), its last coordinate a long digit run.
  const head = '3\nbench\nMo 0 0 0\nMo 0 0 2.2\nS 1.2 0 ';
  const digits = '1'.repeat(100 * 1024 - 600);
  const xyz = `${head}${digits}x\n`;
  return () => ({ query: 'query($s: StructureInput!) { predict(structure: $s) { xtbWallTimeMs } }', variables: { s: { xyz, charge: -1, multiplicity: 2 } } });
}
