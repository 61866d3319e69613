import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApi, type RunningApi } from '../../server/src/api';
import { loadConfig, type Config } from '../../server/src/config';
import { openDatabase, type Database } from '../../server/src/db/database';
import { ensureSeeded } from '../../server/src/load/ensure-seeded';
import { freePort } from './free-port';

export interface TestStack {
  cfg: Config;
  db: Database;
  api: RunningApi;
  datasetVersion: string;
  dataDir: string | null;
  stop(): Promise<void>;
}

/**
 * A real stack for tests: its own embedded Neo4j in a temp directory (never a developer's data)
 * unless TEST_NEO4J_URI names a server dedicated to tests, then the seeded API on a free port.
 */
export async function startTestStack(extraEnv: Record<string, string> = {}): Promise<TestStack> {
  const external = process.env.TEST_NEO4J_URI;
  const dataDir = external ? null : mkdtempSync(path.join(os.tmpdir(), 'clusteratlas-test-neo4j-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_URI: external,
    NEO4J_PASSWORD: external ? process.env.TEST_NEO4J_PASSWORD : 'test-password-1234',
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_DATA_DIR: dataDir ? path.join(dataDir, 'store') : undefined,
    NEO4J_HEAP_MB: '768',
    API_PORT: String(await freePort()),
    API_HOST: '127.0.0.1',
    NODE_ENV: 'test',
    // Every test file is one client (127.0.0.1) of this shared API: a budget that a whole suite
    // fits in, with the limiter still on. test/integration/admission.test.ts checks tight limits on its own API.
    RATE_LIMIT_POINTS: '20000',
    // The 10 s motif budget is a production guard, not a speed test: on a loaded test machine a
    // brute-force comparison pattern must not fail for the machine's sake.
    MOTIF_TIMEOUT_MS: '60000',
    // CI serves a model smoke-trained in the same run (npm run test:ml:smoke) until a trained one is committed.
    ...(process.env.TEST_MODELS_DIR ? { MODELS_DIR: process.env.TEST_MODELS_DIR } : {}),
    ...extraEnv,
  };
  const cfg = loadConfig(env);
  const quiet = () => undefined;
  const db = await openDatabase(cfg, quiet);
  const bundle = await ensureSeeded(db, cfg, quiet);
  const api = await startApi(db, cfg, bundle.datasetVersion, quiet);
  return {
    cfg,
    db,
    api,
    datasetVersion: bundle.datasetVersion,
    dataDir,
    async stop() {
      await api.stop();
      await db.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
