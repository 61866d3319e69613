import 'reflect-metadata';
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig, type Config } from '../config';
import { assertEmptyStore, bulkImportCatalog, finishBulkImport } from './bulk-import';
import { loadCatalog } from './catalog-loader';
import { openDatabase } from '../db/database';
import { readSeedBundle } from './seed-file';

/**
 * `npm run seed [-- --reset | --bulk]`: loads seed/data/clusters.json and the structure files into Neo4j.
 * Idempotent; --reset first removes every catalog node (never anything else).
 * --bulk fills an EMPTY embedded store with Neo4j's offline importer (much faster for a large
 * first load), then starts it, applies the migrations and writes the Dataset node.
 */
async function main(): Promise<void> {
  const reset = process.argv.includes('--reset');
  const bulk = process.argv.includes('--bulk');
  if (bulk && reset) throw new Error('--bulk and --reset cannot be combined: --bulk only fills an empty store and never deletes anything');
  const cfg = loadConfig();
  if (bulk) return bulkLoad(cfg);
  const db = await openDatabase(cfg);
  try {
    const bundle = readSeedBundle(cfg.SEED_FILE, cfg.STRUCTURES_DIR);
    const bar = new SingleBar({ format: 'seed |{bar}| {value}/{total} clusters | {eta_formatted} left', hideCursor: true }, Presets.shades_classic);
    bar.start(bundle.seed.clusters.length, 0);
    const started = Date.now();
    await loadCatalog(db.executor, bundle, { reset, onProgress: (done) => bar.update(done) });
    bar.stop();
    console.log(
      `seed: ${bundle.datasetVersion} loaded (${bundle.structures.size} structures) in ${((Date.now() - started) / 1000).toFixed(1)} s${reset ? ' after reset' : ''}`,
    );
  } finally {
    await db.close();
  }
}

async function bulkLoad(cfg: Config): Promise<void> {
  if (!cfg.embedded) {
    throw new Error(
      `--bulk writes the embedded store's files offline and cannot load into the server at NEO4J_URI (${cfg.NEO4J_URI}); unset NEO4J_URI, or load without --bulk`,
    );
  }
  // Before reading the seed, so a wrong store is reported at once.
  assertEmptyStore(cfg.NEO4J_DATA_DIR);
  const bundle = readSeedBundle(cfg.SEED_FILE, cfg.STRUCTURES_DIR);
  const started = Date.now();
  const result = await bulkImportCatalog(bundle, { dataDir: cfg.NEO4J_DATA_DIR });
  const db = await openDatabase(cfg);
  try {
    await finishBulkImport(db.executor, bundle, result);
  } finally {
    await db.close();
  }
  console.log(
    `seed: ${bundle.datasetVersion} bulk-imported (${result.nodes} nodes, ${result.relationships} relationships; CSV ${(result.csvMs / 1000).toFixed(1)} s, import ${(result.importMs / 1000).toFixed(1)} s) and started in ${((Date.now() - started) / 1000).toFixed(1)} s in total`,
  );
}

main().catch((err: Error) => {
  console.error(`seed: ${err.message}`);
  process.exit(1);
});
