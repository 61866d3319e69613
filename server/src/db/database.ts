import type { Driver } from 'neo4j-driver';
import type { Config } from '../config';
import { readSeedBundle, type SeedBundle } from '../../../seed/seed-file';
import { currentDatasetVersion, loadCatalog, type LoadOptions } from './catalog-loader';
import { createDriver, verifyDriver } from './driver';
import { Executor } from './executor';
import { applyMigrations } from './migrations';
import { startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedOptions } from './neo4j-launcher';

export interface Database {
  driver: Driver;
  executor: Executor;
  embedded: EmbeddedNeo4j | null;
  uri: string;
  close(): Promise<void>;
}

export function embeddedOptions(cfg: Config, log: (line: string) => void): EmbeddedOptions {
  return {
    boltPort: cfg.NEO4J_BOLT_PORT,
    dataDir: cfg.NEO4J_DATA_DIR,
    password: cfg.neo4jPassword,
    heapMb: cfg.NEO4J_HEAP_MB,
    startTimeoutS: cfg.NEO4J_START_TIMEOUT_S,
    txTimeoutMs: cfg.NEO4J_TX_TIMEOUT_MS,
    log,
  };
}

/** Starts the embedded server unless NEO4J_URI names an external one, then connects and migrates. */
export async function openDatabase(cfg: Config, log: (line: string) => void = console.log): Promise<Database> {
  const embedded = cfg.embedded ? await startEmbeddedNeo4j(embeddedOptions(cfg, log)) : null;
  const uri = embedded?.uri ?? cfg.NEO4J_URI!;
  const driver = createDriver({ uri, user: cfg.NEO4J_USER, password: cfg.neo4jPassword, acquireTimeoutMs: cfg.NEO4J_ACQUIRE_TIMEOUT_MS });
  try {
    await verifyDriver(driver, uri, cfg.NEO4J_DATABASE);
    const executor = new Executor(driver, cfg.NEO4J_DATABASE, cfg.NEO4J_TX_TIMEOUT_MS);
    const applied = await applyMigrations(executor);
    log(`neo4j: ${applied} schema statements applied (idempotent)`);
    return {
      driver,
      executor,
      embedded,
      uri,
      async close() {
        await driver.close();
        await embedded?.stop();
      },
    };
  } catch (err) {
    await driver.close();
    await embedded?.stop();
    throw err;
  }
}

/** Seeds when the database is empty or holds another dataset version; otherwise does nothing. */
export async function ensureSeeded(
  db: Database,
  cfg: Config,
  log: (line: string) => void = console.log,
  opts: Omit<LoadOptions, 'reset'> = {},
): Promise<SeedBundle> {
  const bundle = readSeedBundle(cfg.SEED_FILE, cfg.STRUCTURES_DIR);
  const loaded = await currentDatasetVersion(db.executor);
  if (loaded?.version === bundle.datasetVersion && loaded.current) {
    log(`seed: database already holds ${bundle.datasetVersion}`);
    return bundle;
  }
  if (!loaded) log(`seed: empty database, loading ${bundle.datasetVersion}`);
  else if (!loaded.current) log(`seed: ${loaded.version} was stored by an older loader; reloading ${bundle.datasetVersion}`);
  else log(`seed: replacing ${loaded.version} with ${bundle.datasetVersion}`);
  await loadCatalog(db.executor, bundle, { ...opts, reset: loaded !== null });
  log(`seed: loaded ${bundle.seed.clusters.length} clusters, ${bundle.structures.size} with structures`);
  return bundle;
}
