import { parseFormula } from './formula';
import { clusterLangevinRateCm3PerMoleculeS, langevinRateCm3PerMoleculeS, reactionEfficiency } from './langevin';

describe('Langevin capture rate with N2', () => {
  it('matches a hand calculation for Mo5S2¯', () => {
    // Done here with separately written constants, not the module's.
    const massMo5S2U = 5 * 95.95 + 2 * 32.06; // 543.87 u
    const massN2U = 28.0134;
    const reducedMassU = (massMo5S2U * massN2U) / (massMo5S2U + massN2U); // 26.6412 u
    const reducedMassG = reducedMassU * 1.6605390666e-24;
    const alphaCm3 = 1.74e-24;
    const eEsu = 4.8032e-10;
    const byHand = 2 * Math.PI * eEsu * Math.sqrt(alphaCm3 / reducedMassG);
    expect(reducedMassU).toBeCloseTo(26.6412, 4);
    expect(byHand).toBeCloseTo(5.9853e-10, 13);

    const kL = langevinRateCm3PerMoleculeS(massMo5S2U, -1);
    expect(kL).not.toBeNull();
    expect(Math.abs((kL as number) / byHand - 1)).toBeLessThan(1e-9);
    expect(clusterLangevinRateCm3PerMoleculeS(parseFormula('Mo5S2'), -1)).toBeCloseTo(byHand, 18);
  });

  it('is on the literature scale for cluster anions (about 6e-10 cm³/s)', () => {
    const kL500 = langevinRateCm3PerMoleculeS(500, -1) as number;
    expect(kL500).toBeGreaterThan(5.8e-10);
    expect(kL500).toBeLessThan(7e-10);
    // Lighter ions capture faster; the limit for a very heavy ion is μ → m(N2): 5.84e-10.
    expect(clusterLangevinRateCm3PerMoleculeS(parseFormula('FeC3'), -1)).toBeCloseTo(6.668e-10, 12);
    expect(langevinRateCm3PerMoleculeS(1e9, -1)).toBeCloseTo(5.837e-10, 12);
  });

  it('depends on |charge| only and scales linearly with it', () => {
    const one = langevinRateCm3PerMoleculeS(543.87, -1) as number;
    expect(langevinRateCm3PerMoleculeS(543.87, 1)).toBe(one);
    expect(langevinRateCm3PerMoleculeS(543.87, -2)).toBeCloseTo(2 * one, 20);
  });

  it('is null for neutral clusters, which have no ion–induced-dipole capture', () => {
    expect(langevinRateCm3PerMoleculeS(283.0, 0)).toBeNull();
    expect(clusterLangevinRateCm3PerMoleculeS(parseFormula('Ta3S4'), 0)).toBeNull();
  });

  it.each([
    [0, -1, /ionMassU must be a positive number, got 0/],
    [-5, -1, /ionMassU must be a positive number/],
    [Number.NaN, -1, /ionMassU must be a positive number, got NaN/],
    [500, -1.5, /charge must be a whole number, got -1.5/],
  ])('rejects mass %d, charge %d', (mass, charge, message) => {
    expect(() => langevinRateCm3PerMoleculeS(mass, charge)).toThrow(message);
  });
});

describe('reaction efficiency', () => {
  it('is k1 / k_L', () => {
    // Mo5S2¯: published lg(k1) = -9.8239 (k1 = 1.5e-10); k_L = 5.985e-10 → φ ≈ 0.25.
    const kL = clusterLangevinRateCm3PerMoleculeS(parseFormula('Mo5S2'), -1);
    expect(reactionEfficiency(1.5e-10, kL)).toBeCloseTo(0.2506, 3);
    expect(reactionEfficiency(0, kL)).toBe(0);
  });

  it('is null without a Langevin rate', () => {
    expect(reactionEfficiency(1e-12, null)).toBeNull();
  });

  it('rejects impossible inputs', () => {
    expect(() => reactionEfficiency(-1e-12, 6e-10)).toThrow(/k1Cm3PerMoleculeS must be a non-negative number/);
    expect(() => reactionEfficiency(1e-12, 0)).toThrow(/langevinRate must be a positive number/);
  });
});
