import { parseFormula } from './formula';
import { captureLimit, NEUTRAL_CAPTURE_LIMIT_CM3_PER_MOLECULE_S } from './capture-limit';

describe('capture limit of cluster + N2', () => {
  it('is the Langevin rate for an anion (Mo5S2¯, 5.99e-10 by hand in langevin.test.ts)', () => {
    const lim = captureLimit(parseFormula('Mo5S2'), -1);
    expect(lim.kind).toBe('LANGEVIN');
    expect(lim.k1Cm3PerMoleculeS).toBeCloseTo(5.9853e-10, 13);
    expect(lim.log10K1).toBeCloseTo(Math.log10(5.9853e-10), 4);
  });

  it('is the fixed gas-kinetic ceiling for a neutral (Ta3S2)', () => {
    const lim = captureLimit(parseFormula('Ta3S2'), 0);
    expect(lim.kind).toBe('NEUTRAL_GAS_KINETIC');
    expect(lim.k1Cm3PerMoleculeS).toBe(NEUTRAL_CAPTURE_LIMIT_CM3_PER_MOLECULE_S);
    expect(lim.log10K1).toBe(-9);
  });

  it('lies above every neutral hard-sphere estimate for small clusters at 300 K', () => {
    // σ·v̄ for r_cluster + r_N2 = 5.5 Å, μ = 26 u, T = 300 K, written out independently.
    const sigma = Math.PI * 5.5e-8 ** 2;
    const mu = 26 * 1.6605e-24;
    const v = Math.sqrt((8 * 1.380649e-16 * 300) / (Math.PI * mu));
    expect(sigma * v).toBeGreaterThan(3e-10);
    expect(sigma * v).toBeLessThan(NEUTRAL_CAPTURE_LIMIT_CM3_PER_MOLECULE_S);
  });
});
