import {
  GraphQLError,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { MAX_EXACT_PLAYERS } from '../ml/shapley';
import { MOTIF_LIMITS } from '../chem/motif-pattern';
import { PREDICT_LIMITS } from '../services/prediction.service';
import { ErrorCode } from './errors';

/**
 * Cost analysis done before execution, in time linear in the document.
 *
 * Why not a library: graphql-query-complexity (2.0) has field estimators but re-expands every
 * fragment spread (a fragment DAG of 5 levels × 190 spreads is ~10¹¹ visits; its only guard is
 * a node budget), and graphql-armor's cost limit memoises fragments but knows no field weights
 * and no variables (only a literal `first`). Neither can count expensive fields per operation.
 *
 * Two budgets, because a big page and a long computation are different burdens:
 * - field cost: a resolved field costs 1, and what it selects is multiplied by the page size it
 *   asks for (`first`, `k`) or by the known bound of an implicit list (MAX_QUERY_COST);
 * - work: the four expensive root fields' estimated compute, WORK_MS_PER_POINT milliseconds of
 *   one core per point (MAX_WORK_POINTS), and at most MAX_EXPENSIVE_FIELDS of them.
 * Their sum is the operation's cost for anything that budgets clients.
 */
export const MAX_QUERY_COST = 10000;
/** 80 s of one core: one 50-atom xtb optimisation (capped at its 60 s timeout) fits, two do not. */
export const MAX_WORK_POINTS = 8000;
/** explain, predict, motifSearch and similar together, per operation. */
export const MAX_EXPENSIVE_FIELDS = 3;
export const WORK_MS_PER_POINT = 10;

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
  bySize: 60, // keyed by GraphQL field name: CatalogFacets.bySize (byAtomCount inside)
  byMetalFamily: 50,
  byNuclearity: 2,
  neighbors: 20,
  values: 50,
  nearest: 5,
  subgraphs: 10,
  heldOutPredictions: 3,
};
const PAGE_ARGUMENTS = ['first', 'k', 'limit'];
const DEFAULT_PAGE = 20;

/**
 * Work estimates (milliseconds of one core), upper bounds rather than means. GFN2-xTB single
 * points grow about quadratically in the atom count at these sizes (issue 9 measured ≈ 2–4 s for
 * 27 atoms); an optimisation is some tens of single points, and xtb is killed at its timeout.
 */
export const WORK_ESTIMATES = {
  xtbMs(atoms: number, optimize: boolean): number {
    const singlePoint = 6 * atoms * atoms;
    return Math.min(PREDICT_LIMITS.xtbTimeoutMs, optimize ? 20 * singlePoint : singlePoint);
  },
  /** One coalition (or occluded graph) through the ensemble, batched. */
  modelEvaluationMs: 0.1,
  /** Exact Shapley enumerates 2ⁿ coalitions up to MAX_EXACT_PLAYERS atoms; above, antithetic permutations. */
  shapleyEvaluations(atoms: number, permutationPairs = 64): number {
    return atoms <= MAX_EXACT_PLAYERS ? 2 ** atoms : 2 + 2 * permutationPairs * (atoms - 1);
  },
  /** Neo4j subgraph matching grows about geometrically with the pattern; an 8-atom motif took ≈ 10 s. */
  motifMs(patternAtoms: number): number {
    return 40 * 2 ** patternAtoms;
  },
};

export type CostRejection = 'COST' | 'WORK' | 'EXPENSIVE_FIELDS';

/** Figures are lower bounds when `rejected`: the walk stops once a limit is passed. */
export interface CostReport {
  /** fieldCost + workPoints. */
  cost: number;
  fieldCost: number;
  workPoints: number;
  expensiveFields: number;
  rejected: CostRejection | null;
}

export interface CostOptions {
  maxCost?: number;
  maxWork?: number;
  maxExpensiveFields?: number;
  /** Largest catalog cluster, for `explain(clusterId:)`; default: the worst case over all sizes. */
  catalogMaxAtoms?: number;
  /** Called each time a fragment definition's selections are walked (tests count these). */
  onFragmentWalk?: (name: string) => void;
}

interface Summary {
  cost: number;
  work: number;
  expensive: number;
}

class LimitPassed extends Error {
  constructor(
    readonly rejected: CostRejection,
    readonly partial: Summary,
  ) {
    super(rejected);
  }
}

/** The atom count an XYZ text declares on its first line, read from at most a few characters. */
export function declaredAtomCount(xyz: unknown): number | null {
  if (typeof xyz !== 'string') return null;
  let i = xyz.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < xyz.length && i < 16 && (xyz[i] === ' ' || xyz[i] === '\t')) i++;
  const start = i;
  while (i < xyz.length && i - start < 6 && xyz[i] >= '0' && xyz[i] <= '9') i++;
  return i > start ? Number(xyz.slice(start, i)) : null;
}

function worstOver(maxAtoms: number, f: (n: number) => number): number {
  let worst = 0;
  for (let n = 1; n <= maxAtoms; n++) worst = Math.max(worst, f(n));
  return worst;
}

const points = (ms: number) => Math.ceil(ms / WORK_MS_PER_POINT);

/**
 * Estimates an operation's cost without executing it. Each fragment is walked once (its
 * summary is memoised: a fragment's cost does not depend on where it is spread, the spread's
 * ancestors multiply it), and the walk stops as soon as a limit is passed, so the work is
 * bounded by the document's size however its fragments fan out.
 */
export function estimateQueryCost(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
  options: CostOptions = {},
): CostReport {
  const maxCost = options.maxCost ?? MAX_QUERY_COST;
  const maxWork = options.maxWork ?? MAX_WORK_POINTS;
  const maxExpensive = options.maxExpensiveFields ?? MAX_EXPENSIVE_FIELDS;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const memo = new Map<string, Summary | 'walking'>();

  const vars: Record<string, unknown> = {};
  for (const def of operation.variableDefinitions ?? []) {
    if (def.defaultValue) vars[def.variable.name.value] = valueFromASTUntyped(def.defaultValue);
  }
  Object.assign(vars, variables);
  const valueOf = (node: ValueNode | undefined): unknown =>
    node === undefined ? undefined : node.kind === Kind.VARIABLE ? vars[node.name.value] : valueFromASTUntyped(node, vars);
  const argument = (field: FieldNode, name: string) => valueOf(field.arguments?.find((a) => a.name.value === name)?.value);

  const check = (s: Summary): Summary => {
    if (s.cost > maxCost) throw new LimitPassed('COST', s);
    if (s.work > maxWork) throw new LimitPassed('WORK', s);
    if (s.expensive > maxExpensive) throw new LimitPassed('EXPENSIVE_FIELDS', s);
    return s;
  };

  const structureAtoms = (structure: unknown): { atoms: number; optimize: boolean } => {
    const s = (structure ?? {}) as { xyz?: unknown; optimize?: unknown };
    const declared = declaredAtomCount(s.xyz);
    // Undeclared or oversized counts are rejected by the parser before xtb runs; the worst case is charged anyway.
    const atoms = declared !== null && declared >= 1 && declared <= PREDICT_LIMITS.maxAtoms ? declared : PREDICT_LIMITS.maxAtoms;
    return { atoms, optimize: s.optimize === true };
  };

  /** Work points of an expensive root field, or null when the field is not one. */
  const workOf = (field: FieldNode): number | null => {
    switch (field.name.value) {
      case 'predict': {
        const { atoms, optimize } = structureAtoms(argument(field, 'structure'));
        return points(WORK_ESTIMATES.xtbMs(atoms, optimize) + 2 * WORK_ESTIMATES.modelEvaluationMs);
      }
      case 'explain': {
        const structure = argument(field, 'structure');
        const level = argument(field, 'level');
        let featurizeMs = 0;
        let evaluations: number;
        if (structure != null) {
          const { atoms, optimize } = structureAtoms(structure);
          featurizeMs = WORK_ESTIMATES.xtbMs(atoms, optimize);
          evaluations = level === 'BOND' ? 1 + 3 * atoms : WORK_ESTIMATES.shapleyEvaluations(atoms);
        } else {
          const maxAtoms = options.catalogMaxAtoms ?? PREDICT_LIMITS.maxAtoms;
          evaluations = level === 'BOND' ? 1 + 3 * maxAtoms : worstOver(maxAtoms, (n) => WORK_ESTIMATES.shapleyEvaluations(n));
        }
        return points(featurizeMs + evaluations * WORK_ESTIMATES.modelEvaluationMs);
      }
      case 'motifSearch': {
        const pattern = argument(field, 'pattern') as { atoms?: unknown } | undefined;
        const atoms = Array.isArray(pattern?.atoms) ? Math.min(pattern.atoms.length, MOTIF_LIMITS.maxAtoms) : MOTIF_LIMITS.maxAtoms;
        return points(WORK_ESTIMATES.motifMs(atoms));
      }
      case 'similar': {
        const k = argument(field, 'k');
        return 2 + (typeof k === 'number' && k > 0 ? Math.min(k, 1000) : 5);
      }
      default:
        return null;
    }
  };

  const walk = (set: SelectionSetNode | undefined, parentType: string | null): Summary => {
    const total: Summary = { cost: 0, work: 0, expensive: 0 };
    if (!set) return total;
    for (const sel of set.selections) {
      let part: Summary;
      if (sel.kind === Kind.FIELD) part = fieldSummary(sel, parentType);
      else if (sel.kind === Kind.INLINE_FRAGMENT) part = walk(sel.selectionSet, sel.typeCondition?.name.value ?? parentType);
      else part = fragmentSummary(sel.name.value);
      total.cost += part.cost;
      total.work += part.work;
      total.expensive += part.expensive;
      check(total);
    }
    return total;
  };

  const fragmentSummary = (name: string): Summary => {
    const known = memo.get(name);
    if (known === 'walking') return { cost: 0, work: 0, expensive: 0 }; // a cycle: validation rejects it
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment) return { cost: 0, work: 0, expensive: 0 };
    memo.set(name, 'walking');
    options.onFragmentWalk?.(name);
    const summary = walk(fragment.selectionSet, fragment.typeCondition.name.value);
    memo.set(name, summary);
    return summary;
  };

  const fieldSummary = (field: FieldNode, parentType: string | null): Summary => {
    const work = parentType === 'Query' ? workOf(field) : null;
    const own: Summary = { cost: 1, work: work ?? 0, expensive: work === null ? 0 : 1 };
    if (!field.selectionSet) return check(own);
    let multiplier = IMPLICIT_LIST_SIZE[field.name.value] ?? 1;
    const pageArg = PAGE_ARGUMENTS.map((name) => field.arguments?.find((a) => a.name.value === name)).find(Boolean);
    if (pageArg) {
      const n = valueOf(pageArg.value);
      multiplier = typeof n === 'number' && Number.isFinite(n) ? n : DEFAULT_PAGE;
    } else if (field.name.value === 'clusters' || field.name.value === 'motifSearch') multiplier = DEFAULT_PAGE;
    else if (field.name.value === 'similar') multiplier = 5;
    const inner = walk(field.selectionSet, null);
    const m = Math.max(1, multiplier);
    return check({ cost: own.cost + m * inner.cost, work: own.work + m * inner.work, expensive: own.expensive + m * inner.expensive });
  };

  try {
    const s = walk(operation.selectionSet, operation.operation === 'query' ? 'Query' : null);
    return toReport(s, null);
  } catch (err) {
    if (err instanceof LimitPassed) return toReport(err.partial, err.rejected);
    throw err;
  }
}

function toReport(s: Summary, rejected: CostRejection | null): CostReport {
  return { cost: s.cost + s.work, fieldCost: s.cost, workPoints: s.work, expensiveFields: s.expensive, rejected };
}

export function queryCostError(report: CostReport): GraphQLError {
  if (report.rejected === 'EXPENSIVE_FIELDS') {
    return new GraphQLError(
      `an operation may ask for at most ${MAX_EXPENSIVE_FIELDS} of explain, predict, motifSearch and similar; send the others in separate requests`,
      { extensions: { code: ErrorCode.TOO_MANY_EXPENSIVE_FIELDS, limit: MAX_EXPENSIVE_FIELDS, http: { status: 400 } } },
    );
  }
  if (report.rejected === 'WORK') {
    return new GraphQLError(
      `the computation asked for exceeds ${MAX_WORK_POINTS} work points (at least ${report.workPoints}, ${WORK_MS_PER_POINT} ms of a core each): fewer or smaller structures, single points instead of optimisations, or separate requests`,
      { extensions: { code: ErrorCode.QUERY_TOO_EXPENSIVE, workPoints: report.workPoints, limit: MAX_WORK_POINTS, http: { status: 400 } } },
    );
  }
  return new GraphQLError(`query cost exceeds the limit of ${MAX_QUERY_COST} (at least ${report.fieldCost}): lower \`first\` or select fewer nested lists`, {
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, cost: report.fieldCost, limit: MAX_QUERY_COST, http: { status: 400 } },
  });
}
