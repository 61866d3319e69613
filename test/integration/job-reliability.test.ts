import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { REPO_ROOT } from '../../server/src/config';
import type { SeedFile, StructureFile } from '../../server/src/load/seed-file';
import { redisOptions } from '../../server/src/redis/connection';
import type { LocalRedis } from '../../server/src/redis/redis-launcher';
import {
  createStructureJobs,
  QUEUE_PREFIX,
  STRUCTURE_QUEUE,
  type StructureJobs,
  type StructureJobSpec,
  type StructureJobStatus,
  type StructureJobSummary,
} from '../../server/src/jobs/structure-jobs';
import { startStructureWorker, type StructureWorker } from '../../server/src/jobs/structure-worker';
import { freePort } from '../helpers/free-port';
import { startTestRedis } from '../helpers/stack';
import { stackInfo } from '../helpers/stack-info';

/**
 * Issue 11 §8 reliability, with real processes: a worker SIGKILLed mid-job (its job finishes on
 * another worker), and redis-server SIGKILLed mid-run and started again on its append-only file
 * (no job lost). Every wait has a deadline, none is a speed check.
 */
const WORKER_MAIN = path.join(REPO_ROOT, 'dist/server/src/jobs/worker-main.js');
const seed = JSON.parse(readFileSync(path.join(REPO_ROOT, 'seed', 'data', 'clusters.json'), 'utf8')) as SeedFile;

function specOf(clusterId: string, submissionId: string): StructureJobSpec {
  const c = seed.clusters.find((x) => x.id === clusterId)!;
  return { submissionId, clusterId: c.id, formula: c.formula, charge: c.charge, multiplicity: c.multiplicity };
}

/** Polls until done; a status call that fails (Redis away) is simply tried again. */
async function until(jobs: StructureJobs, jobId: string, done: (s: StructureJobStatus) => boolean, timeoutMs: number): Promise<StructureJobStatus> {
  const deadline = Date.now() + timeoutMs;
  let last: StructureJobStatus | string = 'no answer';
  while (Date.now() < deadline) {
    try {
      last = await jobs.status(jobId);
      if (done(last)) return last;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${jobId}: condition not met within ${timeoutMs / 1000} s; last status ${JSON.stringify(last)}`);
}

const completed = (s: StructureJobStatus) => s.state === 'completed';

interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
}

/** `npm run worker`'s entry as its own process, with locks short enough for a test. */
async function startWorkerProcess(redisUrl: string): Promise<WorkerProcess> {
  if (!existsSync(WORKER_MAIN)) throw new Error(`${WORKER_MAIN} is missing: run "npm run build" (npm run test:int does)`);
  const child = spawn(process.execPath, [WORKER_MAIN], {
    env: {
      ...process.env,
      REDIS_URL: redisUrl,
      // The worker writes results onto submissions in Neo4j; these jobs have none, so the writes find nothing.
      NEO4J_URI: stackInfo().boltUri,
      NEO4J_USER: stackInfo().neo4jUser,
      NEO4J_PASSWORD: stackInfo().neo4jPassword,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      WORKER_LOCK_DURATION_MS: '4000',
      WORKER_STALLED_INTERVAL_MS: '2000',
      WORKER_MAX_STALLED: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const deadline = Date.now() + 60_000;
  while (!out.includes('ready: queue structure-search')) {
    if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}:\n${out.slice(-2000)}`);
    if (Date.now() > deadline) throw new Error(`worker not ready within 60 s:\n${out.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => out };
}

function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}

/** The machine running the worker dies: the worker and the xtb processes it started, without a chance to clean up. */
function killWorkerHard(child: ChildProcess): void {
  const xtbChildren = spawnSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
    .map(Number);
  child.kill('SIGKILL');
  for (const pid of xtbChildren) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

describe('a worker killed with SIGKILL mid-job', () => {
  let dir: string;
  let redis: LocalRedis;
  let jobs: StructureJobs;
  let queue: Queue<StructureJobSpec, StructureJobSummary>;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'clusteratlas-worker-kill-'));
    redis = await startTestRedis(dir);
    jobs = createStructureJobs({ redisUrl: redis.url, backoffMs: 1000 });
    queue = new Queue(STRUCTURE_QUEUE, { connection: redisOptions(redis.url, 'queue'), prefix: QUEUE_PREFIX });
  });
  afterEach(async () => {
    for (const w of workers.splice(0)) await stopProcess(w.child);
  });
  afterAll(async () => {
    await queue?.close();
    await jobs?.close();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hands the job to another worker, which finishes it without spending a retry', async () => {
    const jobId = await jobs.enqueue(specOf('Mo3S2-anion', 'sub-worker-kill'));
    const first = await startWorkerProcess(redis.url);
    workers.push(first);
    // Mid-job: at least one start geometry done, more to go.
    const mid = await until(jobs, jobId, (s) => s.state === 'active' && s.progress > 0, 120_000);
    expect(mid.progress).toBeLessThan(1);
    const second = await startWorkerProcess(redis.url);
    workers.push(second);
    killWorkerHard(first.child);

    const done = await until(jobs, jobId, completed, 180_000);
    expect(done).toMatchObject({ state: 'completed', progress: 1, failedReason: null });
    const job = (await queue.getJob(jobId))!;
    // The killed worker's attempt was not a failure: the finished attempt is the only one counted.
    expect(job.attemptsMade).toBe(1);
    expect(job.attemptsStarted).toBe(2);
    expect(job.returnvalue.worker).toBe(`${os.hostname()}:${second.child.pid}`);
    expect(job.returnvalue).toMatchObject({ clusterId: 'Mo3S2-anion', multiplicity: 4 });
    expect(second.output()).toContain(`structure job ${jobId} stalled`);
    expect(second.output()).toContain('structure for submission sub-worker-kill (Mo3S2-anion)');
  }, 400_000);

  it('on SIGTERM hands its running job back at once (no stall, no attempt spent), and the next worker finishes it', async () => {
    const jobId = await jobs.enqueue(specOf('Mo3S2-anion', 'sub-worker-term'));
    const leaving = await startWorkerProcess(redis.url);
    workers.push(leaving);
    await until(jobs, jobId, (s) => s.state === 'active' && s.progress > 0, 120_000);
    await stopProcess(leaving.child, 'SIGTERM');
    expect(leaving.child.exitCode).toBe(0);
    // Back in the queue now, not after its 4 s lock expires: no worker is running to take it.
    expect((await jobs.status(jobId)).state).toBe('waiting');

    const next = await startWorkerProcess(redis.url);
    workers.push(next);
    expect(await until(jobs, jobId, completed, 180_000)).toMatchObject({ state: 'completed', attemptsMade: 1, failedReason: null });
    expect((await queue.getJob(jobId))!.returnvalue.worker).toBe(`${os.hostname()}:${next.child.pid}`);
    expect(next.output()).not.toContain(`structure job ${jobId} stalled`);
  }, 400_000);
});

describe('redis-server killed with SIGKILL mid-run and started again', () => {
  let dir: string;
  let port: number;
  let redis: LocalRedis;
  let jobs: StructureJobs;
  let worker: StructureWorker;
  const results: Array<{ spec: StructureJobSpec; file: StructureFile }> = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'clusteratlas-redis-restart-'));
    port = await freePort();
    redis = await startTestRedis(dir, port);
    jobs = createStructureJobs({ redisUrl: redis.url, backoffMs: 1000 });
    worker = startStructureWorker({
      redisUrl: redis.url,
      callbacks: { onResult: async (spec, file) => void results.push({ spec, file }), onFailed: async () => undefined },
      concurrency: 1,
      lockDurationMs: 10_000,
      stalledIntervalMs: 5000,
      maxStalledCount: 2,
      xtbTimeoutMs: 120_000,
      niceness: 10,
    });
  });
  afterAll(async () => {
    await worker?.close();
    await jobs?.close();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses no job: the running one and the waiting one both complete after the restart', async () => {
    const running = await jobs.enqueue(specOf('Mo3S2-anion', 'sub-redis-running'));
    const waiting = await jobs.enqueue(specOf('MoC-anion', 'sub-redis-waiting'));
    await until(jobs, running, (s) => s.state === 'active' && s.progress > 0, 120_000);
    expect((await jobs.status(waiting)).state).toBe('waiting');

    await stopProcess(redis.process, 'SIGKILL');
    // Down for a moment, as after a crash; then the same port and the same append-only file.
    await new Promise((r) => setTimeout(r, 1000));
    redis = await startTestRedis(dir, port);

    for (const jobId of [running, waiting]) expect(await until(jobs, jobId, completed, 240_000)).toMatchObject({ state: 'completed', failedReason: null });
    const ids = new Set(results.map((r) => r.spec.submissionId));
    expect(ids).toEqual(new Set(['sub-redis-running', 'sub-redis-waiting']));
    const moc = results.find((r) => r.spec.submissionId === 'sub-redis-waiting')!.file;
    expect(moc.isomers[0].atoms.map((a) => a.element).sort()).toEqual(['C', 'Mo']);
  }, 400_000);
});
