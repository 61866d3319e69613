/**
 * Converts the published Mou et al. (2025) spreadsheets into seed/data/clusters.json.
 * Usage: npm run seed:convert [-- OUTPUT_PATH]   (CLUSTER_DATA_DIR overrides the input folder)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { validateSeed } from '../../server/src/load/validate-seed';
import { buildSeed, type RawTables } from './build-seed';
import { DATA_FILES, FOLD_COUNT, REPO_ROOT, resolveDataDir } from './data-dir';
import { readRateRows } from './read-xlsx';

export const DEFAULT_OUTPUT = path.join(REPO_ROOT, 'seed', 'data', 'clusters.json');

/** Reads every source spreadsheet. Sheet1 is the data sheet; Sheet2 is only a unit check. */
export async function readRawTables(dataDir: string): Promise<RawTables> {
  const file = (name: string) => path.join(dataDir, name);
  const folds: RawTables['folds'] = [];
  for (let fold = 1; fold <= FOLD_COUNT; fold += 1) {
    const foldFile = file(DATA_FILES.fold(fold));
    folds.push({ fold, train: await readRateRows(foldFile, 'Train'), test: await readRateRows(foldFile, 'Test') });
  }
  return {
    homonuclear24: await readRateRows(file(DATA_FILES.homonuclear24), 'Sheet1'),
    // The 15-feature file's data sheet is named "159data-15features", so take the first sheet.
    homonuclear15: await readRateRows(file(DATA_FILES.homonuclear15)),
    homonuclear8: await readRateRows(file(DATA_FILES.homonuclear8), 'Sheet1'),
    heteronuclear: await readRateRows(file(DATA_FILES.heteronuclear), 'Sheet1'),
    folds,
  };
}

/** Stable text: two-space indentation and a final newline, so the file's sha256 tracks the data only. */
export function serializeSeed(seed: unknown): string {
  return `${JSON.stringify(seed, null, 2)}\n`;
}

async function main(): Promise<void> {
  const outPath = path.resolve(process.argv[2] ?? DEFAULT_OUTPUT);
  const dataDir = resolveDataDir();
  const seed = validateSeed(buildSeed(await readRawTables(dataDir)));
  mkdirSync(path.dirname(outPath), { recursive: true });
  writeFileSync(outPath, serializeSeed(seed));
  const homo = seed.clusters.filter((c) => c.nuclearity === 'homonuclear').length;
  console.log(`wrote ${outPath}: ${seed.clusters.length} clusters (${homo} homonuclear, ${seed.clusters.length - homo} heteronuclear) from ${dataDir}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
