import os from 'node:os';
import { UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import type { StructureFile } from '../load/seed-file';
import { redisOptions } from '../redis/connection';
import { parseXyz } from '../chem/geometry';
import { searchCluster } from '../xtb/search/cluster-search';
import { QUEUE_PREFIX, searchClusterOf, STRUCTURE_QUEUE, type StructureJobSpec, type StructureJobSummary } from './structure-jobs';

/**
 * The BullMQ worker of the structure-search queue: runs the seed clusters' GFN2-xTB search
 * (server/src/xtb/search) for each job and hands the StructureFile to onResult.
 *
 * Reliability, all BullMQ's own machinery:
 * - retries: 3 attempts with exponential backoff (set on the job by structure-jobs.ts); onFailed
 *   is called once, by the attempt that gives up (or at once for a spec no retry can fix);
 * - stalled jobs: while a job runs its lock (lockDurationMs) is renewed every lockDurationMs/2.
 *   A worker that dies stops renewing; a stalled check (every stalledIntervalMs, by any live
 *   worker) after the lock has expired puts the job back in the queue for another worker, up to
 *   maxStalledCount times;
 * - shutdown: close() aborts the running searches (their xtb processes are killed) and puts their
 *   jobs back in the queue without spending an attempt, then closes the connections.
 * onResult and onFailed should be idempotent: after a lost lock the same job may finish twice.
 */
export interface StructureWorkerCallbacks {
  onResult(spec: StructureJobSpec, file: StructureFile): Promise<void>;
  onFailed(spec: StructureJobSpec, reason: string): Promise<void>;
}

export interface StructureWorkerOptions {
  redisUrl: string;
  callbacks: StructureWorkerCallbacks;
  /** Jobs at once (WORKER_CONCURRENCY); each runs one xtb process at a time. */
  concurrency: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
  maxStalledCount: number;
  /** Per xtb call. */
  xtbTimeoutMs: number;
  niceness: number;
  log?: (line: string) => void;
}

export interface StructureWorker {
  /** host:pid, recorded in each finished job's summary. */
  name: string;
  worker: Worker<StructureJobSpec, StructureJobSummary>;
  close(): Promise<void>;
}

const SHUTDOWN_REASON = 'worker shutting down';
const MAX_REASON_CHARS = 500;

function reasonOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.length > MAX_REASON_CHARS ? `${message.slice(0, MAX_REASON_CHARS)}…` : message;
}

export function startStructureWorker(opts: StructureWorkerOptions): StructureWorker {
  const log = opts.log ?? (() => undefined);
  const name = `${os.hostname()}:${process.pid}`;
  let closing = false;

  const processor = async (job: Job<StructureJobSpec, StructureJobSummary>, token?: string, signal?: AbortSignal): Promise<StructureJobSummary> => {
    const spec = job.data;
    let cluster;
    try {
      cluster = searchClusterOf(spec);
    } catch (err) {
      // No retry can fix the spec itself.
      const reason = `invalid job: ${reasonOf(err)}`;
      await opts.callbacks.onFailed(spec, reason);
      throw new UnrecoverableError(reason);
    }
    try {
      const { file } = await searchCluster(cluster, {
        timeoutMs: opts.xtbTimeoutMs,
        niceness: opts.niceness,
        signal,
        onStartFinished: (finished, total) => job.updateProgress(finished / total),
        submittedGeometry: spec.xyz ? parseXyz(spec.xyz, { maxAtoms: 100 }).atoms : undefined,
      });
      await opts.callbacks.onResult(spec, file);
      const search = (file as { search?: { tier?: number; xtbCalls?: number; wallTimeSeconds?: number } }).search;
      return {
        clusterId: file.clusterId,
        multiplicity: file.multiplicity,
        isomers: file.isomers.length,
        lowestEnergyHartree: file.isomers[0].energyHartree,
        tier: search?.tier ?? null,
        xtbCalls: search?.xtbCalls ?? null,
        searchWallTimeSeconds: search?.wallTimeSeconds ?? null,
        worker: name,
      };
    } catch (err) {
      if (closing && signal?.aborted) {
        // Handed back whole: another worker (or this one after a restart) runs it from the start.
        await job.moveToWait(token);
        throw new WaitingError();
      }
      const reason = reasonOf(err);
      // attemptsMade counts the attempts that failed before this one.
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        await opts.callbacks.onFailed(spec, reason).catch((callbackErr: unknown) => log(`structure job ${job.id}: onFailed failed: ${reasonOf(callbackErr)}`));
      }
      throw err instanceof Error ? err : new Error(reason);
    }
  };

  const worker = new Worker<StructureJobSpec, StructureJobSummary>(STRUCTURE_QUEUE, processor, {
    connection: redisOptions(opts.redisUrl, 'worker'),
    prefix: QUEUE_PREFIX,
    name,
    concurrency: opts.concurrency,
    lockDuration: opts.lockDurationMs,
    stalledInterval: opts.stalledIntervalMs,
    maxStalledCount: opts.maxStalledCount,
  });
  let lastErrorLogMs = 0;
  worker.on('error', (err) => {
    // Connection trouble repeats while Redis is away; BullMQ reconnects by itself.
    const now = Date.now();
    if (now - lastErrorLogMs < 10_000) return;
    lastErrorLogMs = now;
    log(`structure worker: ${reasonOf(err)}`);
  });
  worker.on('completed', (job, summary) =>
    log(`structure job ${job.id} (${summary.clusterId}) completed: ${summary.isomers} isomer(s), M=${summary.multiplicity}`),
  );
  worker.on('failed', (job, err) => {
    if (job && err.name !== 'WaitingError') log(`structure job ${job.id} attempt ${job.attemptsMade} failed: ${reasonOf(err)}`);
  });
  worker.on('stalled', (jobId) => log(`structure job ${jobId} stalled (its worker stopped renewing the lock); back in the queue`));

  return {
    name,
    worker,
    async close() {
      closing = true;
      worker.cancelAllJobs(SHUTDOWN_REASON);
      await worker.close();
    },
  };
}
