import { loadConfig } from '../config';
import { lineLog, logger } from '../logger';
import { describeRedisUrl, resolveRedisUrl } from '../redis/connection';
import { connectDatabase } from '../db/database';
import { submissionCallbacks } from './submission-callbacks';
import { startStructureWorker } from './structure-worker';

/**
 * `npm run worker`: one structure-search worker process. Start as many as the machines allow,
 * each pointed at the same Redis (REDIS_URL, or on this machine the redis-server `npm start`
 * runs: 127.0.0.1:REDIS_PORT with the password in .data/redis-password). Runs until SIGTERM or
 * SIGINT, then hands its running jobs back to the queue and exits. It writes each structure onto
 * its submission in Neo4j (NEO4J_URI, or this machine's embedded server: db/database.ts connectDatabase).
 */

const CLOSE_TIMEOUT_MS = 20_000;

async function main(): Promise<void> {
  const cfg = loadConfig();
  const log = lineLog('worker');
  const redisUrl = resolveRedisUrl(cfg);
  // Results are written to their submissions in Neo4j by the worker itself, so they land even while no API runs.
  const db = await connectDatabase(cfg);
  const worker = startStructureWorker({
    redisUrl,
    callbacks: submissionCallbacks(db.executor, log),
    concurrency: cfg.WORKER_CONCURRENCY,
    lockDurationMs: cfg.WORKER_LOCK_DURATION_MS,
    stalledIntervalMs: cfg.WORKER_STALLED_INTERVAL_MS,
    maxStalledCount: cfg.WORKER_MAX_STALLED,
    xtbTimeoutMs: cfg.WORKER_XTB_TIMEOUT_MS,
    niceness: cfg.XTB_NICENESS,
    log,
  });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: handing running jobs back and closing`);
    // Redis may be gone already; the job is then recovered as a stalled job once its lock expires.
    const timer = setTimeout(() => {
      log(`close: not done within ${CLOSE_TIMEOUT_MS / 1000} s; exiting`);
      process.exit(0);
    }, CLOSE_TIMEOUT_MS);
    await worker.close().catch((err: Error) => log(`close: ${err.message}`));
    await db.close().catch(() => undefined);
    clearTimeout(timer);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await worker.worker.waitUntilReady();
  log(`worker ${worker.name} ready: queue structure-search on ${describeRedisUrl(redisUrl)}, ${cfg.WORKER_CONCURRENCY} job(s) at once`);
}

main().catch((err: Error) => {
  logger.fatal(`clusteratlas worker: ${err.message}`);
  process.exit(1);
});
