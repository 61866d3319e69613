import type { Composition } from './formula';
import { clusterLangevinRateCm3PerMoleculeS } from './langevin';

/**
 * The largest rate constant a cluster + N2 reaction can have: every capture reacts.
 *
 * Ions: the Langevin rate k_L (ion–induced dipole capture, langevin.ts), so the reaction
 * efficiency φ = k1 / k_L ≤ 1. Neutrals have no long-range ion–dipole capture; their ceiling is
 * the gas-kinetic (hard-sphere) collision rate, σ·v̄ with σ = π(r_cluster + r_N2)² and v̄ the mean
 * relative speed at 300 K — about 5×10⁻¹⁰ cm³ molecule⁻¹ s⁻¹ for the ≤ 13-atom clusters of the data
 * set (r ≈ 3.5 Å, r_N2 ≈ 1.9 Å, μ ≈ 26 u). A fixed 1×10⁻⁹ is used as a deliberately generous round
 * ceiling, so the bound never cuts into a physically possible value. In the data set the fastest
 * neutral is 2×10⁻¹², and one anion (Mo8S4C¯) is measured at φ = 1.01, within experimental error
 * of the Langevin limit.
 */
export const NEUTRAL_CAPTURE_LIMIT_CM3_PER_MOLECULE_S = 1e-9;

export type CaptureLimitKind = 'LANGEVIN' | 'NEUTRAL_GAS_KINETIC';

export interface CaptureLimit {
  kind: CaptureLimitKind;
  k1Cm3PerMoleculeS: number;
  log10K1: number;
}

export function captureLimit(composition: Composition, charge: number): CaptureLimit {
  const kL = clusterLangevinRateCm3PerMoleculeS(composition, charge);
  const k = kL ?? NEUTRAL_CAPTURE_LIMIT_CM3_PER_MOLECULE_S;
  return { kind: kL === null ? 'NEUTRAL_GAS_KINETIC' : 'LANGEVIN', k1Cm3PerMoleculeS: k, log10K1: Math.log10(k) };
}
