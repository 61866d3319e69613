import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApi, type RunningApi } from '../../server/src/api';
import { loadConfig, type Config } from '../../server/src/config';
import { openDatabase, type Database } from '../../server/src/db/database';
import { ensureSeeded } from '../../server/src/load/ensure-seeded';
import { startLocalRedis, type LocalRedis } from '../../server/src/redis/redis-launcher';
import { freePort } from './free-port';

export interface TestStack {
  cfg: Config;
  db: Database;
  api: RunningApi;
  /** Its own redis-server (job queue, rate-limit buckets); the API uses it through REDIS_URL. */
  redis: LocalRedis;
  datasetVersion: string;
  dataDir: string | null;
  stop(): Promise<void>;
}

/** A redis-server of its own for a test, on a free port, with its data (append-only file) in dataDir. */
export async function startTestRedis(dataDir: string, port?: number): Promise<LocalRedis> {
  return startLocalRedis({ port: port ?? (await freePort()), dataDir, password: 'test-redis-password', startTimeoutS: 30, log: () => undefined });
}

/**
 * A real stack for tests: its own embedded Neo4j in a temp directory (never a developer's data)
 * unless TEST_NEO4J_URI names a server dedicated to tests, its own redis-server in a temp
 * directory, then the seeded API on a free port.
 */
export async function startTestStack(extraEnv: Record<string, string> = {}): Promise<TestStack> {
  const external = process.env.TEST_NEO4J_URI;
  const dataDir = external ? null : mkdtempSync(path.join(os.tmpdir(), 'clusteratlas-test-neo4j-'));
  const redisDir = mkdtempSync(path.join(os.tmpdir(), 'clusteratlas-test-redis-'));
  const redis = await startTestRedis(redisDir);
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
    REDIS_URL: redis.url,
    // Every test file is one client (127.0.0.1) of this shared API: a budget that a whole suite
    // fits in, with the limiter still on. test/integration/admission.test.ts checks tight limits on its own API.
    RATE_LIMIT_POINTS: '20000',
    // The 10 s motif budget is a production guard, not a speed test: on a loaded test machine a
    // brute-force comparison pattern must not fail for the machine's sake.
    MOTIF_TIMEOUT_MS: '60000',
    // One client runs the suite's searches back to back; the rest between searches guards a shared
    // server (fair-queue.test.ts, bench:abuse) and would only lengthen the suite here.
    MOTIF_REST_FACTOR: '0',
    // CI serves a model smoke-trained in the same run (npm run test:ml:smoke) until a trained one is committed.
    ...(process.env.TEST_MODELS_DIR ? { MODELS_DIR: process.env.TEST_MODELS_DIR } : {}),
    ...extraEnv,
  };
  const quiet = () => undefined;
  let db: Database | undefined;
  try {
    const cfg = loadConfig(env);
    db = await openDatabase(cfg, quiet);
    const bundle = await ensureSeeded(db, cfg, quiet);
    const api = await startApi(db, cfg, bundle.datasetVersion, quiet);
    const opened = db;
    return {
      cfg,
      db: opened,
      api,
      redis,
      datasetVersion: bundle.datasetVersion,
      dataDir,
      async stop() {
        await api.stop();
        await opened.close();
        await redis.stop();
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
        rmSync(redisDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await db?.close();
    await redis.stop();
    rmSync(redisDir, { recursive: true, force: true });
    throw err;
  }
}
