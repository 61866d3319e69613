import { readFileSync } from 'node:fs';
import path from 'node:path';
import { conformalIntervals, familyCoverageCaveat, FAMILY_COVERAGE_TOLERANCE, loadCalibration, OUT_OF_DOMAIN_WIDENING, type Calibration } from './calibration';

const MODEL_DIR = process.env.CLUSTERATLAS_MODEL_DIR ?? path.resolve(__dirname, '..', '..', '..', 'models', 'served');

interface OofRow {
  id: string;
  split: string;
  observedLog10K1: number;
  gin: { meanLog10K1: number; stdLog10K1: number };
  /** The same held-out prediction from the evaluation's other seed repeats. */
  ginOtherSeeds: Array<{ meanLog10K1: number; stdLog10K1: number }>;
}

describe('served conformal intervals', () => {
  let calibration: Calibration;
  let raw: { nestedHalfWidthByHeldOutGroup: { protocol: string; groups: Record<string, { '68': number; '95': number }> } };
  let rows: OofRow[];

  beforeAll(async () => {
    calibration = await loadCalibration(path.join(MODEL_DIR, 'calibration.json'));
    raw = JSON.parse(readFileSync(path.join(MODEL_DIR, 'calibration.json'), 'utf8'));
    const oof = JSON.parse(readFileSync(path.join(MODEL_DIR, 'oof-predictions.json'), 'utf8'));
    rows = oof.protocols.find((p: { key: string }) => p.key === calibration.protocol).rows;
  });

  it('cover held-out clusters at the nominal rate (±5 points) when each family is calibrated without itself', () => {
    const nested = raw.nestedHalfWidthByHeldOutGroup;
    expect(nested.protocol).toBe(calibration.protocol);
    const hits = { '68': 0, '95': 0 };
    let n = 0;
    for (const r of rows) {
      const halfWidth = nested.groups[r.split];
      expect(halfWidth).toBeDefined();
      // Every seed repeat's held-out prediction: the served half-widths are calibrated on all of them.
      for (const pred of [r.gin, ...r.ginOtherSeeds]) {
        // The served function, with the calibration computed without this cluster's family.
        const [i68, i95] = conformalIntervals({ ...calibration, halfWidth }, pred.meanLog10K1, pred.stdLog10K1, Infinity);
        if (r.observedLog10K1 >= i68.lowLog10K1 && r.observedLog10K1 <= i68.highLog10K1) hits['68']++;
        if (r.observedLog10K1 >= i95.lowLog10K1 && r.observedLog10K1 <= i95.highLog10K1) hits['95']++;
        n++;
      }
    }
    expect(n).toBe(3 * rows.length);
    expect(rows.length).toBeGreaterThan(100);
    expect(Math.abs(hits['68'] / n - 0.68)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(hits['95'] / n - 0.95)).toBeLessThanOrEqual(0.05);
  });

  it('are far wider than the ensemble SD, which covers too little on held-out data', () => {
    const withinOneSd = rows.filter((r) => Math.abs(r.observedLog10K1 - r.gin.meanLog10K1) <= r.gin.stdLog10K1).length / rows.length;
    expect(withinOneSd).toBeLessThan(0.4);
    const medianSd = [...rows.map((r) => r.gin.stdLog10K1)].sort((a, b) => a - b)[Math.floor(rows.length / 2)];
    expect(calibration.halfWidth['68']).toBeGreaterThan(2.5 * medianSd);
  });

  it('take the half-widths of the cluster’s class (homo- or heteronuclear) from the Mondrian calibration', () => {
    const byClass = calibration.halfWidthByNuclearity!;
    expect(byClass).toBeDefined();
    for (const nuclearity of ['homonuclear', 'heteronuclear'] as const) {
      const [i68, i95] = conformalIntervals(calibration, -13, 0.2, -9, { nuclearity });
      expect(-13 - i68.lowLog10K1).toBeCloseTo(byClass[nuclearity]['68'], 10);
      expect(i95.highLog10K1 - -13).toBeCloseTo(byClass[nuclearity]['95'], 10);
    }
    // Heteronuclear held-out errors are smaller, so their class's intervals are narrower.
    expect(byClass.heteronuclear['68']).toBeLessThan(byClass.homonuclear['68']);
  });

  it('carry a caveat, with the figures, exactly for the families whose own nested coverage fell short', () => {
    const families = calibration.nestedCoverageByFamily!.families;
    expect(Object.keys(families).sort()).toEqual([...new Set(rows.map((r) => r.split))].sort());
    let short = 0;
    for (const [family, c] of Object.entries(families)) {
      const caveat = familyCoverageCaveat(calibration, family);
      const under = c['68'] < 0.68 - FAMILY_COVERAGE_TOLERANCE || c['95'] < 0.95 - FAMILY_COVERAGE_TOLERANCE;
      expect(caveat !== null).toBe(under);
      if (caveat) {
        short++;
        expect(caveat).toContain(`${family} family`);
        expect(caveat).toContain(`${Math.round(c['68'] * 100)} %`);
        expect(caveat).toContain(`${Math.round(c['95'] * 100)} %`);
      }
    }
    // Mo, the largest family, is the clearest case; a family never seen gets no figure.
    expect(familyCoverageCaveat(calibration, 'Mo')).not.toBeNull();
    expect(short).toBeLessThan(Object.keys(families).length);
    expect(familyCoverageCaveat(calibration, 'Nb–W')).toBeNull();
  });

  it('never reach above the capture limit, and are widened and flagged for embedding outliers', () => {
    const [i68, i95] = conformalIntervals(calibration, -9.1, 0.1, -9.2);
    expect(i68.highLog10K1).toBe(-9.2);
    expect(i95.highLog10K1).toBe(-9.2);
    expect(i95.lowLog10K1).toBeLessThan(i68.lowLog10K1);
    const [w68] = conformalIntervals(calibration, -12, 0.1, -9.2, { widen: true });
    const [n68] = conformalIntervals(calibration, -12, 0.1, -9.2);
    expect(w68.calibrated).toBe(false);
    expect(n68.calibrated).toBe(true);
    expect(-12 - w68.lowLog10K1).toBeCloseTo(OUT_OF_DOMAIN_WIDENING * (-12 - n68.lowLog10K1), 10);
  });
});
