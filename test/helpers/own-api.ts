import 'reflect-metadata';
import { startApi, type RunningApi } from '../../server/src/api';
import { loadConfig } from '../../server/src/config';
import { openDatabase, type Database } from '../../server/src/db/database';
import { freePort } from './free-port';
import { stackInfo } from './stack-info';

/**
 * Another API, in this process, over the shared test Neo4j: for tests that need settings the
 * shared API must not have (tight rate limits, no trusted proxy, another dataset version). `env`
 * overrides the defaults; a key set to undefined removes it (e.g. REDIS_URL: in-memory buckets).
 */
export interface OwnApi {
  api: RunningApi;
  db: Database;
  stop(): Promise<void>;
}

export async function startOwnApi(env: Record<string, string | undefined> = {}, datasetVersion = stackInfo().datasetVersion): Promise<OwnApi> {
  const info = stackInfo();
  const cfg = loadConfig({
    ...process.env,
    NEO4J_URI: info.boltUri,
    NEO4J_USER: info.neo4jUser,
    NEO4J_PASSWORD: info.neo4jPassword,
    NEO4J_DATABASE: info.database,
    API_HOST: '127.0.0.1',
    API_PORT: String(await freePort()),
    NODE_ENV: 'test',
    ...env,
  });
  const quiet = () => undefined;
  const db = await openDatabase(cfg, quiet);
  const api = await startApi(db, cfg, datasetVersion, quiet);
  return {
    api,
    db,
    stop: async () => {
      await api.stop();
      await db.close();
    },
  };
}
