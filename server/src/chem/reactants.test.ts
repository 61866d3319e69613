import { compositionMassU, parseFormula } from './formula';
import { clusterLangevinRateCm3PerMoleculeS, langevinRateCm3PerMoleculeS } from './langevin';
import { findReactant, reactantCaptureLimitCm3PerMoleculeS, REACTANTS } from './reactants';

const mo5s2 = parseFormula('Mo5S2');

describe('reactants', () => {
  it('reads formulas in any element order and refuses unknown molecules', () => {
    expect(findReactant('N2')?.name).toBe('dinitrogen');
    expect(findReactant('OC')?.formula).toBe('CO');
    expect(findReactant('H3N')?.formula).toBe('NH3');
    expect(findReactant('Xe2')).toBeNull();
    expect(findReactant('not a formula')).toBeNull();
  });

  it('N2 mass is 2 × 14.007 u', () => {
    expect(REACTANTS.get('N2')!.massU).toBeCloseTo(28.014, 2);
  });

  it('for N2 (non-polar) the capture limit is the catalog Langevin rate', () => {
    const n2 = REACTANTS.get('N2')!;
    const kL = clusterLangevinRateCm3PerMoleculeS(mo5s2, -1)!;
    // Same formula; the masses differ only in the last digits of N2's atomic weight.
    expect(Math.abs(reactantCaptureLimitCm3PerMoleculeS(mo5s2, -1, n2) / kL - 1)).toBeLessThan(1e-4);
  });

  it('a polar reactant raises the bound above its Langevin rate (locked dipole)', () => {
    const h2o = REACTANTS.get('H2O')!;
    const withoutDipole = reactantCaptureLimitCm3PerMoleculeS(mo5s2, -1, { ...h2o, dipoleDebye: 0 });
    // Without its dipole, H2O is captured at the Langevin rate for α = 1.45 Å³ and its own mass; the 1.85 D dipole adds several times more.
    const langevin = langevinRateCm3PerMoleculeS(compositionMassU(mo5s2), -1, h2o.massU, 1.45e-24)!;
    expect(Math.abs(withoutDipole / langevin - 1)).toBeLessThan(1e-9);
    expect(reactantCaptureLimitCm3PerMoleculeS(mo5s2, -1, h2o)).toBeGreaterThan(2 * withoutDipole);
  });

  it('neutral clusters get the gas-kinetic ceiling for every reactant', () => {
    expect(reactantCaptureLimitCm3PerMoleculeS(mo5s2, 0, REACTANTS.get('CO')!)).toBe(1e-9);
  });
});
