import { chargeWord, clusterId, formatFormula, FormulaError, isMultiplicityConsistent, parseFormula, type ElementCount } from '../chem/formula';
import { parseXyz, XyzParseError, type GeometryAtom } from '../chem/geometry';
import { findReactant, reactantCaptureLimitCm3PerMoleculeS, REACTANTS } from '../chem/reactants';

/**
 * Checks a contribution as submitted and brings it to catalog units, with the catalog's own
 * parsers (formula, charge word, XYZ) so a submission cannot hold what the catalog could not.
 * Pure: the GraphQL layer turns ContributionInputError into a 400 naming the field.
 */

export const CONTRIBUTION_LIMITS = {
  /** The structure search runs for minutes at 13 atoms (the largest seed cluster); larger searches would hold a worker for hours. */
  maxAtoms: 20,
  maxMeasurementsPerCluster: 10,
  maxFormulaLength: 64,
  maxTextLength: 2000,
  maxShortTextLength: 200,
  maxXyzCharacters: 5000,
  maxIdempotencyKeyLength: 100,
  /** Rates below this are not measurable in flow tubes or traps (and typos of the exponent). */
  minK1Cm3PerMoleculeS: 1e-20,
  minTemperatureK: 1,
  maxTemperatureK: 5000,
} as const;

export class ContributionInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ContributionInputError';
  }
}

const AVOGADRO = 6.02214076e23;

/** Factor to cm³ molecule⁻¹ s⁻¹. */
export const K1_UNITS = {
  CM3_PER_MOLECULE_S: 1,
  M3_PER_MOLECULE_S: 1e6,
  CM3_PER_MOL_S: 1 / AVOGADRO,
  L_PER_MOL_S: 1000 / AVOGADRO,
} as const;
export type K1Unit = keyof typeof K1_UNITS;

/** Factor to Pa. */
export const PRESSURE_UNITS = { PA: 1, TORR: 101325 / 760, MBAR: 100 } as const;
export type PressureUnit = keyof typeof PRESSURE_UNITS;

export const TECHNIQUES = [
  'FLOW_TUBE',
  'FAST_FLOW_REACTOR',
  'FT_ICR',
  'ION_TRAP',
  'LINEAR_ION_TRAP',
  'GUIDED_ION_BEAM',
  'SELECTED_ION_FLOW_TUBE',
  'OTHER',
] as const;
export type Technique = (typeof TECHNIQUES)[number];

export interface MeasurementInput {
  reactant: string;
  k1: number;
  k1Unit: K1Unit;
  k1Uncertainty?: number | null;
  temperatureK?: number | null;
  pressure?: number | null;
  pressureUnit?: PressureUnit | null;
  technique: Technique;
  techniqueDetail?: string | null;
  doi?: string | null;
  citation: string;
  notes?: string | null;
  exceedsCaptureLimit?: boolean | null;
  captureLimitExplanation?: string | null;
}

export interface ClusterRef {
  formula: string;
  charge: number;
  multiplicity?: number | null;
}

export interface ValidMeasurement {
  reactant: string;
  k1Cm3PerMoleculeS: number;
  log10K1: number;
  k1UncertaintyCm3PerMoleculeS: number | null;
  temperatureK: number | null;
  pressurePa: number | null;
  technique: Technique;
  techniqueDetail: string | null;
  doi: string | null;
  citation: string;
  notes: string | null;
  captureLimitCm3PerMoleculeS: number;
  /** Set only when the submitter flagged a rate above the capture limit and said why. */
  captureLimitExplanation: string | null;
}

export interface ValidCluster {
  id: string;
  formula: string;
  composition: ElementCount[];
  charge: number;
  multiplicity: number | null;
  atomCount: number;
}

export interface ValidClusterSubmission extends ValidCluster {
  xyz: string | null;
  atoms: GeometryAtom[] | null;
  measurements: ValidMeasurement[];
}

function text(field: string, value: string | null | undefined, max: number, required: boolean): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') {
    if (required) throw new ContributionInputError(field, 'is required');
    return null;
  }
  if (trimmed.length > max) throw new ContributionInputError(field, `is ${trimmed.length} characters long; the limit is ${max}`);
  return trimmed;
}

function finite(field: string, value: number | null | undefined): number | null {
  if (value == null) return null;
  if (!Number.isFinite(value)) throw new ContributionInputError(field, 'must be a finite number');
  return value;
}

export function validateCluster(input: ClusterRef, field = 'cluster'): ValidCluster {
  const formulaText = text(`${field}.formula`, input.formula, CONTRIBUTION_LIMITS.maxFormulaLength, true)!;
  let composition: ElementCount[];
  try {
    composition = parseFormula(formulaText);
  } catch (err) {
    if (err instanceof FormulaError) throw new ContributionInputError(`${field}.formula`, err.message);
    throw err;
  }
  const atomCount = composition.reduce((s, p) => s + p.count, 0);
  if (atomCount < 2) throw new ContributionInputError(`${field}.formula`, 'a cluster has at least 2 atoms');
  if (atomCount > CONTRIBUTION_LIMITS.maxAtoms) {
    throw new ContributionInputError(`${field}.formula`, `${atomCount} atoms; clusters of at most ${CONTRIBUTION_LIMITS.maxAtoms} atoms are accepted`);
  }
  if (!Number.isInteger(input.charge)) throw new ContributionInputError(`${field}.charge`, 'must be a whole number');
  try {
    chargeWord(input.charge);
  } catch (err) {
    if (err instanceof FormulaError) throw new ContributionInputError(`${field}.charge`, err.message);
    throw err;
  }
  const multiplicity = input.multiplicity ?? null;
  if (
    multiplicity !== null &&
    (!Number.isInteger(multiplicity) || multiplicity < 1 || multiplicity > 21 || !isMultiplicityConsistent(composition, input.charge, multiplicity))
  ) {
    throw new ContributionInputError(
      `${field}.multiplicity`,
      `${multiplicity} is not a possible spin multiplicity for ${formatFormula(composition)} with charge ${input.charge}`,
    );
  }
  const formula = formatFormula(composition);
  return { id: clusterId(formula, input.charge), formula, composition, charge: input.charge, multiplicity, atomCount };
}

export function validateMeasurement(input: MeasurementInput, cluster: ValidCluster, field = 'measurement'): ValidMeasurement {
  const reactantText = text(`${field}.reactant`, input.reactant, 20, true)!;
  const reactant = findReactant(reactantText);
  if (!reactant) {
    throw new ContributionInputError(`${field}.reactant`, `"${reactantText.slice(0, 20)}" is not a known reactant; known: ${[...REACTANTS.keys()].join(', ')}`);
  }
  const factor = K1_UNITS[input.k1Unit];
  if (factor === undefined) throw new ContributionInputError(`${field}.k1Unit`, `unknown unit; use one of ${Object.keys(K1_UNITS).join(', ')}`);
  const k1Value = finite(`${field}.k1`, input.k1);
  if (k1Value === null || k1Value <= 0) throw new ContributionInputError(`${field}.k1`, 'must be a positive number');
  const k1 = k1Value * factor;
  if (k1 < CONTRIBUTION_LIMITS.minK1Cm3PerMoleculeS) {
    throw new ContributionInputError(
      `${field}.k1`,
      `${k1.toExponential(2)} cm³ molecule⁻¹ s⁻¹ is below the smallest measurable rate (${CONTRIBUTION_LIMITS.minK1Cm3PerMoleculeS.toExponential(0)}); check the unit and exponent`,
    );
  }
  const uncertaintyValue = finite(`${field}.k1Uncertainty`, input.k1Uncertainty);
  if (uncertaintyValue !== null && uncertaintyValue < 0) throw new ContributionInputError(`${field}.k1Uncertainty`, 'must not be negative');
  const temperatureK = finite(`${field}.temperatureK`, input.temperatureK);
  if (temperatureK !== null && (temperatureK < CONTRIBUTION_LIMITS.minTemperatureK || temperatureK > CONTRIBUTION_LIMITS.maxTemperatureK)) {
    throw new ContributionInputError(
      `${field}.temperatureK`,
      `must be between ${CONTRIBUTION_LIMITS.minTemperatureK} and ${CONTRIBUTION_LIMITS.maxTemperatureK} K`,
    );
  }
  const pressure = finite(`${field}.pressure`, input.pressure);
  if (pressure !== null && pressure < 0) throw new ContributionInputError(`${field}.pressure`, 'must not be negative');
  if (pressure !== null && !input.pressureUnit) throw new ContributionInputError(`${field}.pressureUnit`, 'is required with a pressure');
  const pressureFactor = input.pressureUnit ? PRESSURE_UNITS[input.pressureUnit] : 1;
  if (pressureFactor === undefined)
    throw new ContributionInputError(`${field}.pressureUnit`, `unknown unit; use one of ${Object.keys(PRESSURE_UNITS).join(', ')}`);
  if (!(TECHNIQUES as readonly string[]).includes(input.technique)) {
    throw new ContributionInputError(`${field}.technique`, `use one of ${TECHNIQUES.join(', ')}`);
  }
  const doi = text(`${field}.doi`, input.doi, CONTRIBUTION_LIMITS.maxShortTextLength, false);
  // The DOI handbook's syntax: "10." registrant code "/" suffix; resolvers accept nothing else.
  if (doi !== null && !/^10\.\d{4,9}\/\S+$/.test(doi))
    throw new ContributionInputError(`${field}.doi`, 'must look like 10.1021/jacsau.5c00451 (no https://doi.org/ prefix)');
  const captureLimit = reactantCaptureLimitCm3PerMoleculeS(cluster.composition, cluster.charge, reactant, temperatureK ?? 300);
  const explanation = text(`${field}.captureLimitExplanation`, input.captureLimitExplanation, CONTRIBUTION_LIMITS.maxTextLength, false);
  if (k1 > captureLimit) {
    if (!input.exceedsCaptureLimit || explanation === null) {
      throw new ContributionInputError(
        `${field}.k1`,
        `${k1.toExponential(2)} cm³ molecule⁻¹ s⁻¹ is above the capture limit ${captureLimit.toExponential(2)} for ${cluster.formula} (charge ${cluster.charge}) + ${reactant.formula}; check the value, or set exceedsCaptureLimit and explain why in captureLimitExplanation`,
      );
    }
  }
  return {
    reactant: reactant.formula,
    k1Cm3PerMoleculeS: k1,
    log10K1: Math.log10(k1),
    k1UncertaintyCm3PerMoleculeS: uncertaintyValue === null ? null : uncertaintyValue * factor,
    temperatureK,
    pressurePa: pressure === null ? null : pressure * pressureFactor,
    technique: input.technique,
    techniqueDetail: text(`${field}.techniqueDetail`, input.techniqueDetail, CONTRIBUTION_LIMITS.maxShortTextLength, false),
    doi,
    citation: text(`${field}.citation`, input.citation, CONTRIBUTION_LIMITS.maxTextLength, true)!,
    notes: text(`${field}.notes`, input.notes, CONTRIBUTION_LIMITS.maxTextLength, false),
    captureLimitCm3PerMoleculeS: captureLimit,
    captureLimitExplanation: k1 > captureLimit ? explanation : null,
  };
}

export function validateClusterSubmission(input: ClusterRef & { xyz?: string | null; measurements?: MeasurementInput[] | null }): ValidClusterSubmission {
  const cluster = validateCluster(input, 'cluster');
  const measurementsInput = input.measurements ?? [];
  if (measurementsInput.length > CONTRIBUTION_LIMITS.maxMeasurementsPerCluster) {
    throw new ContributionInputError('cluster.measurements', `at most ${CONTRIBUTION_LIMITS.maxMeasurementsPerCluster} measurements per submission`);
  }
  const measurements = measurementsInput.map((m, i) => validateMeasurement(m, cluster, `cluster.measurements[${i}]`));
  let xyz: string | null = null;
  let atoms: GeometryAtom[] | null = null;
  if (input.xyz != null && input.xyz.trim() !== '') {
    if (input.xyz.length > CONTRIBUTION_LIMITS.maxXyzCharacters) {
      throw new ContributionInputError('cluster.xyz', `is ${input.xyz.length} characters long; the limit is ${CONTRIBUTION_LIMITS.maxXyzCharacters}`);
    }
    try {
      atoms = parseXyz(input.xyz, { maxAtoms: CONTRIBUTION_LIMITS.maxAtoms }).atoms;
    } catch (err) {
      if (err instanceof XyzParseError) throw new ContributionInputError('cluster.xyz', err.message);
      throw err;
    }
    const counts = new Map<string, number>();
    for (const a of atoms) counts.set(a.element, (counts.get(a.element) ?? 0) + 1);
    const expected = new Map(cluster.composition.map((p) => [p.element, p.count]));
    const same = counts.size === expected.size && [...counts].every(([el, n]) => expected.get(el) === n);
    if (!same) {
      const found = [...counts].map(([el, n]) => `${el}${n === 1 ? '' : n}`).join('');
      throw new ContributionInputError('cluster.xyz', `its atoms (${found}) do not match the formula ${cluster.formula}`);
    }
    xyz = input.xyz.trim();
  }
  return { ...cluster, xyz, atoms, measurements };
}

export function validateIdempotencyKey(key: string | null | undefined): string | null {
  if (key == null) return null;
  if (key.length === 0 || key.length > CONTRIBUTION_LIMITS.maxIdempotencyKeyLength || !/^[\x21-\x7e]+$/.test(key)) {
    throw new ContributionInputError('idempotencyKey', `must be 1–${CONTRIBUTION_LIMITS.maxIdempotencyKeyLength} printable ASCII characters without spaces`);
  }
  return key;
}
