import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalRedis, type LocalRedis } from '../../../server/src/redis/redis-launcher';
import { freePort } from '../../helpers/free-port';

/** The repo root, found from here whether this runs from source (ts-jest) or compiled into dist/ (bench). */
function findRepoRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'web', 'package.json')) || !existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No ClusterAtlas repo root above ${start}`);
    dir = parent;
  }
  return dir;
}
export const REPO_ROOT = findRepoRoot(__dirname);
const API_MAIN = path.join(REPO_ROOT, 'dist/server/src/main.js');
const WEB_DIR = path.join(REPO_ROOT, 'web');
const WEB_SERVER = path.join(WEB_DIR, 'server.js');

export interface Service {
  name: string;
  url: string;
  pid: number;
  log: string;
  /** The API's embedded Neo4j, for tests that prepare data the way an operator would (npm run users). */
  neo4j?: { uri: string; passwordFile: string };
}

export interface WebStack {
  apiUrl: string;
  webUrl: string;
  tmpDir: string;
  services: Service[];
  /** The model folder both servers read (a private copy), when TEST_MODELS_DIR named one. */
  modelsDir: string | null;
}

/**
 * CI trains a smoke model first and names it in TEST_MODELS_DIR (as for the integration tests).
 * The stack gets its own copy, so a retraining elsewhere cannot change it mid-run.
 */
function copyModels(tmpDir: string): string | null {
  const source = process.env.TEST_MODELS_DIR;
  if (!source) return null;
  const from = path.resolve(REPO_ROOT, source);
  if (!existsSync(path.join(from, 'manifest.json'))) throw new Error(`TEST_MODELS_DIR=${source} has no manifest.json (train it first: npm run test:ml:smoke).`);
  const to = path.join(tmpDir, 'models');
  cpSync(from, to, { recursive: true });
  return to;
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Polls until `ready` resolves true, the child exits, or the time runs out; failures quote the log. */
async function waitFor(name: string, child: ChildProcess, log: string, timeoutMs: number, ready: () => Promise<boolean>): Promise<void> {
  const started = Date.now();
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  while (Date.now() - started < timeoutMs) {
    if (exited !== null) throw new Error(`${name} exited with code ${exited} before it was ready. Log tail:\n${tail(log)}`);
    if (await ready().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${name} was not ready after ${timeoutMs / 1000} s. Log tail:\n${tail(log)}`);
}

function launch(args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; log: string }): ChildProcess {
  const out = openSync(opts.log, 'a');
  // Own process group, so teardown can end the server and whatever it started (Neo4j's JVM).
  return spawn(process.execPath, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', out, out], detached: true });
}

/** The built API over its own embedded Neo4j (temp data dir, free ports): never a developer's data. */
export async function startApi(tmpDir: string, modelsDir: string | null = null, extraEnv: NodeJS.ProcessEnv = {}): Promise<Service> {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: run \`npm run build\` first (npm run test:e2e does).`);
  const port = await freePort();
  const boltPort = await freePort();
  const log = path.join(tmpDir, 'api.log');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    API_HOST: '127.0.0.1',
    API_PORT: String(port),
    NEO4J_BOLT_PORT: String(boltPort),
    NEO4J_DATA_DIR: path.join(tmpDir, 'neo4j', 'store'),
    NEO4J_HEAP_MB: '768',
    // Shared 2-core machines: the embedded server's first transactions (setting its password,
    // seeding) can take far longer than in production; give them room instead of failing the run.
    NEO4J_TX_TIMEOUT_MS: '120000',
    NEO4J_START_TIMEOUT_S: '300',
    // The browser tests are one client (loopback) doing a whole suite's work; the limiter stays on.
    RATE_LIMIT_POINTS: '20000',
    // The 10 s motif budget is a production guard, not a speed test: on a loaded test machine a
    // brute-force comparison pattern must not fail for the machine's sake.
    MOTIF_TIMEOUT_MS: '60000',
    // One client runs the suite's searches back to back; the rest between searches guards a shared
    // server (fair-queue.test.ts, bench:abuse) and would only lengthen the suite here.
    MOTIF_REST_FACTOR: '0',
    RATE_LIMIT_MAX_IN_FLIGHT: '64',
    ...(modelsDir ? { MODELS_DIR: modelsDir } : {}),
    ...extraEnv,
  };
  // An inherited external server setting would point the test stack at someone's real data.
  delete env.NEO4J_URI;
  delete env.NEO4J_PASSWORD;
  const child = launch([API_MAIN], { cwd: REPO_ROOT, log, env });
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitFor('API', child, log, 240_000, async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ dataset { version } }' }),
    });
    return res.ok && Boolean(((await res.json()) as { data?: { dataset?: unknown } }).data?.dataset);
  });
  // The password is generated beside the store (server/src/config.ts).
  return { name: 'api', url, pid: child.pid!, log, neo4j: { uri: `bolt://127.0.0.1:${boltPort}`, passwordFile: path.join(tmpDir, 'neo4j', 'neo4j-password') } };
}

/** The site's server (web/server.js, `next start` plus X-Forwarded-For) on the production build in web/.next, pointed at `apiUrl`. */
export async function startWeb(tmpDir: string, apiUrl: string, name = 'web', modelsDir: string | null = null): Promise<Service> {
  if (!existsSync(path.join(WEB_DIR, '.next', 'BUILD_ID')))
    throw new Error('web/.next has no production build: run `npm run build:web` first (npm run test:e2e does).');
  const port = await freePort();
  const log = path.join(tmpDir, `${name}.log`);
  const child = launch([WEB_SERVER, '-p', String(port), '-H', '127.0.0.1'], {
    cwd: WEB_DIR,
    log,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      API_URL: apiUrl,
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      ...(modelsDir ? { MODELS_DIR: modelsDir } : {}),
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`Next server (${name})`, child, log, 60_000, async () => (await fetch(`${url}/about`)).status < 500);
  return { name, url, pid: child.pid!, log };
}

export async function startWebStack(): Promise<WebStack> {
  const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'clusteratlas-e2e-'));
  const services: Service[] = [];
  try {
    const modelsDir = copyModels(tmpDir);
    const api = await startApi(tmpDir, modelsDir);
    services.push(api);
    const web = await startWeb(tmpDir, api.url, 'web', modelsDir);
    services.push(web);
    return { apiUrl: api.url, webUrl: web.url, tmpDir, services, modelsDir };
  } catch (err) {
    await stopServices(services);
    throw err;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM first (the API stops its Neo4j cleanly), then the whole group if it lingers. */
export async function stopServices(services: Service[]): Promise<void> {
  for (const s of [...services].reverse()) {
    try {
      process.kill(s.pid, 'SIGTERM');
    } catch {
      continue;
    }
    const deadline = Date.now() + 30_000;
    while (alive(s.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    try {
      process.kill(-s.pid, 'SIGKILL');
    } catch {
      // Group already gone.
    }
  }
}

export function removeTmp(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

const WORKER_MAIN = path.join(REPO_ROOT, 'dist/server/src/jobs/worker-main.js');

/**
 * One structure-search worker (`npm run worker`'s entry), as `npm start` runs it beside the API
 * (server/src/platform.ts): pointed at the stack's Redis and at the API's embedded Neo4j, which it
 * connects to instead of starting one.
 */
export async function startWorker(tmpDir: string, redisUrl: string, neo4j: { uri: string; passwordFile: string }): Promise<Service> {
  if (!existsSync(WORKER_MAIN)) throw new Error(`${WORKER_MAIN} is missing: run \`npm run build\` first (npm run test:e2e does).`);
  const log = path.join(tmpDir, 'worker.log');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    REDIS_URL: redisUrl,
    NEO4J_URI: neo4j.uri,
    NEO4J_PASSWORD: readFileSync(neo4j.passwordFile, 'utf8').trim(),
  };
  const child = launch([WORKER_MAIN], { cwd: REPO_ROOT, log, env });
  await waitFor('structure worker', child, log, 120_000, async () => /worker \S+ ready/.test(readFileSync(log, 'utf8')));
  return { name: 'worker', url: redisUrl.replace(/\/\/[^@]*@/, '//'), pid: child.pid!, log };
}

/** A stack that takes contributions end to end: its own redis-server, the API on it, one structure worker, and the site. */
export interface ContributionStack extends WebStack {
  stop(): Promise<void>;
}

/**
 * Publishing a release changes the catalog every other browser test counts, so contribution
 * tests get a whole stack of their own (own Neo4j store, own Redis), never the shared one.
 */
export async function startContributionStack(): Promise<ContributionStack> {
  const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'clusteratlas-e2e-contrib-'));
  const services: Service[] = [];
  let redis: LocalRedis | undefined;
  const stop = async () => {
    await stopServices(services);
    await redis?.stop();
    removeTmp(tmpDir);
  };
  try {
    redis = await startLocalRedis({
      port: await freePort(),
      dataDir: path.join(tmpDir, 'redis'),
      password: randomBytes(16).toString('hex'),
      startTimeoutS: 30,
      log: () => undefined,
    });
    const modelsDir = copyModels(tmpDir);
    const api = await startApi(tmpDir, modelsDir, { REDIS_URL: redis.url });
    services.push(api);
    services.push(await startWorker(tmpDir, redis.url, api.neo4j!));
    const web = await startWeb(tmpDir, api.url, 'web', modelsDir);
    services.push(web);
    return { apiUrl: api.url, webUrl: web.url, tmpDir, services, modelsDir, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
