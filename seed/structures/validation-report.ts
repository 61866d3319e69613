import { bondGraphSignature, isConnected, shortestContact, tightestContact, type GeometryAtom } from '../../server/src/chem/geometry';
import type { SeedCluster, StructureFile } from '../../server/src/load/seed-file';
import { SEARCH_SETTINGS, settingsHash } from '../../server/src/xtb/search/search-settings';

export interface ClusterValidation {
  clusterId: string;
  atoms: number;
  charge: number;
  multiplicity: number | null;
  multiplicitySource: string | null;
  isomers: number;
  energyHartree: number | null;
  homoLumoGapEv: number | null;
  shortestDistanceAngstrom: number | null;
  tightestContactRatio: number | null;
  connected: boolean | null;
  chargeRunaway: boolean | null;
  /** 0 sound GFN2 minimum … 3 (see cluster-search.ts TIER_MEANING). */
  tier: number | null;
  maxAbsPartialCharge: number | null;
  route: string | null;
  electronicTemperatureK: number | null;
  wallTimeSeconds: number | null;
  stale: boolean;
  /** Hard failures: the pipeline exits non-zero when any cluster has one. */
  errors: string[];
  /** Worth a look, not fatal. */
  warnings: string[];
}

export interface ValidationReport {
  settings: { settingsVersion: number; method: string; program: string; bondTolerance: number; minDistanceAngstrom: number; minContactRatio: number };
  summary: {
    clusters: number;
    withStructures: number;
    missing: number;
    stale: number;
    allConnected: boolean;
    minShortestDistanceAngstrom: number | null;
    minTightestContactRatio: number | null;
    chargeRunawayClusters: number;
    clustersByTier: Record<string, number>;
    heteronuclearMultiplicityHigher: number;
    totalIsomers: number;
    sumOfClusterWallTimeSeconds: number;
    errors: number;
  };
  clusters: ClusterValidation[];
}

/** Checks every cluster's structure file against the acceptance rules; reads nothing from disk. */
export function validateStructures(clusters: readonly SeedCluster[], structures: ReadonlyMap<string, StructureFile>): ValidationReport {
  const rows = clusters.map((cluster) => validateOne(cluster, structures.get(cluster.id)));
  const present = rows.filter((r) => r.isomers > 0);
  const minOf = (values: Array<number | null>) => {
    const finite = values.filter((v): v is number => v !== null);
    return finite.length > 0 ? Math.min(...finite) : null;
  };
  return {
    settings: {
      settingsVersion: SEARCH_SETTINGS.pipelineVersion,
      method: SEARCH_SETTINGS.method,
      program: SEARCH_SETTINGS.program,
      bondTolerance: SEARCH_SETTINGS.bondTolerance,
      minDistanceAngstrom: SEARCH_SETTINGS.acceptance.minDistanceAngstrom,
      minContactRatio: SEARCH_SETTINGS.acceptance.minContactRatio,
    },
    summary: {
      clusters: rows.length,
      withStructures: present.length,
      missing: rows.length - present.length,
      stale: rows.filter((r) => r.stale).length,
      allConnected: present.length === rows.length && present.every((r) => r.connected),
      minShortestDistanceAngstrom: minOf(present.map((r) => r.shortestDistanceAngstrom)),
      minTightestContactRatio: minOf(present.map((r) => r.tightestContactRatio)),
      chargeRunawayClusters: present.filter((r) => r.chargeRunaway).length,
      clustersByTier: Object.fromEntries([0, 1, 2, 3].map((t) => [String(t), present.filter((r) => r.tier === t).length])),
      heteronuclearMultiplicityHigher: present.filter((r) => r.multiplicitySource !== 'published' && r.warnings.some((w) => w.startsWith('higher multiplicity'))).length,
      totalIsomers: present.reduce((n, r) => n + r.isomers, 0),
      sumOfClusterWallTimeSeconds: Math.round(present.reduce((t, r) => t + (r.wallTimeSeconds ?? 0), 0)),
      errors: rows.reduce((n, r) => n + r.errors.length, 0),
    },
    clusters: rows,
  };
}

function validateOne(cluster: SeedCluster, file: StructureFile | undefined): ClusterValidation {
  const atomCount = cluster.composition.reduce((n, c) => n + c.count, 0);
  const row: ClusterValidation = {
    clusterId: cluster.id,
    atoms: atomCount,
    charge: cluster.charge,
    multiplicity: file?.multiplicity ?? null,
    multiplicitySource: file?.multiplicitySource ?? null,
    isomers: file?.isomers.length ?? 0,
    energyHartree: file?.isomers[0]?.energyHartree ?? null,
    homoLumoGapEv: (file?.isomers[0]?.homoLumoGapEv as number | undefined) ?? null,
    shortestDistanceAngstrom: null,
    tightestContactRatio: null,
    connected: null,
    chargeRunaway: null,
    tier: null,
    maxAbsPartialCharge: null,
    route: null,
    electronicTemperatureK: null,
    wallTimeSeconds: null,
    stale: false,
    errors: [],
    warnings: [],
  };
  if (!file) {
    row.errors.push('no structure file');
    return row;
  }
  const extra = file as StructureFile & { settingsHash?: string; search?: { wallTimeSeconds?: number; tier?: number; tierMeaning?: string } };
  row.tier = extra.search?.tier ?? null;
  row.stale = extra.settingsHash !== settingsHash(cluster);
  if (row.stale) row.errors.push('settings hash differs from the current settings (stale: rerun structures:search)');
  row.wallTimeSeconds = extra.search?.wallTimeSeconds ?? null;
  if (file.clusterId !== cluster.id) row.errors.push(`file names cluster ${file.clusterId}`);
  if (file.charge !== cluster.charge) row.errors.push(`charge ${file.charge} differs from the seed's ${cluster.charge}`);
  if (cluster.multiplicity !== null && file.multiplicity !== cluster.multiplicity) row.errors.push(`multiplicity ${file.multiplicity} differs from the published ${cluster.multiplicity}`);
  if (file.isomers.length === 0) row.errors.push('no isomers');

  const composition = new Map(cluster.composition.map((c) => [c.element, c.count]));
  const { minDistanceAngstrom, minContactRatio } = SEARCH_SETTINGS.acceptance;
  let connectedAll = true;
  let runaway = false;
  let maxCharge = 0;
  let minDistance = Infinity;
  let minRatio = Infinity;
  const signatures = new Set<string>();
  file.isomers.forEach((isomer, k) => {
    const label = `isomer ${k}`;
    const atoms: GeometryAtom[] = isomer.atoms.map((a) => ({ element: a.element, xyzAngstrom: a.xyzAngstrom }));
    const counts = new Map<string, number>();
    for (const a of atoms) counts.set(a.element, (counts.get(a.element) ?? 0) + 1);
    if (atoms.length !== atomCount || [...composition].some(([el, n]) => counts.get(el) !== n)) row.errors.push(`${label}: atoms do not match the formula ${cluster.formula}`);
    if (!atoms.every((a) => a.xyzAngstrom.length === 3 && a.xyzAngstrom.every(Number.isFinite))) {
      row.errors.push(`${label}: non-finite coordinates`);
      return;
    }
    const connected = isConnected(atoms);
    connectedAll &&= connected;
    if (!connected) row.errors.push(`${label}: not one connected cluster under the bond rule`);
    const closest = shortestContact(atoms);
    const tightest = tightestContact(atoms);
    if (closest) {
      minDistance = Math.min(minDistance, closest.distanceAngstrom);
      if (closest.distanceAngstrom < minDistanceAngstrom) row.errors.push(`${label}: atoms ${closest.a} and ${closest.b} only ${closest.distanceAngstrom.toFixed(3)} Å apart`);
    }
    if (tightest) {
      minRatio = Math.min(minRatio, tightest.ratioToCovalentSum);
      if (tightest.ratioToCovalentSum < minContactRatio) row.errors.push(`${label}: atoms ${tightest.a} and ${tightest.b} at ${tightest.ratioToCovalentSum.toFixed(2)} × their covalent-radius sum`);
    }
    for (const bond of isomer.bonds) {
      if (!(bond.a < bond.b)) row.errors.push(`${label}: bond ${bond.a}-${bond.b} is not ordered a < b`);
    }
    const signature = bondGraphSignature(atoms);
    if (signatures.has(signature)) row.errors.push(`${label}: same bond graph as a lower isomer`);
    signatures.add(signature);
    if (isomer.relativeEnergyKcalPerMol < 0 || isomer.relativeEnergyKcalPerMol > SEARCH_SETTINGS.energyWindowKcalPerMol + 1e-6) {
      row.errors.push(`${label}: relative energy ${isomer.relativeEnergyKcalPerMol} kcal/mol outside [0, ${SEARCH_SETTINGS.energyWindowKcalPerMol}]`);
    }
    for (const a of isomer.atoms) maxCharge = Math.max(maxCharge, Math.abs(a.partialCharge));
    if ((isomer as { chargeRunaway?: boolean }).chargeRunaway) runaway = true;
  });
  row.connected = connectedAll;
  row.shortestDistanceAngstrom = Number.isFinite(minDistance) ? round(minDistance, 4) : null;
  row.tightestContactRatio = Number.isFinite(minRatio) ? round(minRatio, 4) : null;
  row.chargeRunaway = runaway;
  row.maxAbsPartialCharge = round(maxCharge, 3);
  const provenance = (file.isomers[0] as { provenance?: { route?: string; electronicTemperatureK?: number } } | undefined)?.provenance;
  row.route = provenance?.route ?? null;
  row.electronicTemperatureK = provenance?.electronicTemperatureK ?? null;
  if (runaway) row.warnings.push(`charge runaway: no sound GFN2 state found, max |q| ${maxCharge.toFixed(2)} e`);
  if (row.tier !== null && row.tier > 0) row.warnings.push(`tier ${row.tier}: ${extra.search?.tierMeaning ?? ''}`);
  if (row.electronicTemperatureK !== null && row.electronicTemperatureK !== SEARCH_SETTINGS.electronicTemperatureK) {
    row.warnings.push(`lowest isomer needed the retry electronic temperature ${row.electronicTemperatureK} K`);
  }
  if (cluster.multiplicity === null) {
    const scan = (file as { multiplicityScan?: Array<{ multiplicity: number }> }).multiplicityScan;
    if (scan && file.multiplicity !== Math.min(...scan.map((s) => s.multiplicity))) row.warnings.push(`higher multiplicity ${file.multiplicity} was lower in energy`);
  }
  return row;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function renderMarkdown(report: ValidationReport, runInfo: string[]): string {
  const s = report.summary;
  const lines = [
    '# Structure validation report',
    '',
    'Generated by `npm run structures:search` (or `npm run structures:validate`) from `seed/structures/data/*.json`; do not edit by hand.',
    '',
    ...runInfo.map((line) => `- ${line}`),
    '',
    '## Summary',
    '',
    `| check | value |`,
    `| --- | --- |`,
    `| clusters in seed | ${s.clusters} |`,
    `| with structures | ${s.withStructures} |`,
    `| missing | ${s.missing} |`,
    `| stale (settings changed) | ${s.stale} |`,
    `| all one connected cluster (bond rule d ≤ ${report.settings.bondTolerance} × (r_i + r_j)) | ${s.allConnected ? 'yes' : 'NO'} |`,
    `| shortest interatomic distance, any isomer | ${s.minShortestDistanceAngstrom?.toFixed(3) ?? '–'} Å (limit ${report.settings.minDistanceAngstrom} Å) |`,
    `| tightest contact d / (r_i + r_j), any isomer | ${s.minTightestContactRatio?.toFixed(3) ?? '–'} (limit ${report.settings.minContactRatio}) |`,
    `| clusters by tier (0 GFN2 minimum; 1 GFN1 geometry + GFN2 single point; 2/3 charge runaway) | ${Object.entries(s.clustersByTier).map(([t, n]) => `${t}: ${n}`).join(', ')} |`,
    `| clusters kept with a charge-runaway state | ${s.chargeRunawayClusters} |`,
    `| heteronuclear clusters where the higher multiplicity won | ${s.heteronuclearMultiplicityHigher} |`,
    `| isomers in total | ${s.totalIsomers} |`,
    `| sum of per-cluster wall times | ${(s.sumOfClusterWallTimeSeconds / 60).toFixed(1)} min |`,
    `| errors | ${s.errors} |`,
    '',
    '## Clusters',
    '',
    '| cluster | atoms | charge | mult. | source | isomers | E (Eh) | gap (eV) | d_min (Å) | d/(r+r) min | connected | max abs q | tier | route | T_el (K) | time (s) | notes |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...report.clusters.map((r) =>
      [
        r.clusterId,
        r.atoms,
        r.charge,
        r.multiplicity ?? '–',
        r.multiplicitySource === 'published' ? 'published' : r.multiplicitySource ? 'rule' : '–',
        r.isomers,
        r.energyHartree?.toFixed(6) ?? '–',
        r.homoLumoGapEv?.toFixed(3) ?? '–',
        r.shortestDistanceAngstrom?.toFixed(3) ?? '–',
        r.tightestContactRatio?.toFixed(3) ?? '–',
        r.connected === null ? '–' : r.connected ? 'yes' : 'NO',
        r.maxAbsPartialCharge?.toFixed(2) ?? '–',
        r.tier ?? '–',
        r.route ?? '–',
        r.electronicTemperatureK ?? '–',
        r.wallTimeSeconds?.toFixed(1) ?? '–',
        [...r.errors.map((e) => `ERROR: ${e}`), ...r.warnings].join('; '),
      ].join(' | '),
    ).map((line) => `| ${line} |`),
    '',
  ];
  return lines.join('\n');
}
