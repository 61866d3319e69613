/**
 * Runs the converter on the real spreadsheets in ../shared/data/mou2025-cluster-n2 (or
 * CLUSTER_DATA_DIR): every quirk the data README lists, the counts, the folds, and that the
 * committed seed/data/clusters.json is what the converter produces today.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatFormula, isMultiplicityConsistent, parseFormula, parsePublishedName } from '../../server/src/chem/formula';
import type { SeedCluster, SeedFile } from '../../server/src/load/validate-seed';
import { SeedBuildError, buildSeed, type RawTables } from './build-seed';
import { DATA_FILES, resolveDataDir } from './data-dir';
import { DEFAULT_OUTPUT, readRawTables, serializeSeed } from './main';
import { readRateRows, readUnitCheckRows } from './read-xlsx';

jest.setTimeout(60_000);

let dataDir: string;
let raw: RawTables;
let seed: SeedFile;
let byId: Map<string, SeedCluster>;

beforeAll(async () => {
  dataDir = resolveDataDir();
  raw = await readRawTables(dataDir);
  seed = buildSeed(raw);
  byId = new Map(seed.clusters.map((c) => [c.id, c]));
});

function cluster(id: string): SeedCluster {
  const found = byId.get(id);
  if (!found) throw new Error(`no cluster ${id} in the built seed`);
  return found;
}

/** A deep copy to perturb; the shared `raw` stays as read. */
function rawCopy(): RawTables {
  return structuredClone(raw);
}

function buildProblems(tables: RawTables): string[] {
  try {
    buildSeed(tables);
  } catch (error) {
    if (error instanceof SeedBuildError) return error.problems;
    throw error;
  }
  throw new Error('expected buildSeed to fail');
}

describe('quirks listed in the data README', () => {
  it('reads U+00AF (¯) in the 24-feature and heteronuclear files and U+02C9 (ˉ) in the 15/8-feature files as anions', () => {
    const lastChars = (rows: { name: string }[]) => new Set(rows.map((r) => r.name.slice(-1)).filter((c) => !/[0-9A-Za-z]/.test(c)));
    expect(lastChars(raw.homonuclear24)).toEqual(new Set(['\u00af']));
    expect(lastChars(raw.heteronuclear)).toEqual(new Set(['\u00af']));
    expect(lastChars(raw.homonuclear15)).toEqual(new Set(['\u02c9']));
    expect(lastChars(raw.homonuclear8)).toEqual(new Set(['\u02c9']));
    expect(cluster('Mo5S2-anion')).toMatchObject({ publishedName: 'Mo5S2\u00af', charge: -1 });
    const fifteen = raw.homonuclear15.find((r) => r.name === 'Mo5S2\u02c9');
    expect(fifteen && parsePublishedName(fifteen.name)).toMatchObject({ formula: 'Mo5S2', charge: -1 });
  });

  it('reads names without a mark as neutral: exactly the 22 Ta_xS_y and Ta_xS_yC clusters', () => {
    const neutral = seed.clusters.filter((c) => c.charge === 0);
    expect(neutral).toHaveLength(22);
    for (const c of neutral) {
      expect(c.publishedName).toMatch(/^Ta[0-9]+S[0-9]*(C[0-9]*)?$/);
      expect(c.id).toMatch(/-neutral$/);
    }
    expect(cluster('Ta3S4-neutral')).toMatchObject({ publishedName: 'Ta3S4', multiplicity: 2, authorsIsomerId: '1' });
    expect(seed.clusters.filter((c) => c.charge !== 0).every((c) => c.charge === -1)).toBe(true);
  });

  it('reads Fe3C41¯ as Fe3C4¯ and keeps the published text', () => {
    expect(cluster('Fe3C4-anion')).toMatchObject({
      formula: 'Fe3C4',
      publishedName: 'Fe3C41¯',
      multiplicity: 10,
      authorsIsomerId: '11',
      measurements: [{ log10K1: -14.578396073130168 }],
    });
    expect(byId.has('Fe3C41-anion')).toBe(false);
  });

  it('accepts counts of 1 written (Mo2S2C1¯) or not (Ta3S1C)', () => {
    expect(cluster('Mo2S2C-anion')).toMatchObject({
      publishedName: 'Mo2S2C1¯',
      composition: [
        { element: 'Mo', count: 2 },
        { element: 'S', count: 2 },
        { element: 'C', count: 1 },
      ],
    });
    expect(cluster('Ta3SC-neutral')).toMatchObject({ publishedName: 'Ta3S1C', multiplicity: 2, authorsIsomerId: '3' });
    expect(cluster('Ta3S2C-neutral')).toMatchObject({ publishedName: 'Ta3S2C1' });
  });

  it('reads Rh1Co3H2¯ as Rh1 Co3 H2 and treats Rh3CoH2¯ / Rh3Co1H1¯ alike', () => {
    expect(cluster('RhCo3H2-anion')).toMatchObject({
      publishedName: 'Rh1Co3H2¯',
      nuclearity: 'heteronuclear',
      composition: [
        { element: 'Rh', count: 1 },
        { element: 'Co', count: 3 },
        { element: 'H', count: 2 },
      ],
      multiplicity: null,
      authorsIsomerId: null,
      cvFold: null,
    });
    expect(cluster('Rh3CoH-anion').publishedName).toBe('Rh3Co1H1¯');
    expect(cluster('Rh3CoH2-anion').publishedName).toBe('Rh3CoH2¯');
  });

  it('takes multiplicity and isomer id from all three fold-name layouts', () => {
    // formula-isomer-M<mult>
    expect(cluster('Mo2S-anion')).toMatchObject({ multiplicity: 2, authorsIsomerId: '1' });
    expect(cluster('Fe4C2-anion')).toMatchObject({ multiplicity: 14, authorsIsomerId: '20' });
    // formula-M<mult>-isomer
    expect(cluster('Mo4C3-anion')).toMatchObject({ multiplicity: 6, authorsIsomerId: '01' });
    expect(cluster('V2C3-anion')).toMatchObject({ multiplicity: 6, authorsIsomerId: '03' });
    // formula-M<mult>
    expect(cluster('Rh3-anion')).toMatchObject({ multiplicity: 5, authorsIsomerId: null });
    expect(cluster('V5N5-anion')).toMatchObject({ multiplicity: 4, authorsIsomerId: null });
  });

  it('corrects the four misnamed rows of the 15/8-feature files by name, matching the 24-feature rows', () => {
    for (const rows of [raw.homonuclear15, raw.homonuclear8]) {
      const names = rows.map((r) => r.name);
      for (const [typo, meant] of [
        ['Fe3C50ˉ', 'Fe3C5'],
        ['Fe4C32ˉ', 'Fe4C3'],
        ['Fe4C52ˉ', 'Fe4C5'],
        ['Fe5C34ˉ', 'Fe5C3'],
        ['Fe3C4ˉ', 'Fe3C4'],
      ]) {
        const i = names.indexOf(typo);
        expect(i).toBeGreaterThanOrEqual(0);
        expect(parsePublishedName(typo).formula).toBe(meant);
        expect(parsePublishedName(raw.homonuclear24[i].name).formula).toBe(meant);
      }
    }
  });
});

describe('published names', () => {
  it('all 216 round-trip through parse → format → parse', () => {
    const names = [...raw.homonuclear24, ...raw.heteronuclear].map((r) => r.name);
    expect(names).toHaveLength(216);
    for (const name of names) {
      const first = parsePublishedName(name);
      const formatted = formatFormula(first.composition);
      expect(formatted).toBe(first.formula);
      expect(parseFormula(formatted)).toEqual(first.composition);
      const mark = first.charge === 0 ? '' : '¯';
      expect(parsePublishedName(formatted + mark)).toMatchObject({ formula: first.formula, charge: first.charge });
    }
  });

  it('agree between the 24-, 15- and 8-feature files row by row', () => {
    for (const rows of [raw.homonuclear15, raw.homonuclear8]) {
      expect(rows.map((r) => parsePublishedName(r.name).formula)).toEqual(raw.homonuclear24.map((r) => parsePublishedName(r.name).formula));
    }
  });
});

describe('counts and ids', () => {
  it('has 159 homonuclear + 57 heteronuclear = 216 clusters', () => {
    expect(seed.clusters).toHaveLength(216);
    expect(seed.clusters.filter((c) => c.nuclearity === 'homonuclear')).toHaveLength(159);
    expect(seed.clusters.filter((c) => c.nuclearity === 'heteronuclear')).toHaveLength(57);
  });

  it('puts every homonuclear cluster in one CV fold 1..10, none empty, with a multiplicity', () => {
    const homo = seed.clusters.filter((c) => c.nuclearity === 'homonuclear');
    const perFold = new Map<number, number>();
    for (const c of homo) {
      expect(c.cvFold).toEqual(expect.any(Number));
      expect(c.multiplicity).toEqual(expect.any(Number));
      perFold.set(c.cvFold as number, (perFold.get(c.cvFold as number) ?? 0) + 1);
    }
    expect([...perFold.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Each Test sheet holds 16 clusters, the last one 15.
    expect([...perFold.entries()].sort(([a], [b]) => a - b).map(([, n]) => n)).toEqual([16, 16, 16, 16, 16, 16, 16, 16, 16, 15]);
    for (const { fold, test } of raw.folds) {
      expect(homo.filter((c) => c.cvFold === fold)).toHaveLength(test.length);
    }
  });

  it('leaves the heteronuclear clusters without multiplicity, isomer id or fold', () => {
    for (const c of seed.clusters.filter((x) => x.nuclearity === 'heteronuclear')) {
      expect([c.multiplicity, c.authorsIsomerId, c.cvFold]).toEqual([null, null, null]);
    }
  });

  it('gives every cluster a unique, URL-safe id, sorted', () => {
    const ids = seed.clusters.map((c) => c.id);
    expect(new Set(ids).size).toBe(216);
    for (const id of ids) {
      expect(encodeURIComponent(id)).toBe(id);
      expect(id).toMatch(/^[A-Za-z0-9-]+$/);
    }
    expect([...ids].sort()).toEqual(ids);
  });

  it('stores k1 = 10^lg(k1) in cm³ molecule⁻¹ s⁻¹', () => {
    for (const c of seed.clusters) {
      const [m] = c.measurements;
      expect(Math.abs(m.k1Cm3PerMoleculeS / 10 ** m.log10K1 - 1)).toBeLessThan(5e-6);
      expect(m.k1Cm3PerMoleculeS).toBeGreaterThan(1e-16);
      expect(m.k1Cm3PerMoleculeS).toBeLessThan(1e-9);
    }
    expect(cluster('Mo5S3-anion').measurements[0]).toEqual({
      reactant: 'N2',
      log10K1: -10,
      k1Cm3PerMoleculeS: 1e-10,
      sourceId: 'mou2025',
    });
  });
});

describe('Sheet2 unit check', () => {
  it.each([DATA_FILES.homonuclear24, DATA_FILES.heteronuclear])('%s: lg(k1) is log10 of k1 in cm³/s', async (file) => {
    const pairs = await readUnitCheckRows(path.join(dataDir, file));
    expect(pairs.length).toBeGreaterThanOrEqual(5);
    for (const { k1, log10K1 } of pairs) {
      expect(log10K1).toBeCloseTo(Math.log10(k1), 9);
      // Rate constants of order 1e-12 cm³ molecule⁻¹ s⁻¹, not m³ or L mol⁻¹.
      expect(k1).toBeGreaterThan(1e-15);
      expect(k1).toBeLessThan(1e-9);
    }
  });
});

describe('multiplicities', () => {
  it('are parity-consistent with the electron count for all 159 homonuclear clusters', () => {
    const inconsistent = seed.clusters
      .filter((c) => c.multiplicity !== null && !isMultiplicityConsistent(c.composition, c.charge, c.multiplicity))
      .map((c) => `${c.publishedName} (charge ${c.charge}, multiplicity ${c.multiplicity})`);
    expect(inconsistent).toEqual([]);
    expect(seed.clusters.filter((c) => c.multiplicity !== null)).toHaveLength(159);
  });

  it('would not be consistent if the Ta_xS_y clusters were anions (why no mark means neutral)', () => {
    const tantalumSulfides = seed.clusters.filter((c) => c.charge === 0);
    for (const c of tantalumSulfides) {
      expect(isMultiplicityConsistent(c.composition, -1, c.multiplicity as number)).toBe(false);
    }
  });
});

describe('committed seed file', () => {
  it('is exactly what the converter produces from the spreadsheets', () => {
    expect(readFileSync(DEFAULT_OUTPUT, 'utf8')).toBe(serializeSeed(seed));
  });
});

describe('loud failures', () => {
  it('rejects a 15-feature lg(k1) that disagrees with the 24-feature file', () => {
    const tables = rawCopy();
    tables.homonuclear15[11] = { ...tables.homonuclear15[11], log10K1: tables.homonuclear15[11].log10K1 + 0.01 };
    const problems = buildProblems(tables);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^homonuclear-159-15features\.xlsx!159data-15features row 13: lg\(k1\) .* for Mo5S2ˉ disagrees/);
  });

  it('rejects an 8-feature row naming a different cluster', () => {
    const tables = rawCopy();
    tables.homonuclear8[0] = { ...tables.homonuclear8[0], name: 'Mo2S2ˉ' };
    expect(buildProblems(tables)).toEqual([expect.stringMatching(/homonuclear-159-8features\.xlsx!Sheet1 row 2: "Mo2S2ˉ" disagrees with "Mo2S1¯"/)]);
  });

  it('rejects a cluster name that cannot be parsed, naming file, row and character', () => {
    const tables = rawCopy();
    tables.heteronuclear[3] = { ...tables.heteronuclear[3], name: 'Fe2Vx2C¯' };
    const problems = buildProblems(tables);
    expect(problems).toContainEqual(expect.stringMatching(/heteronuclear-57-15features\.xlsx!Sheet1 row 5: unknown element "Vx" at position 4/));
  });

  it('rejects an unreadable fold-file name', () => {
    const tables = rawCopy();
    tables.folds[2].test[0] = { ...tables.folds[2].test[0], name: 'Mo2S1_M2' };
    const problems = buildProblems(tables);
    expect(problems).toContainEqual(expect.stringMatching(/fold3-train-test\.xlsx!Test row 2: fold-file cluster name "Mo2S1_M2" matches none of/));
  });

  it('rejects a cluster in the Test sheets of two folds', () => {
    const tables = rawCopy();
    const twice = tables.folds[0].test[0];
    tables.folds[1].test.push({ ...twice, where: 'homonuclear-159-fold2-train-test.xlsx!Test row 18' });
    tables.folds[1].train = tables.folds[1].train.filter((r) => r.name !== twice.name);
    expect(buildProblems(tables)).toEqual([expect.stringMatching(/fold2-train-test\.xlsx!Test row 18: Mo3S4C is in the Test sheet of folds 1 and 2/)]);
  });

  it('rejects ids that collide and counts that are not 159 + 57', () => {
    const tables = rawCopy();
    tables.heteronuclear.push({ ...tables.heteronuclear[0], where: 'test row', name: 'Fe2V1C1¯' });
    const problems = buildProblems(tables);
    expect(problems).toContainEqual('id collision: "Fe2VC¯" and "Fe2V1C1¯" both give Fe2VC-anion');
    expect(problems).toContainEqual('expected 159 homonuclear + 57 heteronuclear = 216 clusters, got 159 + 58 = 217');
  });

  it('rejects a homonuclear cluster missing from the fold files', () => {
    const tables = rawCopy();
    for (const fold of tables.folds) {
      fold.test = fold.test.filter((r) => !r.name.startsWith('Rh3-'));
      fold.train = fold.train.filter((r) => !r.name.startsWith('Rh3-'));
    }
    const problems = buildProblems(tables);
    expect(problems).toContainEqual(expect.stringMatching(/homonuclear-159-24features\.xlsx!Sheet1 row \d+: Rh3¯ is in no fold's Test sheet/));
    expect(problems).toContainEqual('fold 1: Train + Test hold 158 distinct clusters, expected 159');
  });

  it('rejects a multiplicity with the wrong parity', () => {
    const tables = rawCopy();
    for (const fold of tables.folds) {
      for (const rows of [fold.test, fold.train]) {
        const i = rows.findIndex((r) => r.name === 'Rh3-M5');
        if (i >= 0) rows[i] = { ...rows[i], name: 'Rh3-M4' };
      }
    }
    expect(buildProblems(tables)).toEqual([
      expect.stringMatching(/^homonuclear-159-24features\.xlsx!Sheet1 row \d+: multiplicity 4 of Rh3¯ \(charge -1\) has the wrong parity/),
    ]);
  });
});

describe('reading the spreadsheets', () => {
  it('names the file and the sheets it has when a sheet is missing', async () => {
    await expect(readRateRows(path.join(dataDir, DATA_FILES.homonuclear24), 'Sheet9')).rejects.toThrow(
      /homonuclear-159-24features\.xlsx has no sheet Sheet9; it has: Sheet1, Sheet2/,
    );
  });

  it('refuses a sheet without a cluster-name and lg(k1) header', async () => {
    await expect(readRateRows(path.join(dataDir, DATA_FILES.homonuclear24), 'Sheet2')).rejects.toThrow(
      /homonuclear-159-24features\.xlsx!Sheet2: header row lacks a cluster-name column and\/or an lg\(k1\) column/,
    );
  });

  it('says which variable to set when the data directory is missing', () => {
    expect(() => resolveDataDir({ CLUSTER_DATA_DIR: '/nonexistent/cluster-data' })).toThrow(
      /cluster data directory not found \(CLUSTER_DATA_DIR=\/nonexistent\/cluster-data\); set CLUSTER_DATA_DIR/,
    );
    expect(resolveDataDir({ CLUSTER_DATA_DIR: dataDir })).toBe(dataDir);
  });
});
