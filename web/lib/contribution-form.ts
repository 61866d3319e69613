/**
 * The submit forms' own checks, run as the user types, so most mistakes are named beside the
 * field before anything is sent. The API checks everything again and stays the authority; its
 * BAD_USER_INPUT errors name the field (`extensions.argument`, e.g. "cluster.measurements[0].k1"),
 * which `fieldOfArgument` maps back onto the form.
 */
import { ELEMENT_SYMBOLS } from './xyz';

/** The API's limits (server/src/services/contribution-input.ts CONTRIBUTION_LIMITS). */
export const SUBMIT_LIMITS = { minAtoms: 2, maxAtoms: 20, maxFormulaLength: 64, maxXyzCharacters: 5000, maxText: 2000, maxShortText: 200 } as const;

export const K1_UNIT_LABELS = {
  CM3_PER_MOLECULE_S: 'cm³ molecule⁻¹ s⁻¹',
  M3_PER_MOLECULE_S: 'm³ molecule⁻¹ s⁻¹',
  CM3_PER_MOL_S: 'cm³ mol⁻¹ s⁻¹',
  L_PER_MOL_S: 'L mol⁻¹ s⁻¹ (M⁻¹ s⁻¹)',
} as const;

export const PRESSURE_UNIT_LABELS = { PA: 'Pa', TORR: 'Torr', MBAR: 'mbar' } as const;

export const TECHNIQUE_LABELS = {
  FLOW_TUBE: 'Flow tube',
  FAST_FLOW_REACTOR: 'Fast-flow reactor',
  FT_ICR: 'FT-ICR',
  ION_TRAP: 'Ion trap',
  LINEAR_ION_TRAP: 'Linear ion trap',
  GUIDED_ION_BEAM: 'Guided ion beam',
  SELECTED_ION_FLOW_TUBE: 'Selected-ion flow tube (SIFT)',
  OTHER: 'Other (say which in the detail)',
} as const;

export type K1UnitKey = keyof typeof K1_UNIT_LABELS;
export type PressureUnitKey = keyof typeof PRESSURE_UNIT_LABELS;
export type TechniqueKey = keyof typeof TECHNIQUE_LABELS;

/** A measurement as typed: every field a string until it is sent. */
export interface MeasurementDraft {
  reactant: string;
  k1: string;
  k1Unit: K1UnitKey;
  k1Uncertainty: string;
  temperatureK: string;
  pressure: string;
  pressureUnit: PressureUnitKey;
  technique: TechniqueKey;
  techniqueDetail: string;
  doi: string;
  citation: string;
  notes: string;
  exceedsCaptureLimit: boolean;
  captureLimitExplanation: string;
}

export const emptyMeasurement = (): MeasurementDraft => ({
  reactant: 'N2',
  k1: '',
  k1Unit: 'CM3_PER_MOLECULE_S',
  k1Uncertainty: '',
  temperatureK: '300',
  pressure: '',
  pressureUnit: 'PA',
  technique: 'FLOW_TUBE',
  techniqueDetail: '',
  doi: '',
  citation: '',
  notes: '',
  exceedsCaptureLimit: false,
  captureLimitExplanation: '',
});

export type MeasurementErrors = Partial<Record<keyof MeasurementDraft, string>>;

/** "1.2e-10", "1.2E-10", "1.2×10^-10" and "1.2x10-10" all read as 1.2e-10. */
export function parseNumber(text: string): number | null {
  const t = text
    .trim()
    .replace(/\s+/g, '')
    .replace(/[−–]/g, '-')
    .replace(/^([-+]?[\d.]+)[×x*]10\^?([-+]?\d+)$/i, '$1e$2');
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** A formula such as "Mo5S2": element symbols with counts, 2–20 atoms. Returns the problem or null. */
export function checkFormula(text: string): string | null {
  const t = text.trim();
  if (!t) return 'Enter the formula, e.g. Mo5S2.';
  if (t.length > SUBMIT_LIMITS.maxFormulaLength) return `At most ${SUBMIT_LIMITS.maxFormulaLength} characters.`;
  const re = /([A-Z][a-z]?)(\d*)/gy;
  let atoms = 0;
  let at = 0;
  let m: RegExpExecArray | null;
  while (at < t.length && (m = re.exec(t)) !== null) {
    if (!ELEMENT_SYMBOLS.has(m[1])) return `"${m[1]}" (character ${at + 1}) is not an element symbol.`;
    if (m[2] === '0') return `The count of ${m[1]} is 0; leave the element out instead.`;
    atoms += m[2] ? Number(m[2]) : 1;
    at = re.lastIndex;
  }
  if (at < t.length) {
    const rest = t.slice(at);
    const hint = /^[a-z]/.test(rest) ? ' Element symbols start with a capital letter.' : '';
    return `Cannot read "${rest.slice(0, 10)}" (character ${at + 1}).${hint}`;
  }
  if (atoms < SUBMIT_LIMITS.minAtoms) return 'A cluster has at least 2 atoms.';
  if (atoms > SUBMIT_LIMITS.maxAtoms) return `${atoms} atoms; clusters of at most ${SUBMIT_LIMITS.maxAtoms} atoms are accepted.`;
  return null;
}

export function checkCharge(text: string): string | null {
  const t = text.trim().replace(/[−–]/g, '-');
  if (!/^[-+]?\d+$/.test(t)) return 'The charge is a whole number, e.g. -1 for an anion, 0 for a neutral cluster.';
  if (Math.abs(Number(t)) > 3) return 'Charges from −3 to +3 are accepted.';
  return null;
}

export function checkMultiplicity(text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > 21) return 'The multiplicity 2S+1 is a whole number from 1 to 21 (leave it empty when unknown).';
  return null;
}

export function checkMeasurement(m: MeasurementDraft, reactants: readonly string[]): MeasurementErrors {
  const e: MeasurementErrors = {};
  if (!reactants.includes(m.reactant)) e.reactant = `Choose one of ${reactants.join(', ')}.`;
  const k1 = parseNumber(m.k1);
  if (m.k1.trim() === '') e.k1 = 'Enter the rate constant, e.g. 1.2e-10.';
  else if (k1 === null) e.k1 = 'Not a number; write e.g. 1.2e-10 or 1.2×10^-10.';
  else if (k1 <= 0) e.k1 = 'The rate constant is positive.';
  if (m.k1Uncertainty.trim()) {
    const u = parseNumber(m.k1Uncertainty);
    if (u === null) e.k1Uncertainty = 'Not a number.';
    else if (u < 0) e.k1Uncertainty = 'The uncertainty is not negative.';
    else if (k1 !== null && k1 > 0 && u > 10 * k1) e.k1Uncertainty = 'Larger than ten times k1: is it in the same unit as k1?';
  }
  if (m.temperatureK.trim()) {
    const t = parseNumber(m.temperatureK);
    if (t === null || t < 1 || t > 5000) e.temperatureK = 'A temperature between 1 and 5000 K.';
  }
  if (m.pressure.trim()) {
    const p = parseNumber(m.pressure);
    if (p === null || p < 0) e.pressure = 'A pressure of 0 or more.';
  }
  if (m.technique === 'OTHER' && !m.techniqueDetail.trim()) e.techniqueDetail = 'Say which technique.';
  if (m.techniqueDetail.length > SUBMIT_LIMITS.maxShortText) e.techniqueDetail = `At most ${SUBMIT_LIMITS.maxShortText} characters.`;
  const doi = m.doi.trim().replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
  if (doi && !/^10\.\d{4,9}\/\S+$/.test(doi)) e.doi = 'A DOI looks like 10.1021/jacsau.5c00451.';
  if (!m.citation.trim()) e.citation = 'Cite the source (authors, journal, year), or the lab notebook for unpublished data.';
  else if (m.citation.length > SUBMIT_LIMITS.maxText) e.citation = `At most ${SUBMIT_LIMITS.maxText} characters.`;
  if (m.notes.length > SUBMIT_LIMITS.maxText) e.notes = `At most ${SUBMIT_LIMITS.maxText} characters.`;
  if (m.exceedsCaptureLimit && !m.captureLimitExplanation.trim()) e.captureLimitExplanation = 'Explain why the rate is above the capture limit.';
  return e;
}

/** The GraphQL input for a checked draft. */
export function measurementInput(m: MeasurementDraft) {
  const num = (s: string) => (s.trim() ? parseNumber(s) : null);
  const text = (s: string) => (s.trim() ? s.trim() : null);
  const pressure = num(m.pressure);
  return {
    reactant: m.reactant,
    k1: parseNumber(m.k1) ?? NaN,
    k1Unit: m.k1Unit,
    k1Uncertainty: num(m.k1Uncertainty),
    temperatureK: num(m.temperatureK),
    pressure,
    pressureUnit: pressure === null ? null : m.pressureUnit,
    technique: m.technique,
    techniqueDetail: text(m.techniqueDetail),
    doi: text(m.doi.replace(/^\s*https?:\/\/(dx\.)?doi\.org\//i, '')),
    citation: m.citation.trim(),
    notes: text(m.notes),
    exceedsCaptureLimit: m.exceedsCaptureLimit || null,
    captureLimitExplanation: m.exceedsCaptureLimit ? text(m.captureLimitExplanation) : null,
  };
}

/**
 * Where an API error belongs: "cluster.formula" → {field: "formula"},
 * "cluster.measurements[1].k1" → {measurement: 1, field: "k1"}, "measurement.k1" → {measurement: 0, field: "k1"}.
 */
export function fieldOfArgument(argument: string | undefined): { measurement: number | null; field: string } | null {
  if (!argument) return null;
  const m = /^(?:cluster\.measurements\[(\d+)\]|measurement)\.(\w+)$/.exec(argument);
  if (m) return { measurement: m[1] === undefined ? 0 : Number(m[1]), field: m[2] };
  const c = /^cluster(?:\.(\w+))?$/.exec(argument);
  if (c) return { measurement: null, field: c[1] ?? 'formula' };
  return { measurement: null, field: argument };
}

/** Element counts of a formula that passed checkFormula ("Mo3S2" → Mo 3, S 2). */
export function formulaCounts(formula: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of formula.trim().matchAll(/([A-Z][a-z]?)(\d*)/g)) counts.set(m[1], (counts.get(m[1]) ?? 0) + (m[2] ? Number(m[2]) : 1));
  return counts;
}

/** Whether the atoms of a well-formed XYZ text are those of the formula (the API refuses it otherwise). */
export function checkXyzAgainstFormula(xyz: string, formula: string): string | null {
  const lines = xyz.replace(/\r\n?/g, '\n').split('\n').slice(2);
  const found = new Map<string, number>();
  for (const line of lines) {
    const symbol = line.trim().split(/\s+/)[0];
    if (!symbol) continue;
    const el = symbol[0].toUpperCase() + symbol.slice(1).toLowerCase();
    found.set(el, (found.get(el) ?? 0) + 1);
  }
  const expected = formulaCounts(formula);
  const same = found.size === expected.size && [...found].every(([el, n]) => expected.get(el) === n);
  if (same) return null;
  const text = [...found].map(([el, n]) => `${el}${n === 1 ? '' : n}`).join('');
  return `The structure's atoms (${text}) are not those of ${formula.trim()}.`;
}

/** A key per form: a second click, or a retry after a lost answer, finds the first submission. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only in secure contexts; a site served over plain http on a LAN address still needs a key.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
