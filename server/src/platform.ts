import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startSeededApi, type RunningApi } from './api';
import { loadConfig, REPO_ROOT } from './config';
import { openDatabase } from './db/database';
import { platformPorts } from './platform-ports';
import { startRedisUnlessExternal } from './redis/redis-launcher';
import { takenPorts } from './port-check';
import { logger } from './logger';

const WORKER_MAIN = path.join(__dirname, 'jobs', 'worker-main.js');
const WORKER_RESTART_DELAY_MS = 5000;
/** A worker hands its running job back within seconds of SIGTERM (its xtb is killed); this is the bound. */
const WORKER_STOP_GRACE_MS = 30_000;

/**
 * `npm start`: the whole platform on localhost — Redis and embedded Neo4j (unless REDIS_URL /
 * NEO4J_URI), seeded, the API, one structure-search worker, and the production website
 * (`next start`) when it has been built.
 *
 * The worker is a child process running `npm run worker`'s entry, not a part of the API process:
 * the same code path as the workers started on other machines, its event loop (BullMQ lock
 * renewals, xtb output parsing) never competes with the API's, and a crash in a search does not
 * take the API down (the worker is restarted and its job is recovered as a stalled job).
 */
async function main(): Promise<void> {
  const loaded = loadConfig();
  const taken = await takenPorts(platformPorts(loaded));
  if (taken.length > 0) throw new Error(taken.join('\n'));
  const redis = await startRedisUnlessExternal(loaded, undefined, { ownProcessGroup: true });
  // The API's rate-limit buckets live in this Redis (shared with any other API process using it).
  const cfg = { ...loaded, REDIS_URL: redis.url };
  const db = await openDatabase(cfg).catch(async (err: unknown) => {
    await redis.stop();
    throw err;
  });
  let api: RunningApi | undefined;
  let web: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let stopping = false;
  const shutdown = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    const workerExited = worker ? stopGroup(worker, WORKER_STOP_GRACE_MS) : Promise.resolve();
    if (web?.pid) {
      try {
        process.kill(-web.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await api?.stop().catch(() => undefined);
    await db.close();
    await workerExited;
    await redis.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  api = await startSeededApi(db, cfg);

  // The worker finds the local Redis as `npm run worker` does (REDIS_PORT and the password file), or inherits REDIS_URL.
  const startWorker = () => {
    // The worker writes structures to this Neo4j: named explicitly, so it connects instead of starting one.
    const env = { ...process.env, REDIS_URL: cfg.REDIS_URL, NEO4J_URI: db.uri, NEO4J_PASSWORD: cfg.neo4jPassword };
    worker = spawn(process.execPath, [WORKER_MAIN], { stdio: 'inherit', detached: true, env });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      logger.error(`worker: exited (${signal ?? `code ${code}`}); restarting in ${WORKER_RESTART_DELAY_MS / 1000} s`);
      setTimeout(() => {
        if (!stopping) startWorker();
      }, WORKER_RESTART_DELAY_MS);
    });
  };
  startWorker();

  const webDir = path.join(REPO_ROOT, 'web');
  if (!existsSync(path.join(webDir, '.next', 'BUILD_ID'))) {
    logger.warn('web: no production build found (run "npm run build:web"); serving the API only');
    return;
  }
  const webPort = String(cfg.WEB_PORT);
  // The site's server (web/server.js: next plus the visitor's address in X-Forwarded-For) under
  // this Node, in a process group of its own: stopping the platform then stops the whole group.
  web = spawn(process.execPath, [path.join(webDir, 'server.js'), '-p', webPort, '-H', '127.0.0.1'], {
    cwd: webDir,
    stdio: 'inherit',
    detached: true,
    env: { ...process.env, NODE_ENV: 'production', API_URL: `${api.url}/graphql`, API_ORIGIN: api.url },
  });
  web.on('exit', (code) => {
    if (!stopping) {
      logger.error(`web: the site's server exited with code ${code}`);
      void shutdown('web exit', 1);
    }
  });
  logger.info(`web: http://localhost:${webPort}`);
}

/** SIGTERM to the child's process group (its xtb processes included); SIGKILL after graceMs. */
function stopGroup(child: ChildProcess, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (!child.pid || child.exitCode !== null || child.signalCode !== null) return resolve();
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    };
    const force = setTimeout(() => signalGroup('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    signalGroup('SIGTERM');
  });
}

main().catch((err: Error) => {
  logger.fatal(`clusteratlas: ${err.message}`);
  process.exit(1);
});
