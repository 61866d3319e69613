import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseXyz } from '../../server/src/chem/geometry';
import { OUT_OF_DOMAIN_WIDENING } from '../../server/src/ml/calibration';
import { stackInfo } from '../helpers/stack-info';

const { apiUrl, datasetVersion } = stackInfo();
const seed = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'seed', 'data', 'clusters.json'), 'utf8')) as {
  clusters: Array<{ id: string; charge: number; measurements: Array<{ log10K1: number }> }>;
};
const oof = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'models', 'served', 'oof-predictions.json'), 'utf8')) as {
  protocols: Array<{ key: string; rows: Array<{ id: string; gin?: { meanLog10K1: number; stdLog10K1: number } }> }>;
};
const calibration = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'models', 'served', 'calibration.json'), 'utf8')) as {
  protocol: string;
  method: { score: string };
  halfWidth: { '68': number; '95': number };
  halfWidthByNuclearity: Record<'homonuclear' | 'heteronuclear', { '68': number; '95': number }>;
};
const STRUCTURES = path.join(__dirname, '..', '..', 'seed', 'structures', 'data');

const exportUrl = (format: 'csv' | 'json', filter?: unknown) =>
  `${apiUrl}/download/export.${format}${filter === undefined ? '' : `?filter=${encodeURIComponent(typeof filter === 'string' ? filter : JSON.stringify(filter))}`}`;

function parseCsv(text: string): Array<Record<string, string>> {
  const [head, ...lines] = text.trim().split('\n');
  const columns = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [columns[i], v])));
}

describe('export of a result set', () => {
  it('exports the Mo?S2 anions as CSV with held-out predictions, units in the column names and the dataset version', async () => {
    const res = await fetch(exportUrl('csv', { formula: 'Mo?S2-' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('x-dataset-version')).toBe(datasetVersion);
    expect(res.headers.get('link')).toContain('10.1021/acscatal.5c01379');
    const rows = parseCsv(await res.text());
    const expectedIds = seed.clusters
      .filter((c) => /^Mo\d*S2-anion$/.test(c.id))
      .map((c) => c.id)
      .sort();
    expect(rows.map((r) => r.id).sort()).toEqual(expectedIds);
    const protocol = oof.protocols[0];
    const mo5s2 = rows.find((r) => r.id === 'Mo5S2-anion')!;
    const expectedHeldOut = protocol.rows.find((r) => r.id === 'Mo5S2-anion')!.gin!.meanLog10K1;
    expect(Number(mo5s2[`heldout_${protocol.key}_log10_k1`])).toBeCloseTo(expectedHeldOut, 6);
    expect(Object.keys(mo5s2)).toEqual(expect.arrayContaining(['log10_k1', 'k1_cm3_per_molecule_s', 'dataset_version', 'source_doi']));
    expect(mo5s2.dataset_version).toBe(datasetVersion);
    expect(Number(mo5s2.log10_k1)).toBeCloseTo(seed.clusters.find((c) => c.id === 'Mo5S2-anion')!.measurements[0].log10K1, 6);
  });

  it('exports JSON with units, licence, citation and every row of the filter', async () => {
    const res = await fetch(exportUrl('json', { formula: 'Ta3S*', charges: [0] }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.dataset.version).toBe(datasetVersion);
    expect(body.units.k1).toBe('cm^3 molecule^-1 s^-1');
    expect(body.licence.computed).toMatch(/CC-BY-4\.0/);
    expect(body.howToCite.measurements.doi).toBe('10.1021/acscatal.5c01379');
    const ids = body.clusters.map((c: { id: string }) => c.id).sort();
    expect(ids).toEqual(
      seed.clusters
        .filter((c) => /^Ta3(S\d*)?-neutral$/.test(c.id))
        .map((c) => c.id)
        .sort(),
    );
    expect(body.clusters[0].heldOutPredictions.length).toBeGreaterThan(0);
    expect(body.clusters[0].measurements[0].source.doi).toBe('10.1021/acscatal.5c01379');
  });

  it('exports the headline held-out prediction with its conformal intervals, widths from models/served/calibration.json', async () => {
    // The served intervals are prediction ± halfWidth (absolute score); a sigma-scored calibration would need the SD too.
    expect(calibration.method.score).toBe('absolute');
    // Mo?S2¯ clusters have one metal element: the homonuclear class's half-widths (Mondrian calibration).
    const halfWidth = calibration.halfWidthByNuclearity.homonuclear;
    const heldOut = new Map(oof.protocols.find((p) => p.key === calibration.protocol)!.rows.map((r) => [r.id, r.gin!]));
    const csv = parseCsv(await (await fetch(exportUrl('csv', { formula: 'Mo?S2-' }))).text());
    const json = (await (await fetch(exportUrl('json', { formula: 'Mo?S2-' }))).json()) as {
      clusters: Array<{
        id: string;
        prediction: {
          kind: string;
          protocol: string;
          log10K1: number;
          interval68: { lowLog10K1: number; highLog10K1: number; calibrated: boolean };
          interval95: { lowLog10K1: number; highLog10K1: number; calibrated: boolean };
        } | null;
      }>;
    };
    expect(csv.length).toBeGreaterThan(2);
    expect(json.clusters.map((c) => c.id).sort()).toEqual(csv.map((r) => r.id).sort());
    for (const row of csv) {
      const oofRow = heldOut.get(row.id)!;
      expect(row.prediction_kind).toBe('HELD_OUT');
      expect(row.prediction_protocol).toBe(calibration.protocol);
      const point = Number(row.prediction_log10_k1);
      // The point is the out-of-fold mean, bounded above by the capture limit.
      expect(point).toBeLessThanOrEqual(oofRow.meanLog10K1 + 1e-9);
      const widen = row.prediction_intervals_calibrated === 'true' ? 1 : OUT_OF_DOMAIN_WIDENING;
      for (const level of ['68', '95'] as const) {
        const low = Number(row[`prediction_low${level}_log10_k1`]);
        const high = Number(row[`prediction_high${level}_log10_k1`]);
        expect(low).toBeLessThanOrEqual(point);
        expect(high).toBeGreaterThanOrEqual(point);
        expect(point - low).toBeCloseTo(halfWidth[level] * widen, 6);
        // The upper bound may be clipped at the capture limit, never widened past the half-width.
        expect(high - point).toBeLessThanOrEqual(halfWidth[level] * widen + 1e-9);
      }
      expect(Number(row.prediction_low95_log10_k1)).toBeLessThan(Number(row.prediction_low68_log10_k1));
      const fromJson = json.clusters.find((c) => c.id === row.id)!.prediction!;
      expect(fromJson.kind).toBe('HELD_OUT');
      expect(fromJson.log10K1).toBeCloseTo(point, 9);
      expect(fromJson.interval95.lowLog10K1).toBeCloseTo(Number(row.prediction_low95_log10_k1), 9);
      expect(fromJson.interval68.highLog10K1).toBeCloseTo(Number(row.prediction_high68_log10_k1), 9);
    }
    // Most of this family is not capped: the point is then exactly the out-of-fold value.
    expect(csv.filter((r) => Math.abs(Number(r.prediction_log10_k1) - heldOut.get(r.id)!.meanLog10K1) < 1e-6).length).toBeGreaterThan(0);
  });

  it('without a filter exports the whole catalog', async () => {
    const rows = parseCsv(await (await fetch(exportUrl('csv'))).text());
    expect(rows).toHaveLength(seed.clusters.length);
  });

  const bad: Array<[string, string, RegExp]> = [
    ['not JSON', '{formula:', /not valid JSON/],
    ['a wrong type', JSON.stringify({ charges: 'minus one' }), /filter\.charges/],
    ['an unknown key', JSON.stringify({ formulae: 'Mo5S2' }), /filter/],
    ['a bad composition', JSON.stringify({ formula: 'Mo3Qq' }), /^Composition “Mo3Qq”: unknown element "Qq"/],
    ['an over-long filter', JSON.stringify({ formula: 'x'.repeat(3000) }), /limit is 2000/],
  ];
  it.each(bad)('rejects %s with 400 and a message about the input', async (_name, filter, message) => {
    const res = await fetch(exportUrl('json', filter));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(message);
    expect(body.errors[0].message.length).toBeLessThan(300);
  });
});

describe('bulk structure downloads', () => {
  it('serves every isomer as one extended-XYZ file, with charge and partial charges', async () => {
    const res = await fetch(`${apiUrl}/download/structures.extxyz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(datasetVersion.replace(/[^A-Za-z0-9.-]/g, '_'));
    const text = await res.text();
    const frames = text.split('\n').filter((l) => l.includes('Properties='));
    const files = execFileSync('ls', [STRUCTURES]).toString().trim().split('\n');
    const isomerCount = files.reduce((n, f) => n + (JSON.parse(readFileSync(path.join(STRUCTURES, f), 'utf8')) as { isomers: unknown[] }).isomers.length, 0);
    expect(frames).toHaveLength(isomerCount);
    expect(text).toMatch(/cluster=Mo5S2-anion/);
    expect(text).toMatch(/partial_charge/);
  });

  it('serves every isomer as an XYZ file in a tar.gz archive that tar can list and read', async () => {
    const res = await fetch(`${apiUrl}/download/structures-xyz.tar.gz`);
    expect(res.status).toBe(200);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'clusteratlas-tar-'));
    try {
      const archive = path.join(dir, 'x.tar.gz');
      writeFileSync(archive, Buffer.from(await res.arrayBuffer()));
      const names = execFileSync('tar', ['-tzf', archive]).toString().trim().split('\n');
      expect(names.some((n) => n.endsWith('/README.txt'))).toBe(true);
      const mo5s2 = names.find((n) => n.endsWith('/Mo5S2-anion/rank0.xyz'))!;
      expect(mo5s2).toBeDefined();
      const xyz = execFileSync('tar', ['-xzOf', archive, mo5s2]).toString();
      const stored = JSON.parse(readFileSync(path.join(STRUCTURES, 'Mo5S2-anion.json'), 'utf8')) as { isomers: Array<{ atoms: unknown[] }> };
      expect(parseXyz(xyz).atoms).toHaveLength(stored.isomers[0].atoms.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves the out-of-fold predictions of the served model', async () => {
    const res = await fetch(`${apiUrl}/download/oof-predictions.json`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.protocols.map((p: { key: string }) => p.key)).toEqual(oof.protocols.map((p) => p.key));
  });
});
