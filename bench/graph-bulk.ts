import neo4j from 'neo4j-driver';
import { readFileSync, rmSync } from 'node:fs';
import { bulkImportCatalog, finishBulkImport } from '../server/src/load/bulk-import';
import { loadCatalog } from '../server/src/load/catalog-loader';
import { Executor } from '../server/src/db/executor';
import { migrationFiles, splitStatements } from '../server/src/db/migrations';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../server/src/db/neo4j-launcher';
import type { SeedBundle } from '../server/src/load/seed-file';
import { freePort } from '../test/helpers/free-port';
import { cpuSeconds } from './graph-process';
import { fmt } from './stats';

/**
 * The two load paths of bench:graph, each into a fresh store of its own with its own embedded
 * Neo4j (same launcher, heap and page cache as the API's): the offline bulk import
 * (server/src/db/bulk-import.ts) and the online loader (loadCatalog over Bolt).
 */

const PASSWORD = 'bench-load-password-1234';
const quiet = () => undefined;

export interface ExpectedCounts {
  clusters: number;
  atoms: number;
  bonds: number;
  version: string;
}

export interface LoadArm {
  clusters: number;
  atoms: number;
  /** Timed parts in order, seconds. */
  parts: Array<[string, number]>;
  totalS: number;
}

/** Only servers this module started; bench:graph stops them if it is interrupted. */
const running = new Set<EmbeddedNeo4j>();
export async function stopLoadServers(): Promise<void> {
  await Promise.all([...running].map((s) => s.stop()));
}

async function withServer<T>(dataDir: string, heapMb: number, body: (executor: Executor, server: EmbeddedNeo4j) => Promise<T>): Promise<T> {
  const server = await startEmbeddedNeo4j({
    boltPort: await freePort(),
    dataDir,
    password: PASSWORD,
    heapMb,
    startTimeoutS: 600,
    txTimeoutMs: 600000,
    log: quiet,
  });
  running.add(server);
  const driver = neo4j.driver(server.uri, neo4j.auth.basic('neo4j', PASSWORD), { disableLosslessIntegers: true });
  try {
    return await body(new Executor(driver, 'neo4j', 600000), server);
  } finally {
    await driver.close();
    await server.stop();
    running.delete(server);
  }
}

/** Every migration statement, then one wait for the indexes (applyMigrations waits at most 60 s, too short for a large bulk-imported store). */
async function migrate(executor: Executor): Promise<{ schemaS: number; indexesS: number }> {
  let t = performance.now();
  for (const file of migrationFiles()) {
    for (const statement of splitStatements(readFileSync(file, 'utf8'))) {
      await executor.autoCommit({ cypher: statement, params: {} }, { purpose: 'bench migration' });
    }
  }
  const schemaS = (performance.now() - t) / 1000;
  t = performance.now();
  await executor.autoCommit({ cypher: 'CALL db.awaitIndexes(600)', params: {} }, { purpose: 'bench await indexes' });
  return { schemaS, indexesS: (performance.now() - t) / 1000 };
}

export async function verifyCounts(executor: Executor, expected: ExpectedCounts, store: string): Promise<string> {
  const [counts] = await executor.read<ExpectedCounts>(
    {
      cypher: `MATCH (d:Dataset) WITH d.version AS version
CALL { MATCH (c:Cluster) RETURN count(c) AS clusters }
CALL { MATCH (a:Atom) RETURN count(a) AS atoms }
CALL { MATCH ()-[b:BOND]->() RETURN count(b) AS bonds }
RETURN clusters, atoms, bonds, version`,
      params: {},
    },
    { purpose: 'bench counts', timeoutMs: 600000 },
  );
  if (
    !counts ||
    counts.clusters !== expected.clusters ||
    counts.atoms !== expected.atoms ||
    counts.bonds !== expected.bonds ||
    counts.version !== expected.version
  ) {
    throw new Error(`the ${store} store does not hold the generated catalog: ${JSON.stringify(counts)}, expected ${JSON.stringify(expected)}`);
  }
  return `${counts.clusters} clusters, ${counts.atoms} atoms, ${counts.bonds} bonds (dataset ${counts.version})`;
}

/**
 * Bulk import into the empty dataDir, then the first start as a user would have it: migrations,
 * until db.awaitIndexes returns, and the finishing statements; the counts are checked and the
 * server stopped, so the API starts next on a ready store.
 */
export async function bulkArm(opts: {
  dataDir: string;
  tmpDir: string;
  bundle: SeedBundle;
  expected: ExpectedCounts;
  heapMb: number;
  line: (label: string, text: string) => void;
}): Promise<LoadArm> {
  const { bundle, expected, line } = opts;
  const started = performance.now();
  const result = await bulkImportCatalog(bundle, { dataDir: opts.dataDir, tmpDir: opts.tmpDir, log: process.env.BENCH_VERBOSE ? console.log : quiet });
  const parts: Array<[string, number]> = [
    ['CSV writing', result.csvMs / 1000],
    ['neo4j-admin import', result.importMs / 1000],
  ];
  let t = performance.now();
  await withServer(opts.dataDir, opts.heapMb, async (executor) => {
    parts.push(['first start', (performance.now() - t) / 1000]);
    const { schemaS, indexesS } = await migrate(executor);
    parts.push(['migrations (schema statements)', schemaS], ['index population (db.awaitIndexes)', indexesS]);
    t = performance.now();
    await finishBulkImport(executor, bundle, result);
    parts.push([`finish (${result.emptyLists.reduce((n, e) => n + e.keys.length, 0)} empty lists, Dataset node)`, (performance.now() - t) / 1000]);
    const totalS = (performance.now() - started) / 1000;
    line('store holds', await verifyCounts(executor, expected, 'bulk-imported'));
    line('CSV size', `${fmt(result.csvBytes / 2 ** 20, 0)} MiB (${result.nodes} nodes, ${result.relationships} relationships)`);
    parts.push(['total', totalS]);
  });
  return { clusters: expected.clusters, atoms: expected.atoms, parts, totalS: parts.at(-1)![1] };
}

/** loadCatalog into a fresh, migrated store of its own (deleted afterwards). */
export async function onlineArm(opts: {
  dataDir: string;
  bundle: SeedBundle;
  expected: ExpectedCounts;
  batch: number | undefined;
  heapMb: number;
  line: (label: string, text: string) => void;
}): Promise<LoadArm & { neo4jCpuS: number; clientCpuS: number }> {
  const { bundle, expected, line } = opts;
  rmSync(opts.dataDir, { recursive: true, force: true });
  try {
    return await withServer(opts.dataDir, opts.heapMb, async (executor, server) => {
      await migrate(executor);
      const javaCpu0 = cpuSeconds(server.process.pid!);
      const clientCpu0 = process.cpuUsage();
      const t = performance.now();
      let lastReport = t;
      await loadCatalog(executor, bundle, {
        batchSize: opts.batch,
        onProgress: (done, total) => {
          const now = performance.now();
          if (now - lastReport > 30000 && done < total) {
            console.log(`  … ${done}/${total} clusters, ${fmt(done / ((now - t) / 1000), 0)} clusters/s so far`);
            lastReport = now;
          }
        },
      });
      const totalS = (performance.now() - t) / 1000;
      const clientCpu = process.cpuUsage(clientCpu0);
      const neo4jCpuS = cpuSeconds(server.process.pid!) - javaCpu0;
      line('store holds', await verifyCounts(executor, expected, 'online-loaded'));
      return {
        clusters: expected.clusters,
        atoms: expected.atoms,
        parts: [['loadCatalog', totalS]],
        totalS,
        neo4jCpuS,
        clientCpuS: (clientCpu.user + clientCpu.system) / 1e6,
      };
    });
  } finally {
    rmSync(opts.dataDir, { recursive: true, force: true });
  }
}

export const rate = (count: number, seconds: number) => fmt(count / seconds, 0);
