import { exactShapley, MAX_EXACT_PLAYERS, permutationShapley, type CoalitionEvaluator } from './shapley';

/** Games with textbook Shapley values, evaluated coalition by coalition. */
function game(value: (present: boolean[]) => number): CoalitionEvaluator {
  return async (masks, n) => {
    const C = masks.length / n;
    const out = new Float64Array(C);
    for (let c = 0; c < C; c++) out[c] = value(Array.from(masks.subarray(c * n, (c + 1) * n), (b) => b === 1));
    return out;
  };
}

describe('exactShapley', () => {
  it('gives each player its own weight in an additive game', async () => {
    const w = [0.5, -1.25, 2, 0.125];
    const r = await exactShapley(
      4,
      game((p) => 3 + p.reduce((a, on, i) => a + (on ? w[i] : 0), 0)),
    );
    r.values.forEach((v, i) => expect(v).toBeCloseTo(w[i], 12));
    expect(r.emptyValue).toBe(3);
    expect(r.evaluations).toBe(16);
    expect(r.standardErrors).toBeNull();
  });

  it('splits a pure interaction equally (unanimity game on players 0 and 2)', async () => {
    const r = await exactShapley(
      3,
      game((p) => (p[0] && p[2] ? 1 : 0)),
    );
    expect(r.values[0]).toBeCloseTo(0.5, 12);
    expect(r.values[1]).toBeCloseTo(0, 12);
    expect(r.values[2]).toBeCloseTo(0.5, 12);
  });

  it('reproduces the glove game: one left glove (player 0), two right gloves', async () => {
    // v(S) = min(#left, #right); known values: left 2/3, each right 1/6.
    const r = await exactShapley(
      3,
      game((p) => Math.min(p[0] ? 1 : 0, (p[1] ? 1 : 0) + (p[2] ? 1 : 0))),
    );
    expect(r.values[0]).toBeCloseTo(2 / 3, 12);
    expect(r.values[1]).toBeCloseTo(1 / 6, 12);
    expect(r.values[2]).toBeCloseTo(1 / 6, 12);
  });

  it('is efficient on a non-additive game with 14 players', async () => {
    const v = (p: boolean[]) => {
      const k = p.filter(Boolean).length;
      return Math.sin(k) + (p[3] && p[9] ? 0.7 : 0) - (p[0] ? 0.2 * k : 0);
    };
    const r = await exactShapley(MAX_EXACT_PLAYERS, game(v));
    const sum = r.values.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(r.fullValue - r.emptyValue, 10);
  });

  it('refuses more than 14 players', async () => {
    await expect(
      exactShapley(
        15,
        game(() => 0),
      ),
    ).rejects.toThrow(RangeError);
  });
});

describe('permutationShapley', () => {
  it('is exact, with zero standard error, for an additive game', async () => {
    const w = Array.from({ length: 20 }, (_, i) => (i % 3) - 1 + i / 10);
    const r = await permutationShapley(
      20,
      game((p) => p.reduce((a, on, i) => a + (on ? w[i] : 0), 0)),
      {
        permutationPairs: 4,
        seed: 7,
      },
    );
    r.values.forEach((v, i) => expect(v).toBeCloseTo(w[i], 10));
    r.standardErrors!.forEach((se) => expect(se).toBeCloseTo(0, 10));
    expect(r.permutations).toBe(8);
  });

  it('is efficient for every sample and agrees with the exact values within a few standard errors', async () => {
    const v = (p: boolean[]) => {
      const k = p.filter(Boolean).length;
      return Math.sqrt(k) + (p[1] && p[4] ? 1 : 0) + (p[2] ? 0.3 * k : 0);
    };
    const exact = await exactShapley(10, game(v));
    const sampled = await permutationShapley(10, game(v), { permutationPairs: 200, seed: 1 });
    expect(sampled.values.reduce((a, b) => a + b, 0)).toBeCloseTo(sampled.fullValue - sampled.emptyValue, 10);
    sampled.values.forEach((phi, i) => {
      expect(Math.abs(phi - exact.values[i])).toBeLessThanOrEqual(4 * sampled.standardErrors![i] + 1e-12);
    });
  });

  it('gives the same values for the same seed', async () => {
    const v = game((p) => (p[0] && p[5] ? 2 : 0) + p.filter(Boolean).length ** 1.5);
    const a = await permutationShapley(16, v, { permutationPairs: 8, seed: 42 });
    const b = await permutationShapley(16, v, { permutationPairs: 8, seed: 42 });
    expect(a.values).toEqual(b.values);
  });
});
