import { compositionMassU, type Composition } from './formula';

/**
 * Langevin (ion–induced-dipole) capture rate of a cluster ion with N2, in CGS:
 *   k_L = 2π · q · sqrt(α / μ)
 * with q = |z|·e in esu, α the polarizability volume of the neutral in cm³ and μ the reduced
 * mass in g. This is the collision-limited ceiling that the reaction efficiency φ = k1 / k_L
 * is measured against. A neutral cluster has no ion–induced-dipole capture, so it gets null.
 */

/** Elementary charge in esu (statcoulomb): 1.602176634e-19 C × 2.99792458e9 statC/C. */
export const ELEMENTARY_CHARGE_ESU = 4.8032e-10;

/** Polarizability volume of N2 (isotropic average), 1.74 Å³. */
export const N2_POLARIZABILITY_CM3 = 1.74e-24;

/** Mass of 14N2 at natural abundance: 2 × 14.0067 u. */
export const N2_MASS_U = 28.0134;

/** Atomic mass constant (CODATA 2018) in grams. */
export const GRAMS_PER_U = 1.6605390666e-24;

/**
 * k_L in cm³ molecule⁻¹ s⁻¹ for an ion of mass `ionMassU` (u) and charge number `charge`
 * colliding with N2 (or another neutral given by mass and polarizability). Null for charge 0.
 */
export function langevinRateCm3PerMoleculeS(
  ionMassU: number,
  charge: number,
  neutralMassU: number = N2_MASS_U,
  neutralPolarizabilityCm3: number = N2_POLARIZABILITY_CM3,
): number | null {
  for (const [name, value] of [
    ['ionMassU', ionMassU],
    ['neutralMassU', neutralMassU],
    ['neutralPolarizabilityCm3', neutralPolarizabilityCm3],
  ] as const) {
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number, got ${value}`);
  }
  if (!Number.isInteger(charge)) throw new RangeError(`charge must be a whole number, got ${charge}`);
  if (charge === 0) return null;
  const reducedMassG = ((ionMassU * neutralMassU) / (ionMassU + neutralMassU)) * GRAMS_PER_U;
  const chargeEsu = Math.abs(charge) * ELEMENTARY_CHARGE_ESU;
  return 2 * Math.PI * chargeEsu * Math.sqrt(neutralPolarizabilityCm3 / reducedMassG);
}

/** k_L for a cluster given by composition and charge; null for a neutral cluster. */
export function clusterLangevinRateCm3PerMoleculeS(composition: Composition, charge: number): number | null {
  return langevinRateCm3PerMoleculeS(compositionMassU(composition), charge);
}

/**
 * Reaction efficiency φ = k1 / k_L (dimensionless). Null when there is no Langevin rate
 * (neutral cluster), so callers cannot divide by a missing value by accident.
 */
export function reactionEfficiency(k1Cm3PerMoleculeS: number, langevinRate: number | null): number | null {
  if (langevinRate === null) return null;
  if (!Number.isFinite(k1Cm3PerMoleculeS) || k1Cm3PerMoleculeS < 0) {
    throw new RangeError(`k1Cm3PerMoleculeS must be a non-negative number, got ${k1Cm3PerMoleculeS}`);
  }
  if (!Number.isFinite(langevinRate) || langevinRate <= 0) {
    throw new RangeError(`langevinRate must be a positive number, got ${langevinRate}`);
  }
  return k1Cm3PerMoleculeS / langevinRate;
}
