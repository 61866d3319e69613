import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { StructureFile } from '../load/seed-file';
import {
  ContributionInputError,
  validateCluster,
  validateClusterSubmission,
  validateIdempotencyKey,
  validateMeasurement,
  type MeasurementInput,
} from './contribution-input';
import { submissionDiff, type SubmissionPayload } from './contribution.service';

const AVOGADRO = 6.02214076e23;
const mo5s2 = validateCluster({ formula: 'Mo5S2', charge: -1 });
const base: MeasurementInput = {
  reactant: 'N2',
  k1: 1.5e-10,
  k1Unit: 'CM3_PER_MOLECULE_S',
  technique: 'FLOW_TUBE',
  citation: 'Mou et al., JACS Au 2025, 5, 3669',
};

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof ContributionInputError) return err.field;
    throw err;
  }
  throw new Error('no error');
}

describe('validateCluster', () => {
  it('gives the catalog id for formula + charge', () => {
    expect(mo5s2).toMatchObject({ id: 'Mo5S2-anion', formula: 'Mo5S2', charge: -1, atomCount: 7 });
    expect(validateCluster({ formula: 'Ta3H4', charge: -1 }).id).toBe('Ta3H4-anion');
  });

  it('names the field of each problem', () => {
    expect(fieldOf(() => validateCluster({ formula: 'Xx3', charge: 0 }))).toBe('cluster.formula');
    expect(fieldOf(() => validateCluster({ formula: 'Mo', charge: 0 }))).toBe('cluster.formula');
    expect(fieldOf(() => validateCluster({ formula: 'Mo30', charge: 0 }))).toBe('cluster.formula');
    expect(fieldOf(() => validateCluster({ formula: 'Mo5S2', charge: 0.5 }))).toBe('cluster.charge');
    expect(fieldOf(() => validateCluster({ formula: 'Mo5S2', charge: -9 }))).toBe('cluster.charge');
    // Mo5S2⁻ has an odd electron count (5×42 + 2×16 + 1 = 243): only even multiplicities exist.
    expect(fieldOf(() => validateCluster({ formula: 'Mo5S2', charge: -1, multiplicity: 3 }))).toBe('cluster.multiplicity');
    expect(validateCluster({ formula: 'Mo5S2', charge: -1, multiplicity: 2 }).multiplicity).toBe(2);
  });
});

describe('validateMeasurement', () => {
  it('converts every unit to cm³ molecule⁻¹ s⁻¹ and pressures to Pa', () => {
    const m = validateMeasurement({ ...base, k1: 1.5e-16, k1Unit: 'M3_PER_MOLECULE_S', pressure: 0.5, pressureUnit: 'TORR' }, mo5s2);
    expect(m.k1Cm3PerMoleculeS).toBeCloseTo(1.5e-10, 20);
    expect(m.pressurePa).toBeCloseTo(66.66, 1);
    const molar = validateMeasurement({ ...base, k1: 9.0e13 / 1000, k1Unit: 'L_PER_MOL_S' }, mo5s2);
    expect(molar.k1Cm3PerMoleculeS).toBeCloseTo((9.0e13 / AVOGADRO) * 1, 20);
    expect(molar.log10K1).toBeCloseTo(Math.log10(9.0e13 / AVOGADRO), 10);
  });

  it('refuses a rate above the Langevin capture limit (about 6×10⁻¹⁰ for Mo5S2⁻ + N2) unless explained', () => {
    expect(fieldOf(() => validateMeasurement({ ...base, k1: 2e-9 }, mo5s2))).toBe('measurement.k1');
    expect(fieldOf(() => validateMeasurement({ ...base, k1: 2e-9, exceedsCaptureLimit: true }, mo5s2))).toBe('measurement.k1');
    const flagged = validateMeasurement(
      { ...base, k1: 2e-9, exceedsCaptureLimit: true, captureLimitExplanation: 'reported so; suspected calibration error' },
      mo5s2,
    );
    expect(flagged.captureLimitExplanation).toMatch(/calibration/);
    // Within the limit an explanation is not kept.
    expect(validateMeasurement({ ...base, captureLimitExplanation: 'n/a' }, mo5s2).captureLimitExplanation).toBeNull();
  });

  it('checks reactant, DOI, technique, temperature and text lengths', () => {
    expect(fieldOf(() => validateMeasurement({ ...base, reactant: 'Xe' }, mo5s2))).toBe('measurement.reactant');
    expect(fieldOf(() => validateMeasurement({ ...base, doi: 'https://doi.org/10.1021/x' }, mo5s2))).toBe('measurement.doi');
    expect(validateMeasurement({ ...base, doi: '10.1021/jacsau.5c00451' }, mo5s2).doi).toBe('10.1021/jacsau.5c00451');
    expect(fieldOf(() => validateMeasurement({ ...base, technique: 'MAGIC' as never }, mo5s2))).toBe('measurement.technique');
    expect(fieldOf(() => validateMeasurement({ ...base, temperatureK: 0 }, mo5s2))).toBe('measurement.temperatureK');
    expect(fieldOf(() => validateMeasurement({ ...base, citation: ' ' }, mo5s2))).toBe('measurement.citation');
    expect(fieldOf(() => validateMeasurement({ ...base, notes: 'x'.repeat(2001) }, mo5s2))).toBe('measurement.notes');
    expect(fieldOf(() => validateMeasurement({ ...base, k1: 1e-25 }, mo5s2))).toBe('measurement.k1');
    expect(fieldOf(() => validateMeasurement({ ...base, k1: Number.NaN }, mo5s2))).toBe('measurement.k1');
  });
});

describe('validateClusterSubmission', () => {
  const file = JSON.parse(readFileSync(path.join(__dirname, '../../../seed/structures/data/Mo5S2-anion.json'), 'utf8')) as StructureFile;
  const atoms = file.isomers[0].atoms;
  const xyz = `${atoms.length}\nMo5S2- lowest isomer\n${atoms.map((a) => `${a.element} ${a.xyzAngstrom.join(' ')}`).join('\n')}\n`;

  it('accepts an XYZ whose atoms match the formula', () => {
    const v = validateClusterSubmission({ formula: 'Mo5S2', charge: 0, xyz });
    expect(v.atoms).toHaveLength(7);
    expect(v.id).toBe('Mo5S2-neutral');
  });

  it('refuses an XYZ of another composition, naming cluster.xyz', () => {
    expect(fieldOf(() => validateClusterSubmission({ formula: 'Mo5S3', charge: 0, xyz }))).toBe('cluster.xyz');
    expect(fieldOf(() => validateClusterSubmission({ formula: 'Mo5S2', charge: 0, xyz: '7\n\nMo 0 0 x' }))).toBe('cluster.xyz');
  });

  it('names the measurement that is wrong', () => {
    expect(fieldOf(() => validateClusterSubmission({ formula: 'Mo5S2', charge: 0, measurements: [base, { ...base, k1: -1 }] }))).toBe(
      'cluster.measurements[1].k1',
    );
  });
});

describe('idempotency keys and diffs', () => {
  it('accepts printable keys only', () => {
    expect(validateIdempotencyKey('form-3f2c')).toBe('form-3f2c');
    expect(validateIdempotencyKey(null)).toBeNull();
    expect(fieldOf(() => validateIdempotencyKey('has space'))).toBe('idempotencyKey');
    expect(fieldOf(() => validateIdempotencyKey('k'.repeat(101)))).toBe('idempotencyKey');
  });

  it('describes a new cluster and a first N2 rate field by field', () => {
    const m = validateMeasurement({ ...base, k1: 3e-12 }, validateCluster({ formula: 'Mo5S2', charge: 0 }));
    const payload: SubmissionPayload = {
      cluster: { id: 'Mo5S2-neutral', formula: 'Mo5S2', charge: 0, multiplicity: null, atomCount: 7, composition: [] },
      xyz: null,
      measurements: [m],
    };
    const diff = submissionDiff(payload, null, 'QUEUED');
    expect(diff.map((c) => c.field)).toEqual(['cluster', 'structure', 'measurement (N2)', 'headline log10 k1 (N2)']);
    expect(diff[3]).toEqual({ field: 'headline log10 k1 (N2)', before: null, after: Math.log10(3e-12).toFixed(2) });
  });
});
