import { compositionMassU, parseFormula, type Composition } from './formula';
import { ELEMENTARY_CHARGE_ESU, GRAMS_PER_U } from './langevin';
import { NEUTRAL_CAPTURE_LIMIT_CM3_PER_MOLECULE_S } from './capture-limit';

/**
 * Small molecules a contribution may report a rate for. The capture limit that bounds a rate
 * needs the reactant's polarizability volume (and permanent dipole), so a reactant is accepted
 * only when these are known. Values: CRC Handbook of Chemistry and Physics, "Atomic and molecular
 * polarizabilities" and "Dipole moments" (gas phase); N2 keeps the 1.74 Å³ the catalog's k_L uses.
 */
export interface Reactant {
  formula: string;
  name: string;
  polarizabilityAngstrom3: number;
  dipoleDebye: number;
  massU: number;
}

const TABLE: ReadonlyArray<Omit<Reactant, 'massU'>> = [
  { formula: 'N2', name: 'dinitrogen', polarizabilityAngstrom3: 1.74, dipoleDebye: 0 },
  { formula: 'CO', name: 'carbon monoxide', polarizabilityAngstrom3: 1.95, dipoleDebye: 0.11 },
  { formula: 'O2', name: 'dioxygen', polarizabilityAngstrom3: 1.58, dipoleDebye: 0 },
  { formula: 'H2', name: 'dihydrogen', polarizabilityAngstrom3: 0.8, dipoleDebye: 0 },
  { formula: 'CH4', name: 'methane', polarizabilityAngstrom3: 2.59, dipoleDebye: 0 },
  { formula: 'CO2', name: 'carbon dioxide', polarizabilityAngstrom3: 2.91, dipoleDebye: 0 },
  { formula: 'NO', name: 'nitric oxide', polarizabilityAngstrom3: 1.7, dipoleDebye: 0.16 },
  { formula: 'N2O', name: 'nitrous oxide', polarizabilityAngstrom3: 3.03, dipoleDebye: 0.16 },
  { formula: 'H2O', name: 'water', polarizabilityAngstrom3: 1.45, dipoleDebye: 1.85 },
  { formula: 'NH3', name: 'ammonia', polarizabilityAngstrom3: 2.81, dipoleDebye: 1.47 },
  { formula: 'C2H2', name: 'acetylene', polarizabilityAngstrom3: 3.33, dipoleDebye: 0 },
  { formula: 'C2H4', name: 'ethylene', polarizabilityAngstrom3: 4.25, dipoleDebye: 0 },
  { formula: 'C2H6', name: 'ethane', polarizabilityAngstrom3: 4.47, dipoleDebye: 0 },
];

export const REACTANTS: ReadonlyMap<string, Reactant> = new Map(TABLE.map((r) => [r.formula, { ...r, massU: compositionMassU(parseFormula(r.formula)) }]));

/** Element counts in a fixed order, so "OC" and "CO" name the same molecule. */
function compositionKey(composition: Composition): string {
  return [...composition]
    .map((p) => `${p.element}${p.count}`)
    .sort()
    .join('');
}

const BY_COMPOSITION = new Map([...REACTANTS.values()].map((r) => [compositionKey(parseFormula(r.formula)), r]));

/** The table's reactant with this composition, written in any element order ("OC", "H3N"); null for others or text that is no formula. */
export function findReactant(formula: string): Reactant | null {
  try {
    return BY_COMPOSITION.get(compositionKey(parseFormula(formula.trim()))) ?? null;
  } catch {
    return null;
  }
}

const BOLTZMANN_ERG_PER_K = 1.380649e-16;
const ESU_CM_PER_DEBYE = 1e-18;

/**
 * The largest rate constant a cluster + reactant collision can have, in cm³ molecule⁻¹ s⁻¹.
 * Ions: the locked-dipole limit k = 2πq/√μ · (√α + μ_D·√(2/(π k_B T))), which is the Langevin
 * rate for a non-polar reactant and an upper bound of every capture theory (ADO, SACM) for a polar
 * one. Neutral clusters: the generous gas-kinetic ceiling of capture-limit.ts.
 */
export function reactantCaptureLimitCm3PerMoleculeS(cluster: Composition, charge: number, reactant: Reactant, temperatureK = 300): number {
  if (charge === 0) return NEUTRAL_CAPTURE_LIMIT_CM3_PER_MOLECULE_S;
  const clusterMassU = compositionMassU(cluster);
  const reducedMassG = ((clusterMassU * reactant.massU) / (clusterMassU + reactant.massU)) * GRAMS_PER_U;
  const q = Math.abs(charge) * ELEMENTARY_CHARGE_ESU;
  const alphaCm3 = reactant.polarizabilityAngstrom3 * 1e-24;
  const dipole = reactant.dipoleDebye * ESU_CM_PER_DEBYE * Math.sqrt(2 / (Math.PI * BOLTZMANN_ERG_PER_K * temperatureK));
  return ((2 * Math.PI * q) / Math.sqrt(reducedMassG)) * (Math.sqrt(alphaCm3) + dipole);
}
