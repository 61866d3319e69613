import { seededRandom } from '../util/seeded-random';

/**
 * Shapley values of players (atoms) for a value function evaluated on coalitions, given as
 * 0/1 masks. Pure: the caller supplies `evaluate`, which the model service batches into ORT
 * calls. Both estimators satisfy efficiency, Σφ = v(all) − v(none): exactly for the
 * enumeration, and per sampled permutation (the marginals of one ordering telescope).
 */

/** masks: C × n bytes (1 = player present), row-major. Returns v for each of the C coalitions. */
export type CoalitionEvaluator = (masks: Uint8Array, playerCount: number) => Promise<Float64Array>;

export interface ShapleyResult {
  method: 'exact' | 'permutation';
  /** v(∅): the value with no player present. */
  emptyValue: number;
  /** v(N): the value with every player present. */
  fullValue: number;
  values: number[];
  /** Standard error of each value (permutation sampling), null for exact enumeration. */
  standardErrors: number[] | null;
  /** Sampled permutations (permutation method), or null. */
  permutations: number | null;
  /** Coalitions evaluated. */
  evaluations: number;
}

export const MAX_EXACT_PLAYERS = 14;

function popcount(x: number): number {
  let c = 0;
  while (x) {
    x &= x - 1;
    c++;
  }
  return c;
}

/** Enumerates all 2^n coalitions; n ≤ MAX_EXACT_PLAYERS keeps that at most 16,384. */
export async function exactShapley(n: number, evaluate: CoalitionEvaluator): Promise<ShapleyResult> {
  if (!Number.isInteger(n) || n < 1 || n > MAX_EXACT_PLAYERS) {
    throw new RangeError(`exact Shapley needs 1..${MAX_EXACT_PLAYERS} players, got ${n}`);
  }
  const C = 1 << n;
  const masks = new Uint8Array(C * n);
  for (let s = 0; s < C; s++) for (let i = 0; i < n; i++) masks[s * n + i] = (s >> i) & 1;
  const v = await evaluate(masks, n);
  // w[s] = s!(n−s−1)!/n!, built by a recurrence to avoid factorial overflow.
  const w = new Float64Array(n);
  w[0] = 1 / n;
  for (let s = 1; s < n; s++) w[s] = (w[s - 1] * s) / (n - s);
  const phi = new Array<number>(n).fill(0);
  for (let s = 0; s < C; s++) {
    const ws = w[popcount(s)];
    for (let i = 0; i < n; i++) {
      const bit = 1 << i;
      if (s & bit) continue;
      phi[i] += ws * (v[s | bit] - v[s]);
    }
  }
  return {
    method: 'exact',
    emptyValue: v[0],
    fullValue: v[C - 1],
    values: phi,
    standardErrors: null,
    permutations: null,
    evaluations: C,
  };
}

/**
 * Monte Carlo over permutations with antithetic pairs (each sampled ordering and its reverse).
 * Standard errors come from the spread of the pair means.
 */
export async function permutationShapley(n: number, evaluate: CoalitionEvaluator, options: { permutationPairs: number; seed: number }): Promise<ShapleyResult> {
  const pairs = options.permutationPairs;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`permutation Shapley needs ≥ 1 player, got ${n}`);
  if (!Number.isInteger(pairs) || pairs < 2) throw new RangeError(`need ≥ 2 permutation pairs, got ${pairs}`);
  const rand = seededRandom(options.seed);
  const P = 2 * pairs;
  const orders: Uint16Array[] = [];
  for (let p = 0; p < pairs; p++) {
    const perm = new Uint16Array(n);
    for (let i = 0; i < n; i++) perm[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    orders.push(perm, perm.slice().reverse());
  }
  // Row 0 = ∅, row 1 = N, then for each ordering the n − 1 proper, non-empty prefixes.
  const inner = n - 1;
  const C = 2 + P * inner;
  const masks = new Uint8Array(C * n);
  masks.fill(1, n, 2 * n);
  orders.forEach((perm, p) => {
    const row0 = 2 + p * inner;
    for (let k = 1; k <= inner; k++) {
      const off = (row0 + k - 1) * n;
      for (let q = 0; q < k; q++) masks[off + perm[q]] = 1;
    }
  });
  const v = await evaluate(masks, n);
  const empty = v[0];
  const full = v[1];
  const prefixValue = (p: number, k: number) => (k === 0 ? empty : k === n ? full : v[2 + p * inner + k - 1]);
  const contrib = orders.map((perm, p) => {
    const c = new Float64Array(n);
    for (let k = 0; k < n; k++) c[perm[k]] = prefixValue(p, k + 1) - prefixValue(p, k);
    return c;
  });
  const values = new Array<number>(n).fill(0);
  const ses = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const means: number[] = [];
    for (let q = 0; q < pairs; q++) means.push((contrib[2 * q][i] + contrib[2 * q + 1][i]) / 2);
    const m = means.reduce((a, b) => a + b, 0) / pairs;
    const varSample = means.reduce((a, b) => a + (b - m) ** 2, 0) / (pairs - 1);
    values[i] = m;
    ses[i] = Math.sqrt(varSample / pairs);
  }
  return {
    method: 'permutation',
    emptyValue: empty,
    fullValue: full,
    values,
    standardErrors: ses,
    permutations: P,
    evaluations: C,
  };
}
