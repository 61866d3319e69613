import type { Driver } from 'neo4j-driver';
import type { Config } from '../config';
import { createDriver, verifyDriver } from './driver';
import { Executor } from './executor';
import { applyMigrations } from './migrations';
import { startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedOptions } from './neo4j-launcher';
import { lineLog } from '../logger';

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
export async function openDatabase(cfg: Config, log: (line: string) => void = lineLog('neo4j')): Promise<Database> {
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

/**
 * Connects to a Neo4j that is already running, never starting one: NEO4J_URI, or on this machine
 * the embedded server `npm start` runs (Bolt on NEO4J_BOLT_PORT, password beside its store).
 * Structure workers use it; the API that started the server owns migrations.
 */
export async function connectDatabase(cfg: Config): Promise<Database> {
  const uri = cfg.NEO4J_URI ?? `bolt://127.0.0.1:${cfg.NEO4J_BOLT_PORT}`;
  const driver = createDriver({ uri, user: cfg.NEO4J_USER, password: cfg.neo4jPassword, acquireTimeoutMs: cfg.NEO4J_ACQUIRE_TIMEOUT_MS });
  try {
    await verifyDriver(driver, uri, cfg.NEO4J_DATABASE);
  } catch (err) {
    await driver.close();
    throw err;
  }
  return { driver, executor: new Executor(driver, cfg.NEO4J_DATABASE, cfg.NEO4J_TX_TIMEOUT_MS), embedded: null, uri, close: () => driver.close() };
}
