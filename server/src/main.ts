import 'reflect-metadata';
import { loadConfig } from './config';
import { startApi } from './api';
import { ensureSeeded, openDatabase } from './db/database';

/** `npm run start:api`: Neo4j (embedded unless NEO4J_URI), migrations, seed if needed, API. */
async function main(): Promise<void> {
  const cfg = loadConfig();
  const db = await openDatabase(cfg);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    await api?.stop().catch(() => undefined);
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  let api: Awaited<ReturnType<typeof startApi>> | undefined;
  try {
    const bundle = await ensureSeeded(db, cfg);
    api = await startApi(db, cfg, bundle.datasetVersion);
  } catch (err) {
    await db.close();
    throw err;
  }
}

main().catch((err: Error) => {
  console.error(`clusteratlas: ${err.message}`);
  process.exit(1);
});
