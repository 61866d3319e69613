/**
 * `npm run bench:jobs`: time from enqueue to a computed structure, through the real queue — a
 * redis-server of its own (temp dir, free port), one worker process (`npm run worker`'s entry)
 * already waiting, the GFN2-xTB search, and BullMQ's completion event.
 *
 *   npm run bench:jobs                       # Mo3S2-anion (a 5-atom catalog cluster) and Mo5⁻ (not in the catalog)
 *   npm run bench:jobs -- --runs 3
 *
 * Each run is a new submission (a repeated one would be a no-op). Prints, per cluster, the
 * enqueue→completed time next to the search's own wall time, so the queue's overhead shows.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import {
  createStructureJobs,
  searchClusterOf,
  QUEUE_PREFIX,
  STRUCTURE_QUEUE,
  type StructureJobSpec,
  type StructureJobSummary,
} from '../server/src/jobs/structure-jobs';
import { redisOptions } from '../server/src/redis/connection';
import { startLocalRedis } from '../server/src/redis/redis-launcher';
import { atomElements, candidateMultiplicities, startCount } from '../server/src/xtb/search/search-settings';
import { freePort } from '../test/helpers/free-port';

const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
const WORKER_MAIN = path.join(ROOT, 'dist', 'server', 'src', 'jobs', 'worker-main.js');

const CLUSTERS: Array<Omit<StructureJobSpec, 'submissionId'>> = [
  { clusterId: 'Mo3S2-anion', formula: 'Mo3S2', charge: -1, multiplicity: 4 },
  // Not in the catalog, no published multiplicity: both candidates (2 and 4) are searched.
  { clusterId: 'Mo5-anion', formula: 'Mo5', charge: -1, multiplicity: null },
];

function runsOption(argv: string[]): number {
  const i = argv.indexOf('--runs');
  const n = i >= 0 ? Number(argv[i + 1]) : 1;
  if (!Number.isInteger(n) || n < 1) throw new Error('--runs must be a positive integer');
  return n;
}

async function startWorker(redisUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [WORKER_MAIN], {
    env: { ...process.env, REDIS_URL: redisUrl, NEO4J_PASSWORD: 'unused-by-the-worker', LOG_FORMAT: 'json', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('ready: queue structure-search')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
  return child;
}

async function main(): Promise<void> {
  const runs = runsOption(process.argv.slice(2));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clusteratlas-bench-jobs-'));
  const redis = await startLocalRedis({ port: await freePort(), dataDir: dir, password: 'bench-password', startTimeoutS: 30, log: () => undefined });
  let worker: ChildProcess | undefined;
  const jobs = createStructureJobs({ redisUrl: redis.url, backoffMs: 1000 });
  const queue = new Queue<StructureJobSpec, StructureJobSummary>(STRUCTURE_QUEUE, { connection: redisOptions(redis.url, 'queue'), prefix: QUEUE_PREFIX });
  const events = new QueueEvents(STRUCTURE_QUEUE, { connection: redisOptions(redis.url, 'worker'), prefix: QUEUE_PREFIX });
  try {
    await events.waitUntilReady();
    worker = await startWorker(redis.url);
    console.log(`bench:jobs — ${os.cpus().length} cores, Node ${process.version}, one worker process (WORKER_CONCURRENCY 1), ${runs} run(s) per cluster`);
    console.log('cluster       atoms  M     starts  xtb calls  search s  enqueue→completed s  queue overhead s (search s is rounded to 0.1 s)');
    for (const cluster of CLUSTERS) {
      for (let run = 0; run < runs; run++) {
        const submissionId = `bench-${cluster.clusterId}-${Date.now()}-${run}`;
        const t0 = performance.now();
        const jobId = await jobs.enqueue({ ...cluster, submissionId });
        const job = (await queue.getJob(jobId))!;
        const summary = (await job.waitUntilFinished(events, 30 * 60_000)) as StructureJobSummary;
        const seconds = (performance.now() - t0) / 1000;
        const target = searchClusterOf({ ...cluster, submissionId });
        const atoms = atomElements(target).length;
        const starts = candidateMultiplicities(target).length * startCount(atoms);
        const searchS = summary.searchWallTimeSeconds ?? NaN;
        console.log(
          `${cluster.clusterId.padEnd(13)} ${String(atoms).padStart(5)}  ${String(summary.multiplicity).padEnd(4)}  ${String(starts).padStart(6)}  ${String(summary.xtbCalls).padStart(9)}  ${searchS.toFixed(1).padStart(8)}  ${seconds.toFixed(2).padStart(19)}  ${(seconds - searchS).toFixed(2).padStart(16)}`,
        );
      }
    }
  } finally {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((r) => worker!.once('exit', r));
      worker.kill('SIGTERM');
      await exited;
    }
    await events.close();
    await queue.close();
    await jobs.close();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
