import neo4j from 'neo4j-driver';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Executor } from '../server/src/db/executor';
import { migrationFiles, splitStatements } from '../server/src/db/migrations';
import { MOTIF_TIMEOUT_MS } from '../server/src/db/structure.repository';
import { readSeedBundle, type SeedBundle } from '../server/src/load/seed-file';
import { startApiProcess } from './api-stack';
import { queryArms } from './graph-arms';
import { bulkArm, onlineArm, rate, stopLoadServers, verifyCounts, type ExpectedCounts } from './graph-bulk';
import { childNamed, cpuByCommand, readMemory, resetPeakRss, snapshotCpu, type CpuSnapshot } from './graph-process';
import { COMPOSITION_FORMULAS, MOTIFS, compositionSearch, compositionTotal, motifCount, motifFirstPage, type WorkloadItem } from './graph-workload';
import { directoryBytes, INDEX_CANDIDATES, line, mib, newArm, planAccess, stats, type Arm } from './graph-report';
import { fmt, summarize } from './stats';
import { elementPoolsFromSeed, generateSyntheticCatalog, syntheticSeedHeader, type SyntheticOptions } from './synthetic-catalog';

/**
 * `npm run bench:graph`: a synthetic catalog of 100,000 clusters with structures (atoms and
 * bonds as graphs), loaded twice side by side: with the offline bulk import into the store the
 * API then serves (timed until its first start has the indexes online), and with the online
 * loader (loadCatalog over Bolt) into a second, temporary store; then composition search and motif search timed over HTTP GraphQL
 * and as raw Cypher, the API's and Neo4j's peak memory, and the same queries with and without
 * candidate indexes. The store lives in .data/bench-graph-neo4j and is recreated on every run;
 * it never touches the real catalog.
 *
 * Environment: BENCH_CLUSTERS (100000), BENCH_SEED, BENCH_BATCH (online loader batch, default the
 * loader's), BENCH_ONLINE_CLUSTERS (how many of the clusters the online arm loads, default all), BENCH_SAMPLES (timed rounds per query for the main figures, 30), BENCH_INDEX_SAMPLES
 * (rounds per query with/without an index, 10), BENCH_COUNT_SAMPLES (2), NEO4J_PAGECACHE_MB (1024),
 * NEO4J_HEAP_MB (1024, the API's default; also the load arms' servers), BENCH_VERBOSE (API and importer output).
 */
const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
const DATA_DIR = path.join(ROOT, '.data', 'bench-graph-neo4j');
// Names the API process that owns DATA_DIR while a run is going.
const PID_FILE = `${DATA_DIR}.pid`;
const SEED_DIR = path.join(ROOT, '.data', 'bench-graph-seed');
// The online loader's store, recreated for the load comparison and deleted after it.
const ONLINE_DATA_DIR = path.join(ROOT, '.data', 'bench-graph-online-neo4j');
const env = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${process.env[name]}"`);
  return value;
};
const OPTIONS: SyntheticOptions = { clusterCount: env('BENCH_CLUSTERS', 100000), seed: env('BENCH_SEED', 20250601), minAtoms: 3, maxAtoms: 20 };
const BATCH = env('BENCH_BATCH', 0) || undefined;
const ONLINE_CLUSTERS = env('BENCH_ONLINE_CLUSTERS', 0) || undefined;
const HEAP_MB = env('NEO4J_HEAP_MB', 1024);
const SAMPLES = env('BENCH_SAMPLES', 30);
const INDEX_SAMPLES = env('BENCH_INDEX_SAMPLES', 10);
const COUNT_SAMPLES = env('BENCH_COUNT_SAMPLES', 2);
const PAGECACHE_MB = env('NEO4J_PAGECACHE_MB', 1024);
const TARGETS = { loadClustersPerS: 2000, compositionP99Ms: 50, motifP99Ms: 300 };
// The API's own time budgets, so the raw arm fails where the API would.
const SEARCH_TIMEOUT_MS = 15000;

async function main() {
  // Output piped into `head` must not kill the run before it stops its API (EPIPE).
  process.stdout.on('error', () => undefined);
  const started = performance.now();
  console.log(`bench:graph — ${OPTIONS.clusterCount} synthetic clusters (${OPTIONS.minAtoms}-${OPTIONS.maxAtoms} atoms, seed ${OPTIONS.seed})`);
  console.log(
    `machine: ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB, load average ${os
      .loadavg()
      .map((x) => fmt(x, 1))
      .join(' ')} at start`,
  );

  // Deleting the store under a live Neo4j (a run killed before it could stop its API) would
  // leave two servers writing one directory.
  if (existsSync(PID_FILE)) {
    const pid = Number(readFileSync(PID_FILE, 'utf8'));
    if (existsSync(`/proc/${pid}`) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('main.js')) {
      throw new Error(`an API from an earlier bench:graph run (pid ${pid}) still uses ${DATA_DIR}; stop it (kill ${pid}) and run again`);
    }
  }
  rmSync(DATA_DIR, { recursive: true, force: true });
  rmSync(SEED_DIR, { recursive: true, force: true });
  mkdirSync(path.join(SEED_DIR, 'structures'), { recursive: true });
  const pools = elementPoolsFromSeed(path.join(ROOT, 'seed', 'data', 'clusters.json'));
  // The API seeds from this header-only file (no clusters); its version then names the
  // synthetic catalog, so the loaded store counts as seeded and is never reloaded by the API.
  const header = syntheticSeedHeader(OPTIONS, pools);
  writeFileSync(path.join(SEED_DIR, 'clusters.json'), `${JSON.stringify(header, null, 2)}\n`);
  const manifest = readSeedBundle(path.join(SEED_DIR, 'clusters.json'), path.join(SEED_DIR, 'structures'));

  let t = performance.now();
  const catalog = generateSyntheticCatalog(OPTIONS, pools);
  console.log(
    `generated ${catalog.clusters.length} clusters, ${catalog.atomCount} atoms, ${catalog.bondCount} bonds in ${fmt((performance.now() - t) / 1000, 1)} s` +
      ` (metals ${pools.metals.join(' ')}; ligands ${pools.ligands.join(' ')})`,
  );

  const bundle: SeedBundle = { seed: { ...header, clusters: catalog.clusters }, structures: catalog.structures, datasetVersion: manifest.datasetVersion };
  const expected: ExpectedCounts = { clusters: catalog.clusters.length, atoms: catalog.atomCount, bonds: catalog.bondCount, version: manifest.datasetVersion };
  // The load arms' own embedded servers get the API's page cache (the launcher reads it from the environment).
  process.env.NEO4J_PAGECACHE_MB = String(PAGECACHE_MB);
  let stopStack = async () => undefined as void;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      console.error(`bench:graph: ${signal}, stopping the API and its Neo4j`);
      void Promise.all([stopLoadServers(), stopStack()]).finally(() => process.exit(130));
    });
  }
  const summary: string[] = [];
  const perS = (arm: { clusters: number; atoms: number }, seconds: number) => `${rate(arm.clusters, seconds)} clusters/s, ${rate(arm.atoms, seconds)} atoms/s`;

  // ---- 1. load: bulk import and online loader, each into a fresh store -------------------------
  console.log(
    `\nload, bulk path (server/src/db/bulk-import.ts: CSV, then neo4j-admin database import full --threads=2 into the empty store, then its first start: migrations, index population, finishing statements)`,
  );
  let cpuBefore = snapshotCpu();
  const bulk = await bulkArm({ dataDir: DATA_DIR, tmpDir: path.join(ROOT, '.data'), bundle, expected, heapMb: HEAP_MB, line });
  for (const [name, seconds] of bulk.parts)
    line(name, `${fmt(seconds, 1).padStart(6)} s  ${name === 'total' ? perS(bulk, seconds) : `(${perS(bulk, seconds)} for this part alone)`}`);
  line(
    'CPU used during the bulk load',
    cpuByCommand(cpuBefore, snapshotCpu(), new Map([[process.pid, 'bench (this process)']]))
      .slice(0, 4)
      .map(([name, sec]) => `${name} ${fmt(sec, 0)} s`)
      .join(', '),
  );
  line('store size on disk', `${fmt(directoryBytes(DATA_DIR) / 2 ** 20, 0)} MiB`);

  const onlineCount = Math.min(ONLINE_CLUSTERS ?? catalog.clusters.length, catalog.clusters.length);
  const onlineClusters = catalog.clusters.slice(0, onlineCount);
  const onlineStructures = new Map(onlineClusters.flatMap((c) => (catalog.structures.has(c.id) ? [[c.id, catalog.structures.get(c.id)!] as const] : [])));
  const onlineIsomers = [...onlineStructures.values()].flatMap((f) => f.isomers);
  const onlineExpected: ExpectedCounts = {
    clusters: onlineCount,
    atoms: onlineIsomers.reduce((n, i) => n + i.atoms.length, 0),
    bonds: onlineIsomers.reduce((n, i) => n + i.bonds.length, 0),
    version: manifest.datasetVersion,
  };
  console.log(
    `\nload, online path (server/src/db/catalog-loader.ts loadCatalog through Bolt, batch ${BATCH ?? 'default'}) — ${onlineCount === catalog.clusters.length ? `all ${onlineCount}` : `the first ${onlineCount} of the ${catalog.clusters.length} (BENCH_ONLINE_CLUSTERS)`} clusters, into a fresh migrated store of its own`,
  );
  cpuBefore = snapshotCpu();
  const online = await onlineArm({
    dataDir: ONLINE_DATA_DIR,
    bundle: { ...bundle, seed: { ...bundle.seed, clusters: onlineClusters }, structures: onlineStructures },
    expected: onlineExpected,
    batch: BATCH,
    heapMb: HEAP_MB,
    line,
  });
  line('wall time', `${fmt(online.totalS, 1)} s`);
  line('throughput', perS(online, online.totalS));
  line(
    'CPU per 1000 clusters',
    `Neo4j ${fmt((online.neo4jCpuS / onlineCount) * 1000, 2)} s, loader client ${fmt((online.clientCpuS / onlineCount) * 1000, 2)} s`,
  );
  line('CPU-bound ceiling', `${fmt(onlineCount / online.neo4jCpuS, 0)} clusters per Neo4j CPU-second`);
  line(
    'CPU used during the online load',
    cpuByCommand(cpuBefore, snapshotCpu(), new Map([[process.pid, 'bench (this process)']]))
      .slice(0, 4)
      .map(([name, sec]) => `${name} ${fmt(sec, 0)} s`)
      .join(', '),
  );

  const bulkRate = bulk.clusters / bulk.totalS;
  const onlineRate = online.clusters / online.totalS;
  console.log('\nload, side by side (bulk total includes the first start until the indexes are online)');
  line('bulk import', `${perS(bulk, bulk.totalS)} (${bulk.clusters} clusters in ${fmt(bulk.totalS, 1)} s)`);
  line('online loader', `${perS(online, online.totalS)} (${online.clusters} clusters in ${fmt(online.totalS, 1)} s)`);
  line(
    'bulk / online',
    `${fmt(bulkRate / onlineRate, 1)}× (target ≥ ${TARGETS.loadClustersPerS} clusters/s: ${bulkRate >= TARGETS.loadClustersPerS ? 'met' : 'NOT met'} by the bulk path)`,
  );
  summary.push(
    `load: bulk ${perS(bulk, bulk.totalS)} (${fmt(bulk.totalS, 0)} s for ${bulk.clusters}, incl. first start and indexes); online ${perS(online, online.totalS)} (${online.clusters} clusters); bulk/online ${fmt(bulkRate / onlineRate, 1)}×; target ≥ ${TARGETS.loadClustersPerS} clusters/s`,
  );

  // ---- 2. the API on the bulk-imported store ---------------------------------------------------
  t = performance.now();
  const stack = await startApiProcess(DATA_DIR, {
    SEED_FILE: path.join(SEED_DIR, 'clusters.json'),
    STRUCTURES_DIR: path.join(SEED_DIR, 'structures'),
    NEO4J_PAGECACHE_MB: String(PAGECACHE_MB),
  });
  const apiPid = stack.child.pid!;
  writeFileSync(PID_FILE, String(apiPid));
  stopStack = async () => {
    await stack.stop();
    rmSync(PID_FILE, { force: true });
  };
  const javaPid = childNamed(apiPid, 'java');
  console.log(
    `\nAPI + embedded Neo4j up on the bulk-imported store in ${fmt((performance.now() - t) / 1000, 1)} s (API pid ${apiPid}, Neo4j JVM pid ${javaPid ?? 'not found'}, page cache ${PAGECACHE_MB} MiB)`,
  );
  const labels = new Map<number, string>([
    [process.pid, 'bench (this process)'],
    [apiPid, 'API (node)'],
  ]);
  if (javaPid) labels.set(javaPid, 'Neo4j (java)');
  const neighbours = (before: CpuSnapshot) =>
    cpuByCommand(before, snapshotCpu(), labels)
      .slice(0, 5)
      .map(([name, s]) => `${name} ${fmt(s, 0)} s`)
      .join(', ');

  const driver = neo4j.driver(stack.boltUri, neo4j.auth.basic('neo4j', stack.password), { disableLosslessIntegers: true });
  const executor = new Executor(driver, 'neo4j', SEARCH_TIMEOUT_MS);
  try {
    line('API store holds', await verifyCounts(executor, expected, 'API'));
    const loadPeak = { api: readMemory(apiPid), java: javaPid ? readMemory(javaPid) : null };
    line('peak RSS at API start', `API ${mib(loadPeak.api?.vmHwmKiB)}, Neo4j JVM ${mib(loadPeak.java?.vmHwmKiB)}`);
    const peaksReset = resetPeakRss(apiPid) && (!javaPid || resetPeakRss(javaPid));

    // ---- 2. queries ---------------------------------------------------------------------------
    const { graphql, raw, expect, measure } = queryArms(stack.apiUrl, executor);

    const composition = COMPOSITION_FORMULAS.map((f) => compositionSearch(f));
    const motifs = Object.keys(MOTIFS).map((name) => motifFirstPage(name));
    await expect(composition, SEARCH_TIMEOUT_MS);
    await expect(motifs, MOTIF_TIMEOUT_MS);
    for (const item of composition) {
      const g = await graphql(item.graphql);
      const r = await raw(item, SEARCH_TIMEOUT_MS);
      if (compositionTotal.graphql(g.body) !== compositionTotal.raw(r.rows)) throw new Error(`${item.label}: GraphQL and raw totals differ`);
      line(`"${item.label}" matches`, `${compositionTotal.raw(r.rows)} clusters`);
    }

    console.log('\nquery plans (EXPLAIN of the Cypher the API runs) and the first call after the plan cache is cleared');
    for (const item of [...composition, ...motifs]) {
      const plan = (await driver.executeQuery(`EXPLAIN ${item.raw.cypher}`, item.raw.params, { database: 'neo4j', routing: neo4j.routing.READ })).summary.plan;
      line(`${item.label} plan reads`, plan ? planAccess(plan).join('; ') : 'n/a');
    }
    for (const item of [composition[0], ...motifs]) {
      await executor.autoCommit({ cypher: 'CALL db.clearQueryCaches()', params: {} }, { purpose: 'bench clear plans' });
      const cold = await raw(item, MOTIF_TIMEOUT_MS);
      const warm = await raw(item, MOTIF_TIMEOUT_MS);
      line(`${item.label} cold / warm`, `${fmt(cold.ms, 0)} ms / ${fmt(warm.ms, 0)} ms (the difference is planning)`);
    }
    // Warm-up: JIT on both sides, page cache, query plans.
    await measure([...composition, ...motifs], 5, MOTIF_TIMEOUT_MS, { graphql: true, raw: true });

    console.log(`\ncomposition search, first page of 20 ordered by log10K1 (${COMPOSITION_FORMULAS.join(', ')}; ${SAMPLES} interleaved rounds)`);
    let cpu = snapshotCpu();
    const comp = await measure(composition, SAMPLES, SEARCH_TIMEOUT_MS, { graphql: true, raw: true });
    for (const [label, arms] of comp.byItem) {
      line(`"${label}" GraphQL`, stats(arms.graphql));
      line(`"${label}" raw Cypher`, stats(arms.raw));
    }
    line('all GraphQL', stats(comp.graphql));
    line('all raw Cypher', stats(comp.raw));
    line('CPU used meanwhile', neighbours(cpu));
    summary.push(
      `composition search p50/p99: GraphQL ${fmt(summarize(comp.graphql.samplesMs).p50, 1)}/${fmt(summarize(comp.graphql.samplesMs).p99, 1)} ms, raw ${fmt(summarize(comp.raw.samplesMs).p50, 1)}/${fmt(summarize(comp.raw.samplesMs).p99, 1)} ms (target p99 ≤ ${TARGETS.compositionP99Ms} ms)`,
    );

    console.log(`\nmotif search, first page of 20 without totalCount (${SAMPLES} interleaved rounds)`);
    cpu = snapshotCpu();
    const motif = await measure(motifs, SAMPLES, MOTIF_TIMEOUT_MS, { graphql: true, raw: true });
    for (const [label, arms] of motif.byItem) {
      line(`${label} GraphQL`, stats(arms.graphql));
      line(`${label} raw Cypher`, stats(arms.raw));
      summary.push(
        `motif ${label} first page p50/p99: GraphQL ${fmt(summarize(arms.graphql.samplesMs).p50, 1)}/${fmt(summarize(arms.graphql.samplesMs).p99, 1)} ms, raw ${fmt(summarize(arms.raw.samplesMs).p50, 1)}/${fmt(summarize(arms.raw.samplesMs).p99, 1)} ms (target p99 ≤ ${TARGETS.motifP99Ms} ms)`,
      );
    }
    line('CPU used meanwhile', neighbours(cpu));

    console.log(
      `\nmotif search totalCount (GraphQL: a one-row page, then the count query; ${COUNT_SAMPLES} rounds; API time budget ${MOTIF_TIMEOUT_MS / 1000} s)`,
    );
    for (const name of Object.keys(MOTIFS)) {
      const item = motifCount(name);
      const g = newArm();
      const r = newArm();
      let total: number | null = null;
      // Compiles the count plan once, so neither arm's first sample pays for it.
      await raw(item, MOTIF_TIMEOUT_MS).catch(() => undefined);
      for (let round = 0; round < COUNT_SAMPLES; round++) {
        const gr = await graphql(item.graphql);
        g.samplesMs.push(gr.ms);
        try {
          total = item.graphqlTotal(gr.body);
        } catch (err) {
          g.errors.push((err as Error).message.slice(0, 120));
        }
        try {
          const rr = await raw(item, MOTIF_TIMEOUT_MS);
          r.samplesMs.push(rr.ms);
          if (total !== null && item.rawTotal(rr.rows) !== total) r.errors.push('count differs from GraphQL');
        } catch (err) {
          r.errors.push((err as Error).message.slice(0, 120));
        }
      }
      line(`${name} count = ${total ?? '?'} GraphQL`, stats(g));
      line(`${name} count raw Cypher`, stats(r));
      summary.push(
        `motif ${name} totalCount (${total ?? 'failed'}): GraphQL p50 ${fmt(summarize(g.samplesMs).p50, 0)} ms, raw p50 ${fmt(summarize(r.samplesMs).p50, 0)} ms`,
      );
    }

    // ---- 3. memory --------------------------------------------------------------------------
    const queryPeak = { api: readMemory(apiPid), java: javaPid ? readMemory(javaPid) : null };
    console.log('\npeak memory (VmHWM)');
    // After the load the high-water marks were reset to the RSS of that moment, so the second figure is the query phase's own peak.
    line(
      'API process (node)',
      `${mib(loadPeak.api?.vmHwmKiB)} at start; ${peaksReset ? `${mib(queryPeak.api?.vmHwmKiB)} during the queries` : 'peak reset not permitted'}`,
    );
    line(
      'Neo4j JVM (child of the API)',
      `${mib(loadPeak.java?.vmHwmKiB)} at start; ${peaksReset ? `${mib(queryPeak.java?.vmHwmKiB)} during the queries` : 'peak reset not permitted'}`,
    );
    summary.push(
      `peak RSS during queries: API ${mib(queryPeak.api?.vmHwmKiB)}, Neo4j JVM ${mib(queryPeak.java?.vmHwmKiB)} (at start: ${mib(loadPeak.java?.vmHwmKiB)})`,
    );

    // ---- 4. indexes -------------------------------------------------------------------------
    console.log(`\nindexes: raw Cypher with and without (pooled over the workload's queries, one untimed round after each schema change)`);
    const statements = migrationFiles().flatMap((file) => splitStatements(readFileSync(file, 'utf8')).map((s) => ({ file: path.basename(file), s })));
    const p50 = (a: Arm) => summarize(a.samplesMs).p50;
    const p99 = (a: Arm) => summarize(a.samplesMs).p99;
    const schema = async (cypher: string) => {
      await executor.autoCommit({ cypher, params: {} }, { purpose: 'bench schema change' });
      await executor.autoCommit({ cypher: 'CALL db.awaitIndexes(600)', params: {} }, { purpose: 'bench await index' });
    };
    /** Times items, with one untimed round first so replanning after a schema change is not counted. */
    const timed = async (items: WorkloadItem[], rounds: number, timeoutMs: number, warm = true) => {
      if (warm) await measure(items, 1, timeoutMs, { graphql: false, raw: true });
      return (await measure(items, rounds, timeoutMs, { graphql: false, raw: true })).raw;
    };
    for (const candidate of INDEX_CANDIDATES) {
      const create = statements.find(({ s }) => new RegExp(`\\b${candidate.kind} ${candidate.name} IF NOT EXISTS\\b`).test(s));
      if (!create) throw new Error(`${candidate.kind.toLowerCase()} ${candidate.name} is not created by any schema/neo4j migration`);
      const items = candidate.workload === 'composition' ? composition : motifs;
      const timeout = candidate.workload === 'composition' ? SEARCH_TIMEOUT_MS : MOTIF_TIMEOUT_MS;
      const rounds = Math.max(2, Math.round(INDEX_SAMPLES * candidate.roundsFactor));
      const withIndex = await timed(items, rounds, timeout);
      await schema(`DROP ${candidate.kind} ${candidate.name} IF EXISTS`);
      try {
        // Queries that scan everything without the index take seconds; planning is noise there.
        const without = await timed(items, rounds, timeout, candidate.roundsFactor >= 0.5);
        line(`${candidate.name} (${create.file}) with`, stats(withIndex));
        line(`${candidate.name} without`, stats(without));
        summary.push(
          `${candidate.kind.toLowerCase()} ${candidate.name}, ${candidate.workload} search: p50/p99 ${fmt(p50(withIndex), 1)}/${fmt(p99(withIndex), 1)} ms with, ${fmt(p50(without), 1)}/${fmt(p99(without), 1)} ms without`,
        );
      } finally {
        await schema(create.s);
      }
    }
  } finally {
    await driver.close();
    await stopStack();
  }
  console.log(
    `\nsummary (${OPTIONS.clusterCount} synthetic clusters, ${catalog.atomCount} atoms, ${catalog.bondCount} bonds; ${os.cpus().length} shared cores, load average now ${os
      .loadavg()
      .map((x) => fmt(x, 1))
      .join(' ')})`,
  );
  for (const s of summary) console.log(`  ${s}`);
  console.log(`total ${fmt((performance.now() - started) / 1000, 0)} s; store kept in ${path.relative(ROOT, DATA_DIR)} until the next run`);
}

main().catch((err) => {
  console.error(`bench:graph failed: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
