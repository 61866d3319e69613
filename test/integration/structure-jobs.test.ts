import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../server/src/config';
import { findBonds, isConnected } from '../../server/src/chem/geometry';
import type { SeedFile, StructureFile } from '../../server/src/load/seed-file';
import { createStructureJobs, type StructureJobs, type StructureJobSpec, type StructureJobStatus } from '../../server/src/jobs/structure-jobs';
import { startStructureWorker, type StructureWorker } from '../../server/src/jobs/structure-worker';
import type { LocalRedis } from '../../server/src/redis/redis-launcher';
import { startTestRedis } from '../helpers/stack';

/**
 * The structure-search queue end to end on a real redis-server and real xtb: a worker in this
 * process with callbacks that record what they are given (the submission store's stand-in).
 */
const seed = JSON.parse(readFileSync(path.join(REPO_ROOT, 'seed', 'data', 'clusters.json'), 'utf8')) as SeedFile;
const committed = (id: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, 'seed', 'structures', 'data', `${id}.json`), 'utf8')) as StructureFile;

function specOf(clusterId: string, submissionId: string): StructureJobSpec {
  const c = seed.clusters.find((x) => x.id === clusterId)!;
  return { submissionId, clusterId: c.id, formula: c.formula, charge: c.charge, multiplicity: c.multiplicity };
}

async function until(
  jobs: StructureJobs,
  jobId: string,
  done: (s: StructureJobStatus) => boolean,
  timeoutMs: number,
  seen: number[] = [],
): Promise<StructureJobStatus> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const s = await jobs.status(jobId);
    if (seen.at(-1) !== s.progress) seen.push(s.progress);
    if (done(s)) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${jobId} not done within ${timeoutMs / 1000} s: ${JSON.stringify(await jobs.status(jobId))}`);
}

const finished = (s: StructureJobStatus) => s.state === 'completed' || s.state === 'failed';

describe('structure-search jobs (BullMQ on redis-server, GFN2-xTB)', () => {
  let dir: string;
  let redis: LocalRedis;
  let jobs: StructureJobs;
  let worker: StructureWorker | undefined;
  const results: Array<{ spec: StructureJobSpec; file: StructureFile }> = [];
  const failures: Array<{ spec: StructureJobSpec; reason: string }> = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'clusteratlas-jobs-'));
    redis = await startTestRedis(dir);
    jobs = createStructureJobs({ redisUrl: redis.url, backoffMs: 200 });
  });
  afterEach(async () => {
    await worker?.close();
    worker = undefined;
  });
  afterAll(async () => {
    await jobs?.close();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const startWorker = (xtbTimeoutMs = 120_000) => {
    worker = startStructureWorker({
      redisUrl: redis.url,
      callbacks: {
        onResult: async (spec, file) => void results.push({ spec, file }),
        onFailed: async (spec, reason) => void failures.push({ spec, reason }),
      },
      concurrency: 1,
      lockDurationMs: 30_000,
      stalledIntervalMs: 15_000,
      maxStalledCount: 1,
      xtbTimeoutMs,
      niceness: 10,
    });
  };

  it('computes a 5-atom cluster as the seed search did, reports progress per start, and ignores a repeated enqueue', async () => {
    startWorker();
    const spec = specOf('Mo3S2-anion', 'sub-mo3s2');
    const jobId = await jobs.enqueue(spec);
    expect(await jobs.enqueue(spec)).toBe(jobId);
    const progress: number[] = [];
    const status = await until(jobs, jobId, finished, 300_000, progress);

    expect(status).toEqual({ jobId, state: 'completed', progress: 1, attemptsMade: 1, failedReason: null });
    // Mo3S2-anion has a published multiplicity: 5 starts, so progress moves in fifths.
    for (const p of progress) expect(Math.round(p * 5) / 5).toBeCloseTo(p, 9);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    expect(results.filter((r) => r.spec.submissionId === 'sub-mo3s2')).toHaveLength(1);
    const { file } = results.find((r) => r.spec.submissionId === 'sub-mo3s2')!;
    const lowest = file.isomers[0];
    expect(lowest.atoms.map((a) => a.element).sort()).toEqual(['Mo', 'Mo', 'Mo', 'S', 'S']);
    expect(isConnected(lowest.atoms.map((a) => ({ element: a.element, xyzAngstrom: a.xyzAngstrom })))).toBe(true);
    expect(findBonds(lowest.atoms.map((a) => ({ element: a.element, xyzAngstrom: a.xyzAngstrom }))).length).toBeGreaterThanOrEqual(4);
    expect(file).toMatchObject({ clusterId: 'Mo3S2-anion', charge: -1, multiplicity: 4, method: 'GFN2-xTB' });
    // The same search as `npm run structures:search`: seeded starts and single-threaded xtb give the committed minimum.
    const seedFile = committed('Mo3S2-anion');
    expect(lowest.energyHartree).toBeCloseTo(seedFile.isomers[0].energyHartree, 6);
    expect((file as unknown as { settingsHash: string }).settingsHash).toBe((seedFile as unknown as { settingsHash: string }).settingsHash);

    // Still one job and one result after the job finished: the id is the submission's.
    expect(await jobs.enqueue(spec)).toBe(jobId);
    await new Promise((r) => setTimeout(r, 500));
    expect((await jobs.status(jobId)).state).toBe('completed');
    expect(results.filter((r) => r.spec.submissionId === 'sub-mo3s2')).toHaveLength(1);
  }, 360_000);

  it('retries a failing search with backoff, then calls onFailed once with the reason', async () => {
    // 1 ms per xtb call: every stage times out, so no start yields a structure, on every attempt.
    startWorker(1);
    const spec = specOf('MoC-anion', 'sub-moc-timeout');
    const jobId = await jobs.enqueue(spec);
    const status = await until(jobs, jobId, (s) => s.state === 'failed', 120_000);
    expect(status.attemptsMade).toBe(3);
    expect(status.failedReason).toMatch(/^MoC-anion: no start gave a usable structure/);
    expect(failures.filter((f) => f.spec.submissionId === 'sub-moc-timeout')).toEqual([{ spec, reason: status.failedReason }]);
    expect(results.some((r) => r.spec.submissionId === 'sub-moc-timeout')).toBe(false);
  }, 180_000);

  it('refuses a spec that cannot describe a cluster before it reaches the queue', async () => {
    await expect(jobs.enqueue({ ...specOf('MoC-anion', 'sub-bad'), formula: 'Xx2' })).rejects.toThrow(/unknown element "Xx"/);
    await expect(jobs.enqueue({ ...specOf('MoC-anion', 'sub-bad'), multiplicity: 1 })).rejects.toThrow(/multiplicity 1 is impossible/);
    await expect(jobs.enqueue(specOf('MoC-anion', 'a:b'))).rejects.toThrow(/submissionId/);
    expect(await jobs.status('structure-sub-bad')).toEqual({ jobId: 'structure-sub-bad', state: 'unknown', progress: 0, attemptsMade: 0, failedReason: null });
  });
});
