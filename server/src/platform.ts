import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startSeededApi, type RunningApi } from './api';
import { loadConfig, REPO_ROOT } from './config';
import { openDatabase } from './db/database';
import { platformPorts } from './platform-ports';
import { takenPorts } from './port-check';
import { logger } from './logger';

/**
 * `npm start`: the whole platform on localhost — embedded Neo4j (unless NEO4J_URI), seeded,
 * the API, and the production website (`next start`) when it has been built.
 */
async function main(): Promise<void> {
  const cfg = loadConfig();
  const taken = await takenPorts(platformPorts(cfg));
  if (taken.length > 0) throw new Error(taken.join('\n'));
  const db = await openDatabase(cfg);
  let api: RunningApi | undefined;
  let web: ChildProcess | undefined;
  let stopping = false;
  const shutdown = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    if (web?.pid) {
      try {
        process.kill(-web.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await api?.stop().catch(() => undefined);
    await db.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  api = await startSeededApi(db, cfg);

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

main().catch((err: Error) => {
  logger.fatal(`clusteratlas: ${err.message}`);
  process.exit(1);
});
