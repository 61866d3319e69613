import { validateGraph, type BatchItem } from './batch';
import { InvalidArgumentError, ShapeMismatchError } from './errors';
import type { ModelGraph } from './featurize';
import type { Manifest } from './manifest';
import type { ModelSession } from './model-session';
import type { AtomShapley, BondOcclusion, ShapleyOptions, SubgraphContribution } from './model.types';
import { exactShapley, MAX_EXACT_PLAYERS, permutationShapley } from './shapley';

/** Attribution of a prediction to atoms, bonds and atom groups, evaluated through one model session. */

/** Labelled atom groups for subgraphContributions: each element, all metal atoms, all non-metal atoms. */
export function defaultSubgraphs(features: Manifest['features'], graph: ModelGraph): Array<{ label: string; atoms: number[] }> {
  const props = features.elementProperties;
  const out: Array<{ label: string; atoms: number[] }> = [];
  const elements = [...new Set(graph.elements)];
  for (const el of elements) out.push({ label: el, atoms: graph.elements.flatMap((e, i) => (e === el ? [i] : [])) });
  const metal = graph.elements.flatMap((e, i) => (props[e]?.isMetal === true ? [i] : []));
  const nonMetal = graph.elements.flatMap((e, i) => (props[e]?.isMetal === true ? [] : [i]));
  if (metal.length && nonMetal.length) {
    out.push({ label: 'metal', atoms: metal }, { label: 'non-metal', atoms: nonMetal });
  }
  return out;
}

/**
 * Shapley value of every atom for the ensemble-mean log10 k1, with absent atoms masked out.
 * Exact (2^n coalitions) up to 14 atoms, antithetic permutation sampling above.
 */
export async function shapleyAtoms(session: ModelSession, graph: ModelGraph, options: ShapleyOptions, defaultPermutationPairs: number): Promise<AtomShapley> {
  validateGraph(graph, session.dims, 'graph');
  const method = options.method ?? 'auto';
  if (method === 'exact' && graph.atomCount > MAX_EXACT_PLAYERS) {
    throw new InvalidArgumentError('method', `exact Shapley values are limited to ${MAX_EXACT_PLAYERS} atoms (graph has ${graph.atomCount})`);
  }
  const pairs = options.permutationPairs ?? defaultPermutationPairs;
  if (!Number.isInteger(pairs) || pairs < 2 || pairs > 4096) {
    throw new InvalidArgumentError('permutationPairs', `must be an integer in 2..4096, got ${pairs}`);
  }
  const compact = (options.coalitions ?? 'compact') === 'compact';
  const evaluate = (masks: Uint8Array, n: number) =>
    compact ? session.evaluateCompactCoalitions(graph, masks, n) : session.evaluateCoalitions(graph, masks, n);
  const exact = method === 'exact' || (method === 'auto' && graph.atomCount <= MAX_EXACT_PLAYERS);
  const result = exact
    ? await exactShapley(graph.atomCount, evaluate)
    : await permutationShapley(graph.atomCount, evaluate, {
        permutationPairs: pairs,
        seed: options.seed ?? 0,
      });
  return { ...result, elements: [...graph.elements], target: 'meanLog10K1' };
}

/** Prediction with each bond removed in turn (adjacency entries zeroed), in one ORT call. */
export async function bondOcclusion(session: ModelSession, graph: ModelGraph): Promise<BondOcclusion> {
  validateGraph(graph, session.dims, 'graph');
  const n = graph.atomCount;
  const items: BatchItem[] = [{ graph }];
  for (const { a, b } of graph.bonds) {
    const adjacency = graph.adjacency.slice();
    adjacency[a * n + b] = 0;
    adjacency[b * n + a] = 0;
    items.push({ graph, adjacency });
  }
  const values = await session.evaluateItems(items);
  const full = values[0];
  return {
    fullLog10K1: full,
    bonds: graph.bonds.map(({ a, b }, k) => ({
      a,
      b,
      elements: [graph.elements[a], graph.elements[b]],
      weight: graph.adjacency[a * n + b],
      log10K1Without: values[k + 1],
      delta: full - values[k + 1],
    })),
  };
}

/**
 * For each subgraph (a set of atom indices): the sum of its atoms' Shapley values, its
 * coalition value f(S) − f(∅) and its removal effect f(N) − f(N∖S). Pass `shapley` to reuse
 * values already computed for this graph.
 */
export async function subgraphContributions(
  session: ModelSession,
  graph: ModelGraph,
  subgraphs: ReadonlyArray<readonly number[]>,
  shapley: AtomShapley | undefined,
  defaultPermutationPairs: number,
): Promise<SubgraphContribution[]> {
  validateGraph(graph, session.dims, 'graph');
  const n = graph.atomCount;
  const sets = subgraphs.map((atoms, k) => {
    if (!Array.isArray(atoms) || atoms.length === 0) {
      throw new InvalidArgumentError(`subgraphs[${k}]`, 'must be a non-empty list of atom indices');
    }
    const seen = new Set<number>();
    atoms.forEach((i, j) => {
      if (!Number.isInteger(i) || i < 0 || i >= n) {
        throw new InvalidArgumentError(`subgraphs[${k}][${j}]`, `atom index ${String(i)} is not in 0..${n - 1}`);
      }
      if (seen.has(i)) throw new InvalidArgumentError(`subgraphs[${k}][${j}]`, `atom ${i} is listed twice`);
      seen.add(i);
    });
    return seen;
  });
  if (shapley && shapley.values.length !== n) {
    throw new ShapeMismatchError('shapley.values', `${n} values`, `${shapley.values.length}`);
  }
  const phi = shapley ?? (await shapleyAtoms(session, graph, {}, defaultPermutationPairs));
  // Rows: ∅, N, then S and N∖S for each subgraph.
  const masks = new Uint8Array((2 + 2 * sets.length) * n);
  masks.fill(1, n, 2 * n);
  sets.forEach((s, k) => {
    for (let i = 0; i < n; i++) {
      masks[(2 + 2 * k) * n + i] = s.has(i) ? 1 : 0;
      masks[(3 + 2 * k) * n + i] = s.has(i) ? 0 : 1;
    }
  });
  const v = await session.evaluateCoalitions(graph, masks, n);
  return sets.map((s, k) => ({
    atoms: [...s].sort((a, b) => a - b),
    shapleySum: [...s].reduce((acc, i) => acc + phi.values[i], 0),
    coalitionValue: v[2 + 2 * k] - v[0],
    removalEffect: v[1] - v[3 + 2 * k],
  }));
}
