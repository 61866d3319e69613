import 'reflect-metadata';
import { loadConfig } from './config';
import { startSeededApi, type RunningApi } from './api';
import { openDatabase } from './db/database';
import { logger } from './logger';

/** `npm run start:api`: Neo4j (embedded unless NEO4J_URI), migrations, seed if needed, API. */
async function main(): Promise<void> {
  const cfg = loadConfig();
  const db = await openDatabase(cfg);
  let api: RunningApi | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    await api?.stop().catch(() => undefined);
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  api = await startSeededApi(db, cfg);
}

main().catch((err: Error) => {
  logger.fatal(`clusteratlas: ${err.message}`);
  process.exit(1);
});
