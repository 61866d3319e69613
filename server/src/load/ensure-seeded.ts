import type { Config } from '../config';
import type { Database } from '../db/database';
import { currentDatasetVersion, hasContributedReleases, loadCatalog, type LoadOptions } from './catalog-loader';
import { readSeedBundle, type SeedBundle } from './seed-file';
import { lineLog } from '../logger';

/** Seeds when the database is empty or holds another dataset version; otherwise does nothing. */
export async function ensureSeeded(
  db: Database,
  cfg: Config,
  log: (line: string) => void = lineLog('seed'),
  opts: Omit<LoadOptions, 'reset'> = {},
): Promise<SeedBundle> {
  const bundle = readSeedBundle(cfg.SEED_FILE, cfg.STRUCTURES_DIR);
  const loaded = await currentDatasetVersion(db.executor);
  if (loaded?.version === bundle.datasetVersion && loaded.current) {
    log(`seed: database already holds ${bundle.datasetVersion}`);
    return bundle;
  }
  // Contributed releases (2, 3, …) live in the same graph: reloading the seed would delete them.
  if (loaded && (await hasContributedReleases(db.executor))) {
    log(`seed: the database holds contributed releases; not reloading ${bundle.datasetVersion} over them (it holds ${loaded.version})`);
    return bundle;
  }
  if (!loaded) log(`seed: empty database, loading ${bundle.datasetVersion}`);
  else if (!loaded.current) log(`seed: ${loaded.version} was stored by an older loader; reloading ${bundle.datasetVersion}`);
  else log(`seed: replacing ${loaded.version} with ${bundle.datasetVersion}`);
  await loadCatalog(db.executor, bundle, { ...opts, reset: loaded !== null });
  log(`seed: loaded ${bundle.seed.clusters.length} clusters, ${bundle.structures.size} with structures`);
  return bundle;
}
