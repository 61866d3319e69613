import { validateMotifPattern, type AtomClass } from '../server/src/chem/motif-pattern';
import { clusterSearchQuery } from '../server/src/db/cluster-query';
import type { CypherQuery } from '../server/src/db/cypher';
import { motifCountQuery, motifPageQuery } from '../server/src/db/motif-query';
import { parseClusterFilter } from '../server/src/graphql/cluster-filter.parse';

/**
 * The queries bench:graph times, each as the GraphQL request a client sends and the raw Cypher
 * the API runs for it (built by the same pure functions with the same arguments), plus a check
 * that the response is a real answer.
 */

export interface GraphqlRequest {
  query: string;
  variables: Record<string, unknown>;
}

export interface WorkloadItem {
  label: string;
  graphql: GraphqlRequest;
  raw: CypherQuery;
  /** Ids of the first page from a GraphQL response body (throws when the body holds errors or no data). */
  graphqlIds(body: GraphqlBody): string[];
  rawIds(rows: Record<string, unknown>[]): string[];
}

export interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

const PAGE = 20;

export const COMPOSITION_FORMULAS = ['Mo2-5S*', 'Ta3-8C*', 'Fe?C2-4'] as const;

const CLUSTERS_QUERY = `query ($formula: String!, $first: Int!) {
  clusters(filter: {formula: $formula}, orderBy: {field: LOG10K1, direction: DESC}, first: $first) {
    totalCount
    edges { node { id formula charge log10K1 } }
  }
}`;

function dataOf(body: GraphqlBody, field: string): Record<string, unknown> {
  if (body.errors?.length) throw new Error(`GraphQL errors: ${body.errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; ')}`);
  const value = body.data?.[field] as Record<string, unknown> | undefined;
  if (!value) throw new Error(`GraphQL response has no data.${field}`);
  return value;
}

export function compositionSearch(formula: string): WorkloadItem {
  const criteria = parseClusterFilter({ formula });
  return {
    label: formula,
    graphql: { query: CLUSTERS_QUERY, variables: { formula, first: PAGE } },
    raw: clusterSearchQuery(criteria, { field: 'LOG10K1', direction: 'DESC' }, { offset: 0, limit: PAGE }),
    graphqlIds: (body) => (dataOf(body, 'clusters').edges as Array<{ node: { id: string } }>).map((e) => e.node.id),
    rawIds: (rows) => (rows[0].nodes as Array<{ id: string }>).map((n) => n.id),
  };
}

/** Total matches, for checking that both arms agree. */
export const compositionTotal = {
  graphql: (body: GraphqlBody) => dataOf(body, 'clusters').totalCount as number,
  raw: (rows: Record<string, unknown>[]) => rows[0].total as number,
};

type PatternInput = { atoms: Array<{ atomClass: AtomClass }>; bonds: Array<{ a: number; b: number }> };
const M = { atomClass: 'METAL' as const };
const X = { atomClass: 'NONMETAL' as const };

export const MOTIFS: Record<string, PatternInput> = {
  'M–M bond': { atoms: [M, M], bonds: [{ a: 0, b: 1 }] },
  'M3 triangle': {
    atoms: [M, M, M],
    bonds: [
      { a: 0, b: 1 },
      { a: 1, b: 2 },
      { a: 0, b: 2 },
    ],
  },
  'M–X–M bridge': {
    atoms: [M, X, M],
    bonds: [
      { a: 0, b: 1 },
      { a: 1, b: 2 },
    ],
  },
};

// The resolver's default maxMatchesPerCluster, and one extra row to learn whether a next page exists.
const MAX_MATCHES = 50;

const MOTIF_PAGE_QUERY = `query ($pattern: MotifPatternInput!, $first: Int!) {
  motifSearch(pattern: $pattern, first: $first) {
    edges { node { cluster { id formula } matchCount matches } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const MOTIF_COUNT_QUERY = `query ($pattern: MotifPatternInput!) {
  motifSearch(pattern: $pattern, first: 1) { totalCount }
}`;

export function motifFirstPage(name: string): WorkloadItem {
  const input = MOTIFS[name];
  return {
    label: name,
    graphql: { query: MOTIF_PAGE_QUERY, variables: { pattern: input, first: PAGE } },
    raw: motifPageQuery(validateMotifPattern(input), {}, { offset: 0, limit: PAGE + 1, maxMatchesPerCluster: MAX_MATCHES }),
    graphqlIds: (body) => (dataOf(body, 'motifSearch').edges as Array<{ node: { cluster: { id: string } } }>).map((e) => e.node.cluster.id),
    rawIds: (rows) => rows.slice(0, PAGE).map((r) => (r.cluster as { id: string }).id),
  };
}

/** The count a client gets by asking for totalCount (GraphQL runs a one-row page, then the count). */
export function motifCount(name: string): WorkloadItem & { graphqlTotal(body: GraphqlBody): number; rawTotal(rows: Record<string, unknown>[]): number } {
  const input = MOTIFS[name];
  return {
    label: name,
    graphql: { query: MOTIF_COUNT_QUERY, variables: { pattern: input } },
    raw: motifCountQuery(validateMotifPattern(input), {}),
    graphqlIds: () => [],
    rawIds: () => [],
    graphqlTotal: (body) => dataOf(body, 'motifSearch').totalCount as number,
    rawTotal: (rows) => rows[0].total as number,
  };
}
