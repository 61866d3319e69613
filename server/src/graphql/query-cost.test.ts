import { parse, type OperationDefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config';
import { MAX_EXACT_PLAYERS } from '../ml/shapley';
import {
  declaredAtomCount,
  estimateQueryCost,
  MAX_EXPENSIVE_FIELDS,
  MAX_QUERY_COST,
  MAX_WORK_POINTS,
  WORK_ESTIMATES,
  WORK_MS_PER_POINT,
  type CostOptions,
} from './query-cost';
import { MAX_PAGE_SIZE } from './pagination';

const report = (query: string, variables: Record<string, unknown> = {}, options: CostOptions = {}) => {
  const doc = parse(query);
  return estimateQueryCost(doc, doc.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode, variables, options);
};
const cost = (query: string, variables: Record<string, unknown> = {}) => report(query, variables).cost;

/** Levels × spreads fragment DAG: F0 spreads F1 `width` times, ..., the last selects a list. */
function fragmentBomb(levels: number, width: number): string {
  const defs: string[] = [];
  for (let l = 0; l < levels; l++) {
    const body =
      l === levels - 1 ? 'id formula measurements { id }' : Array.from({ length: width }, (_, i) => `a${i}: cluster(id: "x") { ...F${l + 1} }`).join(' ');
    defs.push(`fragment F${l} on Cluster { ${body} }`);
  }
  return `{ cluster(id: "x") { ...F0 } } ${defs.join(' ')}`;
}

/** The same DAG with plain spreads (no aliases), which graphql merges but a naive walk expands. */
function spreadBomb(levels: number, width: number): string {
  const defs: string[] = [];
  for (let l = 0; l < levels; l++) {
    const body = l === levels - 1 ? 'id' : Array.from({ length: width }, () => `...F${l + 1}`).join(' ');
    defs.push(`fragment F${l} on Cluster { ${body} }`);
  }
  return `{ cluster(id: "x") { ...F0 } } ${defs.join(' ')}`;
}

describe('estimateQueryCost', () => {
  it('multiplies nested selections by the page size asked for', () => {
    // clusters(1) + first × (edges(1) + node(1) + id(1)) = 1 + 10 × 3
    expect(cost('{ clusters(first: 10) { edges { node { id } } } }')).toBe(31);
    expect(cost('query($n: Int) { clusters(first: $n) { edges { node { id } } } }', { n: 100 })).toBe(301);
  });

  it('takes a variable default when the variable is not sent', () => {
    expect(cost('query($n: Int = 7) { clusters(first: $n) { edges { node { id } } } }')).toBe(1 + 7 * 3);
  });

  it('counts implicit lists by their bound and follows fragments', () => {
    const withFragment = cost('{ cluster(id: "x") { ...F } } fragment F on Cluster { measurements { id } }');
    // cluster(1) + 1 × (measurements(1) + 4 × id(1))
    expect(withFragment).toBe(1 + 1 + 4);
  });

  it('charges a fragment at every place it is spread, though it walks it once', () => {
    const walks: string[] = [];
    const r = report(
      '{ a: cluster(id: "x") { ...F } b: cluster(id: "y") { ...F } } fragment F on Cluster { measurements { id } }',
      {},
      { onFragmentWalk: (n) => walks.push(n) },
    );
    expect(r.cost).toBe(2 * (1 + 1 + 4));
    expect(walks).toEqual(['F']);
  });

  it('uses the default page size when `first` is omitted', () => {
    expect(cost('{ clusters { edges { node { id } } } }')).toBe(1 + 20 * 3);
  });

  it('rejects a fragment bomb after walking each fragment once', () => {
    // 5 levels × 190 aliased spreads: about 6 kB, ~1.3·10⁹ fields if expanded.
    const doc = fragmentBomb(5, 190);
    const walks = new Map<string, number>();
    const r = report(doc, {}, { onFragmentWalk: (n) => walks.set(n, (walks.get(n) ?? 0) + 1) });
    expect(r.rejected).toBe('COST');
    expect(r.cost).toBeGreaterThan(MAX_QUERY_COST);
    for (const count of walks.values()) expect(count).toBe(1);
    expect(walks.size).toBeLessThanOrEqual(5);
  });

  it('walks each fragment once in a spread DAG that stays under the limit', () => {
    // 12 levels × 2 spreads: 4,096 paths to the last fragment; 12 fragment walks.
    const walks = new Map<string, number>();
    const r = report(spreadBomb(12, 2), {}, { onFragmentWalk: (n) => walks.set(n, (walks.get(n) ?? 0) + 1) });
    expect(r.rejected).toBeNull();
    expect(r.cost).toBe(1 + 2 ** 11);
    expect([...walks.values()]).toEqual(new Array(12).fill(1));
  });

  it('stops at the first place the limit is passed', () => {
    const walks: string[] = [];
    // F1 alone passes the limit, so F2…F5 (spread after it) are never walked.
    const doc = `{ cluster(id: "x") { ...F1 ...F2 ...F3 } }
      fragment F1 on Cluster { c: isomers { atoms { bonds { a } } } x: isomers { atoms { bonds { a } } } }
      fragment F2 on Cluster { ...F4 } fragment F3 on Cluster { ...F5 } fragment F4 on Cluster { id } fragment F5 on Cluster { id }`;
    const r = report(doc, {}, { maxCost: 1000, onFragmentWalk: (n) => walks.push(n) });
    expect(r.rejected).toBe('COST');
    expect(walks).toEqual(['F1']);
  });

  describe('expensive fields', () => {
    const xyz = (n: number) => `${n}\n\n${Array.from({ length: n }, (_, i) => `Mo ${i * 2.5} 0 0`).join('\n')}\n`;

    it('weights predict by the xtb work of the declared atoms, optimisation costing more', () => {
      const q = 'query($s: StructureInput!) { predict(structure: $s) { xtbWallTimeMs } }';
      const small = cost(q, { s: { xyz: xyz(5), charge: -1, multiplicity: 2, optimize: false } });
      const large = cost(q, { s: { xyz: xyz(30), charge: -1, multiplicity: 2, optimize: false } });
      const optimised = cost(q, { s: { xyz: xyz(30), charge: -1, multiplicity: 2, optimize: true } });
      expect(small).toBeLessThan(large);
      expect(large).toBeLessThan(optimised);
      expect(large).toBe(1 + Math.ceil((WORK_ESTIMATES.xtbMs(30, false) + 2 * WORK_ESTIMATES.modelEvaluationMs) / WORK_MS_PER_POINT) + 1);
    });

    it('fits one 50-atom optimisation in the work budget, not two', () => {
      const s = { xyz: xyz(50), charge: 0, multiplicity: 1, optimize: true };
      const one = report('query($s: StructureInput!) { predict(structure: $s) { xtbWallTimeMs } }', { s });
      expect(one.rejected).toBeNull();
      expect(one.workPoints).toBeLessThanOrEqual(MAX_WORK_POINTS);
      const two = report('query($s: StructureInput!) { a: predict(structure: $s) { xtbWallTimeMs } b: predict(structure: $s) { xtbWallTimeMs } }', { s });
      expect(two.rejected).toBe('WORK');
      expect(two.fieldCost).toBeLessThan(MAX_QUERY_COST);
    });

    it('reads the atom count of an inline structure literal too', () => {
      const q = (n: number) => `{ predict(structure: {xyz: ${JSON.stringify(xyz(n))}, charge: 0, multiplicity: 1}) { xtbWallTimeMs } }`;
      expect(cost(q(4))).toBeLessThan(cost(q(40)));
    });

    it('weights explain by 2^atoms up to the exact-Shapley limit and by sampled permutations above', () => {
      const q = 'query($s: StructureInput!) { explain(structure: $s, level: ATOM) { fullLog10K1 } }';
      const at = (n: number) => report(q, { s: { xyz: xyz(n), charge: 0, multiplicity: 1 } }, { maxCost: Infinity, maxWork: Infinity }).cost;
      const evaluations = (n: number) => (at(n) - 2 - Math.ceil(WORK_ESTIMATES.xtbMs(n, false) / WORK_MS_PER_POINT)) * WORK_MS_PER_POINT;
      // 2^14 coalitions at the exact limit, against 2 + 128 × 14 permutation prefixes at 15 atoms.
      expect(WORK_ESTIMATES.shapleyEvaluations(MAX_EXACT_PLAYERS)).toBe(2 ** MAX_EXACT_PLAYERS);
      expect(WORK_ESTIMATES.shapleyEvaluations(MAX_EXACT_PLAYERS + 1)).toBe(2 + 128 * MAX_EXACT_PLAYERS);
      expect(evaluations(MAX_EXACT_PLAYERS)).toBeGreaterThan(evaluations(MAX_EXACT_PLAYERS - 1));
      expect(evaluations(MAX_EXACT_PLAYERS)).toBeGreaterThanOrEqual(2 ** MAX_EXACT_PLAYERS * WORK_ESTIMATES.modelEvaluationMs - WORK_MS_PER_POINT);
    });

    it('charges explain(clusterId:) for the largest catalog cluster it could be', () => {
      const q = '{ explain(clusterId: "Mo5S2-anion", level: ATOM) { fullLog10K1 } }';
      expect(report(q, {}, { catalogMaxAtoms: 8 }).cost).toBeLessThan(report(q, {}, { catalogMaxAtoms: 14 }).cost);
    });

    it('weights motifSearch by pattern size and similar by k', () => {
      const motif = (n: number) => cost(`{ motifSearch(pattern: {atoms: [${'{atomClass: METAL} '.repeat(n)}]}, first: 1) { edges { cursor } } }`);
      expect(motif(8)).toBeGreaterThan(motif(3));
      expect(cost('{ similar(clusterId: "x", k: 50) { similarity } }')).toBeGreaterThan(cost('{ similar(clusterId: "x", k: 2) { similarity } }'));
    });

    it(`allows ${MAX_EXPENSIVE_FIELDS} expensive fields per operation, not one more`, () => {
      const similar = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `s${i}: similar(clusterId: "Mo5S2-anion", k: 1) { similarity }`).join(' ')} }`;
      expect(report(similar(MAX_EXPENSIVE_FIELDS)).rejected).toBeNull();
      expect(report(similar(MAX_EXPENSIVE_FIELDS + 1)).rejected).toBe('EXPENSIVE_FIELDS');
    });

    it('counts expensive fields inside fragments on Query at every spread', () => {
      const doc = '{ ...Q ... on Query { ...Q } } fragment Q on Query { a: similar(clusterId: "x") { similarity } b: similar(clusterId: "y") { similarity } }';
      expect(report(doc).rejected).toBe('EXPENSIVE_FIELDS');
    });

    it('does not treat a nested field named like a root field as expensive', () => {
      expect(report('{ clusters(first: 1) { edges { node { id } } } }').expensiveFields).toBe(0);
    });
  });
});

describe('declaredAtomCount', () => {
  it('reads the first line', () => {
    expect(declaredAtomCount('3\n\nMo 0 0 0')).toBe(3);
    expect(declaredAtomCount('  12  \ncomment')).toBe(12);
    expect(declaredAtomCount('\uFEFF7\n')).toBe(7);
  });
  it('gives up on anything else without reading far', () => {
    expect(declaredAtomCount('Mo 0 0 0')).toBeNull();
    expect(declaredAtomCount(42)).toBeNull();
    expect(declaredAtomCount(' '.repeat(100_000) + '3')).toBeNull();
    expect(declaredAtomCount('9'.repeat(100_000))).toBe(999999);
  });
});

describe("the website's own queries", () => {
  // The generated documents, read as text: the site must never be refused by the limits it is served under.
  const generated = readFileSync(path.join(REPO_ROOT, 'web', 'lib', 'api', 'generated', 'graphql.ts'), 'utf8');
  const documents = [...generated.matchAll(/export const (\w+)Document = new TypedDocumentString\(`([\s\S]*?)`/g)].map((m) => [m[1], m[2]] as const);
  const largestStructure = {
    xyz: `50\n\n${Array.from({ length: 50 }, (_, i) => `Mo ${i * 2.6} 0 0`).join('\n')}\n`,
    charge: -1,
    multiplicity: 2,
    optimize: true,
  };
  // The largest variables each page sends: search pages of 25, motif pages of 10 with the largest pattern, a 50-atom optimisation.
  const variables = {
    first: 25,
    id: 'Mo5S2-anion',
    ids: ['a', 'b', 'c', 'd'],
    structure: largestStructure,
    pattern: { atoms: Array.from({ length: 8 }, () => ({ atomClass: 'METAL' })) },
  };

  it('finds them', () => expect(documents.length).toBeGreaterThan(10));

  it.each(documents)('%s fits the cost limit and the expensive-field cap', (name, text) => {
    // Motif pages hold 10; compare asks for as many as it shows; trends and series pages ask for the largest page.
    const first =
      name === 'MotifSearch'
        ? 10
        : name === 'ComparePage'
          ? variables.ids.length
          : name === 'TrendsPage' || name === 'Series'
            ? MAX_PAGE_SIZE
            : variables.first;
    const r = report(text, { ...variables, first });
    expect(r.rejected).toBeNull();
  });
});
