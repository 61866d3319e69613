import 'reflect-metadata';
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../server/src/config';
import { loadCatalog } from '../server/src/db/catalog-loader';
import { openDatabase } from '../server/src/db/database';
import { readSeedBundle } from './seed-file';

/**
 * `npm run seed [-- --reset]`: loads seed/data/clusters.json and the structure files into Neo4j.
 * Idempotent; --reset first removes every catalog node (never anything else).
 */
async function main(): Promise<void> {
  const reset = process.argv.includes('--reset');
  const cfg = loadConfig();
  const db = await openDatabase(cfg);
  try {
    const bundle = readSeedBundle(cfg.SEED_FILE, cfg.STRUCTURES_DIR);
    const bar = new SingleBar({ format: 'seed |{bar}| {value}/{total} clusters | {eta_formatted} left', hideCursor: true }, Presets.shades_classic);
    bar.start(bundle.seed.clusters.length, 0);
    const started = Date.now();
    await loadCatalog(db.executor, bundle, { reset, onProgress: (done) => bar.update(done) });
    bar.stop();
    console.log(`seed: ${bundle.datasetVersion} loaded (${bundle.structures.size} structures) in ${((Date.now() - started) / 1000).toFixed(1)} s${reset ? ' after reset' : ''}`);
  } finally {
    await db.close();
  }
}

main().catch((err: Error) => {
  console.error(`seed: ${err.message}`);
  process.exit(1);
});
