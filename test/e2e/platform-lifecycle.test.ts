import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../helpers/free-port';
import { REPO_ROOT } from './helpers/stack';

/**
 * `npm start`'s process (dist/server/src/platform.js) as a newcomer uses it: first start seeds,
 * a second start on the same data directory works, a second instance while one runs names the
 * taken port, and Ctrl-C (SIGINT to the foreground process group) leaves no java or next behind.
 */
const PLATFORM = path.join(REPO_ROOT, 'dist/server/src/platform.js');
const PREFLIGHT = path.join(REPO_ROOT, 'dist/server/src/preflight.js');

interface Ports {
  API_PORT: string;
  WEB_PORT: string;
  NEO4J_BOLT_PORT: string;
  REDIS_PORT: string;
}

let tmp: string;
let ports: Ports;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'clusteratlas-platform-'));
  ports = {
    API_PORT: String(await freePort()),
    WEB_PORT: String(await freePort()),
    NEO4J_BOLT_PORT: String(await freePort()),
    REDIS_PORT: String(await freePort()),
  };
  const { NEO4J_URI: _u, NEO4J_PASSWORD: _p, REDIS_URL: _r, ...rest } = process.env;
  env = { ...rest, ...ports, NEO4J_DATA_DIR: path.join(tmp, 'neo4j'), REDIS_DATA_DIR: path.join(tmp, 'redis'), NEO4J_HEAP_MB: '512', NODE_ENV: 'production' };
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Like a terminal: the platform leads its own process group, which Ctrl-C signals as a whole. */
function startPlatform(log: string): ChildProcess {
  const out = openSync(path.join(tmp, log), 'a');
  return spawn(process.execPath, [PLATFORM], { cwd: REPO_ROOT, env, stdio: ['ignore', out, out], detached: true });
}

function groupMembers(pgid: number): string[] {
  const ps = spawnSync('ps', ['-eo', 'pgid=,comm='], { encoding: 'utf8' });
  return ps.stdout
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter(([g]) => Number(g) === pgid)
    .map(([, comm]) => comm);
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} not within ${timeoutMs / 1000} s`);
}

async function totalCount(): Promise<number | undefined> {
  const res = await fetch(`http://127.0.0.1:${ports.API_PORT}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ clusters { totalCount } }' }),
  });
  const body = (await res.json()) as { data?: { clusters: { totalCount: number } } };
  return body.data?.clusters.totalCount;
}

async function siteUp(): Promise<true | undefined> {
  const res = await fetch(`http://127.0.0.1:${ports.WEB_PORT}/`);
  return res.status === 200 ? true : undefined;
}

async function interruptAndWait(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid!, 'SIGINT');
  await exited;
  // Neo4j and next may still be finishing their own shutdown; they must go without another signal.
  await until('every process of the group to exit', 30_000, async () => (groupMembers(child.pid!).length === 0 ? true : undefined));
}

it('serves 216 clusters and the site, refuses a second instance by port, and stops whole on Ctrl-C, twice on one data directory', async () => {
  const first = startPlatform('first.log');
  try {
    expect(await until('the API', 240_000, totalCount)).toBe(216);
    expect(await until('the website', 60_000, siteUp)).toBe(true);
    const members = groupMembers(first.pid!);
    expect(members).toContain('java');

    const second = spawnSync(process.execPath, [PREFLIGHT], { cwd: REPO_ROOT, env, encoding: 'utf8' });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`port ${ports.API_PORT}`);
    expect(second.stderr).toContain('API_PORT');
    expect(second.stderr).toContain(`port ${ports.NEO4J_BOLT_PORT}`);
    expect(second.stderr).toContain(`port ${ports.REDIS_PORT}`);
  } finally {
    await interruptAndWait(first);
  }
  // next runs in a group of its own (see platform.ts); it must be gone with the port it held.
  expect(await until('the website port to be released', 30_000, async () => ((await siteUp().catch(() => undefined)) ? undefined : true))).toBe(true);
  expect(readFileSync(path.join(tmp, 'first.log'), 'utf8')).toContain('seed: ');

  const again = startPlatform('second.log');
  try {
    expect(await until('the API on the existing data directory', 180_000, totalCount)).toBe(216);
  } finally {
    await interruptAndWait(again);
  }
  expect(readFileSync(path.join(tmp, 'second.log'), 'utf8')).toContain('seed: database already holds');
}, 600_000);
