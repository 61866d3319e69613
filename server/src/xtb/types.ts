import type { GeometryAtom, Vec3 } from '../chem/geometry';

/** Shapes and limits of an xtb run: what goes in, what comes back. */

export type XtbOptLevel = 'crude' | 'sloppy' | 'loose' | 'lax' | 'normal' | 'tight' | 'vtight' | 'extreme';
export const OPT_LEVELS: ReadonlySet<string> = new Set(['crude', 'sloppy', 'loose', 'lax', 'normal', 'tight', 'vtight', 'extreme']);

/** GFN2-xTB is parametrised for H–Rn. */
export const XTB_MAX_ATOMIC_NUMBER = 86;

/**
 * Closer pairs are rejected before xtb runs: xtb itself refuses only exactly coincident atoms and
 * otherwise returns astronomically repulsive energies (+10⁵ Eh at 0.01 Å). The shortest real bond,
 * H–H, is 0.74 Å.
 */
export const MIN_INTERATOMIC_DISTANCE_ANGSTROM = 0.4;

export interface XtbInput {
  atoms: ReadonlyArray<{ element: string; xyzAngstrom: readonly number[] }>;
  charge: number;
  /** Spin multiplicity 2S+1; passed as --uhf (multiplicity − 1). */
  multiplicity: number;
  /** Geometry optimisation level, or false/undefined for a single point. */
  optimize?: XtbOptLevel | false;
  /** Hard wall-clock limit; the whole xtb process group is killed when it passes. */
  timeoutMs: number;
  /** Fermi smearing temperature (xtb default 300 K); higher values help SCF convergence of metal clusters. */
  electronicTemperatureK?: number;
  /**
   * Initial guess of the SCC charges. 'sad' (superposition of atomic densities, set through an
   * xcontrol `$scc guess=sad` block) often avoids the non-physical charge-separated solutions
   * GFN2 can fall into for early transition-metal clusters; 'default' is xtb's own guess.
   */
  scfGuess?: 'default' | 'sad';
  /** xtb --acc (default 1.0; lower is tighter). */
  accuracy?: number;
  /** xtb --iterations: SCC iteration limit (default 250). */
  maxScfIterations?: number;
  /** xtb --cycles: optimisation cycle limit (default: xtb's own, which grows with system size). */
  maxOptCycles?: number;
  /** OMP/MKL threads; 1 by default so parallel callers do not oversubscribe the CPU. */
  threads?: number;
  /** Scheduling niceness applied to the xtb process (0..19); 0 by default. */
  niceness?: number;
  /** Path or name of the executable; default "xtb" looked up on PATH. */
  xtbBinary?: string;
  /** Aborting kills the xtb process group and rejects with kind TIMEOUT. */
  signal?: AbortSignal;
}

export interface XtbAtom {
  index: number;
  element: string;
  atomicNumber: number;
  xyzAngstrom: Vec3;
  /** GFN2-xTB atomic partial charge (e). */
  partialCharge: number;
  /** Covalent coordination number (covCN of D4), dimensionless. */
  coordinationNumber: number;
  /** Static atomic dipole polarisability α(0) from D4, bohr³ (atomic units). */
  polarizabilityAu: number;
  /** Atomic C6 dispersion coefficient C6AA from D4, Eh·bohr⁶. */
  c6Au: number;
  /** Sum of this atom's Wiberg bond orders (xtb's "total" valence column). */
  wibergValence: number;
  /** Atomic dipole moment from the GFN2 multipole expansion, e·bohr. */
  atomicDipoleAu: Vec3;
}

export interface XtbWibergOrder {
  a: number;
  b: number;
  order: number;
}

export interface XtbBond {
  /** a < b; bonded by the distance rule of geometry.ts (BOND_TOLERANCE). */
  a: number;
  b: number;
  lengthAngstrom: number;
  /**
   * Wiberg bond order from xtb's `wbo` file. xtb writes only orders above 0.1, so 0 here means
   * "below 0.1", not exactly zero.
   */
  wibergOrder: number;
}

export interface XtbResult {
  method: 'GFN2-xTB';
  program: 'xtb';
  programVersion: string;
  charge: number;
  multiplicity: number;
  totalEnergyHartree: number;
  homoLumoGapEv: number;
  /**
   * |μ| in Debye about the centre of mass. An ion's dipole depends on the origin and xtb prints
   * it about the coordinate origin, so it is shifted here: μ_com = μ_origin − Q·R_com.
   */
  dipoleDebye: number;
  /** Dipole vector about the centre of mass, e·bohr. */
  dipoleAu: Vec3;
  /** Molecular static polarisability α(0) from D4, bohr³. */
  polarizabilityAu: number;
  /** Molecular C6 coefficient from D4, Eh·bohr⁶. */
  c6Au: number;
  fermiLevelEv: number | null;
  gradientNormHartreePerBohr: number | null;
  electronCount: number;
  unpairedElectrons: number;
  orbitalEnergiesEv: number[];
  orbitalOccupations: number[];
  atoms: XtbAtom[];
  bonds: XtbBond[];
  /** Every pair xtb reported (order > 0.1), whether or not bonded by the distance rule. */
  wibergOrders: XtbWibergOrder[];
  /** null for a single point. */
  optimization: { level: XtbOptLevel; converged: boolean; cycles: number | null } | null;
  settings: {
    electronicTemperatureK: number;
    accuracy: number;
    maxScfIterations: number;
    maxOptCycles: number | null;
    scfGuess: 'default' | 'sad';
    threads: number;
  };
  /** Results to treat with suspicion; the caller decides whether to use them. */
  warnings: XtbWarning[];
  wallTimeMs: number;
}

export interface XtbWarning {
  code: 'CHARGE_RUNAWAY' | 'OPT_NOT_CONVERGED';
  message: string;
}

/**
 * |q| above this on any atom marks a charge-runaway SCC solution: GFN2 can converge to states
 * with one metal atom near −4 e (seen here for Mo clusters; see grimme-lab/xtb#409 on early
 * transition metals). Real partial charges in these clusters stay well inside ±2 e.
 */
export const UNPHYSICAL_CHARGE_THRESHOLD = 2.0;

export interface Gfn1Optimization {
  method: 'GFN1-xTB';
  atoms: GeometryAtom[];
  totalEnergyHartree: number;
  converged: boolean;
  wallTimeMs: number;
}
