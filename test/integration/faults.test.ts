import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/src/db/neo4j-launcher';
import { freePort } from '../helpers/free-port';
import { graphFingerprint, type GraphFingerprint } from '../helpers/graph-fingerprint';

/**
 * Hard crashes with real processes: Neo4j and the API are killed with SIGKILL (no shutdown hook,
 * no checkpoint) and started again. Each scenario uses its own Neo4j store in a temp directory.
 * The seed CLI and the API run as built (`npm run build` first; `npm run test:int` does).
 */
const ROOT = path.join(__dirname, '..', '..');
const SEED_CLI = path.join(ROOT, 'dist', 'server', 'src', 'load', 'seed-cli.js');
const API_MAIN = path.join(ROOT, 'dist', 'server', 'src', 'main.js');
const PASSWORD = 'fault-test-password';
const timings: Record<string, number> = {};

let tmp: string;
const started: EmbeddedNeo4j[] = [];
const children: ChildProcess[] = [];
const drivers: Driver[] = [];

beforeAll(() => {
  for (const f of [SEED_CLI, API_MAIN]) if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run build\` first (npm run test:int does).`);
  tmp = mkdtempSync(path.join(os.tmpdir(), 'clusteratlas-faults-'));
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of drivers) await d.close().catch(() => undefined);
  for (const n of started) await n.stop();
  rmSync(tmp, { recursive: true, force: true });
  console.log(`fault-test timings (ms): ${JSON.stringify(timings)}`);
}, 180000);

async function neo4jAt(dir: string, boltPort: number): Promise<EmbeddedNeo4j> {
  const t0 = Date.now();
  const n = await startEmbeddedNeo4j({
    boltPort,
    dataDir: path.join(tmp, dir),
    password: PASSWORD,
    heapMb: 512,
    startTimeoutS: 300,
    txTimeoutMs: 120000,
    log: () => undefined,
  });
  timings[`neo4j start ${dir} #${started.filter((s) => s.uri === n.uri).length + 1}`] = Date.now() - t0;
  started.push(n);
  return n;
}

function driverFor(n: EmbeddedNeo4j): Driver {
  const d = neo4j.driver(n.uri, neo4j.auth.basic('neo4j', PASSWORD), { disableLosslessIntegers: true, maxTransactionRetryTime: 2000 });
  drivers.push(d);
  return d;
}

/** SIGKILL, then wait until the process is really gone (its store files are no longer written). */
async function kill9(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await gone;
}

function env(uri: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', NEO4J_URI: uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: PASSWORD, ...extra };
  if (process.env.TEST_MODELS_DIR) e.MODELS_DIR = process.env.TEST_MODELS_DIR;
  return e;
}

function run(script: string, e: NodeJS.ProcessEnv, log: string): ChildProcess {
  const out = openSync(path.join(tmp, log), 'a');
  const child = spawn(process.execPath, [script], { cwd: ROOT, env: e, stdio: ['ignore', out, out] });
  children.push(child);
  return child;
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

function logOf(name: string): string {
  return existsSync(path.join(tmp, name)) ? readFileSync(path.join(tmp, name), 'utf8') : '';
}

async function seed(n: EmbeddedNeo4j, log: string): Promise<void> {
  const t0 = Date.now();
  const { code } = await exitOf(run(SEED_CLI, env(n.uri), log));
  if (code !== 0) throw new Error(`seed exited with ${code}:\n${logOf(log).slice(-2000)}`);
  timings[log] = Date.now() - t0;
}

async function datasetVersion(d: Driver): Promise<string | null> {
  const r = await d.executeQuery('MATCH (x:Dataset) RETURN x.version AS v', {}, { database: 'neo4j' });
  return (r.records[0]?.get('v') as string | undefined) ?? null;
}

let clean: GraphFingerprint;

describe('Neo4j killed with SIGKILL during `npm run seed`', () => {
  it('a clean seed, for reference', async () => {
    const n = await neo4jAt('clean', await freePort());
    await seed(n, 'seed-clean.log');
    clean = await graphFingerprint(driverFor(n));
    expect(clean.nodesByLabel.Cluster).toBe(216);
    expect(clean.nodesByLabel.Dataset).toBe(1);
    expect(clean.nodeRows).toBeGreaterThan(1000);
    console.log(`clean seed: ${JSON.stringify(clean)}`);
    await n.stop();
  }, 400000);

  let port: number;
  let store: EmbeddedNeo4j;

  it('restarted and seeded again, the store equals the clean seed: counts and checksum', async () => {
    port = await freePort();
    const first = await neo4jAt('crash', port);
    const watcher = driverFor(first);
    const seeding = run(SEED_CLI, env(first.uri), 'seed-crash.log');
    // The loader writes the Dataset node as 'loading' first and its real version last: kill in between.
    const t0 = Date.now();
    let seen: string | null = null;
    while (seen !== 'loading' && Date.now() - t0 < 120000 && seeding.exitCode === null) {
      seen = await datasetVersion(watcher).catch(() => null);
      if (seen !== 'loading') await new Promise((r) => setTimeout(r, 10));
    }
    expect(seen).toBe('loading');
    await kill9(first.process);
    timings['seed running before SIGKILL'] = Date.now() - t0;
    const seedExit = await exitOf(seeding);
    expect(seedExit.code).not.toBe(0);
    expect(logOf('seed-crash.log')).toMatch(/seed: /);

    store = await neo4jAt('crash', port);
    const d = driverFor(store);
    // The crash really interrupted the load: no final version, and fewer clusters than the seed has.
    expect(await datasetVersion(d)).toBe('loading');
    const interrupted = await graphFingerprint(d);
    console.log(`after SIGKILL mid-seed and restart: ${JSON.stringify(interrupted.nodesByLabel)} (clean has ${clean.nodeRows} nodes)`);
    expect(interrupted.checksum).not.toBe(clean.checksum);

    await seed(store, 'seed-again.log');
    const after = await graphFingerprint(d);
    expect(after.nodesByLabel).toEqual(clean.nodesByLabel);
    expect(after.relationshipsByType).toEqual(clean.relationshipsByType);
    expect(after.checksum).toBe(clean.checksum);
  }, 600000);

  describe('the API over that store', () => {
    let apiPort: number;
    let api: ChildProcess;
    const apiUrl = () => `http://127.0.0.1:${apiPort}`;
    const query = (q: string, signal?: AbortSignal) =>
      fetch(`${apiUrl()}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q }), signal });
    const COUNT = '{ clusters(filter: {formula: "Ta3S*"}) { totalCount } }';
    // The same question in another text: the read cache (keyed by the text) has never seen it, so
    // only the database can answer it.
    const COUNT_UNCACHED = '{ clusters(filter: { formula: "Ta3S*" }) { totalCount } }';

    async function startApiProcess(log: string): Promise<ChildProcess> {
      const t0 = Date.now();
      const child = run(API_MAIN, env(store.uri, { API_PORT: String(apiPort), API_HOST: '127.0.0.1', NEO4J_ACQUIRE_TIMEOUT_MS: '2000' }), log);
      while (Date.now() - t0 < 240000) {
        if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}:\n${logOf(log).slice(-2000)}`);
        const ok = await fetch(`${apiUrl()}/health`).then(
          (r) => r.status === 200,
          () => false,
        );
        if (ok) {
          timings[`api ready (${log})`] = Date.now() - t0;
          return child;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`API not ready after 240 s:\n${logOf(log).slice(-2000)}`);
    }

    let expectedCount: number;

    it('recovers without a restart after Neo4j is SIGKILLed and started again, serving downloads from its cache meanwhile', async () => {
      apiPort = await freePort();
      api = await startApiProcess('api-1.log');
      const up = (await (await query(COUNT)).json()) as { data: { clusters: { totalCount: number } } };
      expectedCount = up.data.clusters.totalCount;
      expect(expectedCount).toBeGreaterThan(0);
      const download = await fetch(`${apiUrl()}/download/clusters.csv`);
      const csv = await download.text();
      const etag = download.headers.get('etag')!;

      await kill9(store.process);
      const down = await query(COUNT_UNCACHED);
      expect(down.status).toBe(503);
      const body = (await down.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(body.errors[0].message).not.toMatch(/bolt|neo4j:\/\/|ECONNREFUSED|MATCH/i);
      // The export of this dataset version was built once; it needs no database to be served again.
      expect((await fetch(`${apiUrl()}/download/clusters.csv`, { headers: { 'if-none-match': etag } })).status).toBe(304);
      const cached = await fetch(`${apiUrl()}/download/clusters.csv`);
      expect(cached.status).toBe(200);
      expect(await cached.text()).toBe(csv);

      store = await neo4jAt('crash', port);
      const t0 = Date.now();
      let again = await query(COUNT_UNCACHED);
      // The driver may hand out stale pooled connections before it notices the new server.
      for (let i = 0; i < 10 && again.status !== 200; i++) again = await query(COUNT_UNCACHED);
      timings['api answering again after Neo4j restart'] = Date.now() - t0;
      expect(again.status).toBe(200);
      expect(((await again.json()) as { data: { clusters: { totalCount: number } } }).data.clusters.totalCount).toBe(expectedCount);
      expect(api.exitCode).toBeNull();
      // A SIGKILL of a store at rest loses nothing.
      expect((await graphFingerprint(driverFor(store))).checksum).toBe(clean.checksum);
    }, 600000);

    it('killed with SIGKILL mid-request, the API starts cleanly again and answers', async () => {
      // A motif search that takes seconds: the kill lands while Neo4j is still matching.
      const slow = `{ motifSearch(pattern: {atoms: [{atomClass: ANY}, {atomClass: ANY}, {atomClass: ANY}, {atomClass: ANY}, {atomClass: ANY}],
        bonds: [{a: 0, b: 1}, {a: 1, b: 2}, {a: 2, b: 3}, {a: 3, b: 4}]}, first: 50) { totalCount } }`;
      const t0 = Date.now();
      const inFlight = query(slow).then(
        (r) => `answered ${r.status}`,
        (e: Error) => `failed: ${e.message}`,
      );
      await new Promise((r) => setTimeout(r, 500));
      await kill9(api);
      expect(await inFlight).toMatch(/^failed/);
      timings['request in flight before SIGKILL'] = Date.now() - t0;

      api = await startApiProcess('api-2.log');
      expect(logOf('api-2.log')).toMatch(/already holds/);
      const r = await query(COUNT);
      expect(r.status).toBe(200);
      expect(((await r.json()) as { data: { clusters: { totalCount: number } } }).data.clusters.totalCount).toBe(expectedCount);
      expect((await graphFingerprint(driverFor(store))).checksum).toBe(clean.checksum);
      api.kill('SIGTERM');
      await exitOf(api);
    }, 600000);
  });
});
