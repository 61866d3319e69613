import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { ErrorCode } from './errors';

export const MAX_QUERY_COST = 10000;

/** Fields that return lists without a `first`/`k` argument, with their worst-case length. */
const IMPLICIT_LIST_SIZE: Record<string, number> = {
  measurements: 4,
  composition: 6,
  isomers: 3,
  atoms: 50,
  bonds: 120,
  matches: 20,
  components: 10,
  byElement: 118,
  byCharge: 10,
  bySize: 60,
  byMetalFamily: 50,
  byNuclearity: 2,
  neighbors: 20,
  values: 50,
};
const PAGE_ARGUMENTS = ['first', 'k', 'limit'];
const DEFAULT_PAGE = 20;

function argumentNumber(value: ValueNode, variables: Record<string, unknown>): number | undefined {
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : undefined;
  }
  return undefined;
}

/**
 * Worst-case number of resolved fields: a field costs 1, and what it selects is multiplied by
 * the page size it asks for (`first`, `k`) or by the known bound of an implicit list. This is
 * what graphql-armor's cost limit does not do: there, `first: 100` costs the same as `first: 1`.
 */
export function estimateQueryCost(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> = {}): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);

  const visit = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
    if (!set) return 0;
    let cost = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) cost += fieldCost(sel, seen);
      else if (sel.kind === Kind.INLINE_FRAGMENT) cost += visit(sel.selectionSet, seen);
      else {
        const name = sel.name.value;
        if (seen.has(name)) continue; // cyclic fragments are rejected by validation anyway
        cost += visit(fragments.get(name)?.selectionSet, new Set([...seen, name]));
      }
    }
    return cost;
  };
  const fieldCost = (field: FieldNode, seen: Set<string>): number => {
    if (!field.selectionSet) return 1;
    let multiplier = IMPLICIT_LIST_SIZE[field.name.value] ?? 1;
    const pageArg = field.arguments?.find((a) => PAGE_ARGUMENTS.includes(a.name.value));
    if (pageArg) multiplier = argumentNumber(pageArg.value, variables) ?? DEFAULT_PAGE;
    else if (field.name.value === 'clusters' || field.name.value === 'motifSearch') multiplier = DEFAULT_PAGE;
    return 1 + Math.max(1, multiplier) * visit(field.selectionSet, seen);
  };
  return visit(operation.selectionSet, new Set());
}

export function queryTooComplex(cost: number): GraphQLError {
  return new GraphQLError(
    `query cost ${cost} exceeds the limit of ${MAX_QUERY_COST}: lower \`first\` or select fewer nested lists`,
    { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, cost, limit: MAX_QUERY_COST, http: { status: 400 } } },
  );
}
