import { Queue, type JobsOptions } from 'bullmq';
import { isMultiplicityConsistent, parseFormula } from '../chem/formula';
import { redisOptions } from '../redis/connection';
import type { SearchCluster } from '../xtb/search/search-settings';

/**
 * The structure-search queue (issue 11 §5): a submitted cluster without a structure gets the
 * seed clusters' GFN2-xTB search as a BullMQ job; structure-worker.ts runs it. Contract with the
 * submission store: /work/ISSUE11-DESIGN.md "Structure job contract".
 */
export interface StructureJobSpec {
  submissionId: string;
  clusterId: string;
  formula: string;
  charge: number;
  multiplicity?: number | null;
  /** A geometry the contributor submitted (XYZ, already checked against the formula): one more start of the search. */
  xyz?: string | null;
}

export interface StructureJobStatus {
  jobId: string;
  state: 'waiting' | 'active' | 'completed' | 'failed' | 'delayed' | 'unknown';
  /** Fraction of start geometries finished, 0..1. */
  progress: number;
  /** Attempts finished, failed or completed (a worker that died mid-job does not count one: its job is handed on). */
  attemptsMade: number;
  /** Why the job failed, or while a retry waits why the last attempt failed. */
  failedReason: string | null;
}

export interface StructureJobs {
  /** Adds the job, or does nothing when the submission's job already exists; returns its id either way. */
  enqueue(spec: StructureJobSpec): Promise<string>;
  status(jobId: string): Promise<StructureJobStatus>;
  close(): Promise<void>;
}

/** What a finished job keeps in Redis (the structure itself goes to onResult). */
export interface StructureJobSummary {
  clusterId: string;
  multiplicity: number;
  isomers: number;
  lowestEnergyHartree: number;
  tier: number | null;
  xtbCalls: number | null;
  searchWallTimeSeconds: number | null;
  /** The worker that finished it (host:pid). */
  worker: string;
}

export const STRUCTURE_QUEUE = 'structure-search';
export const QUEUE_PREFIX = 'clusteratlas';
export const STRUCTURE_JOB_ATTEMPTS = 3;
/** Finished jobs stay this long, so their status can be read and a repeated enqueue stays a no-op. */
const KEEP_FINISHED_S = 30 * 24 * 3600;
const SUBMISSION_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** Deterministic, so a retried enqueue of the same submission finds the job instead of adding another. */
export function structureJobId(submissionId: string): string {
  if (!SUBMISSION_ID.test(submissionId)) throw new Error(`submissionId must be 1-100 characters of A-Z a-z 0-9 _ -, got "${submissionId.slice(0, 40)}"`);
  return `structure-${submissionId}`;
}

/**
 * The cluster the search reads, from a spec. Throws (plain Error, a developer error: the write API
 * validates user input before it enqueues) when the spec cannot describe a cluster.
 */
export function searchClusterOf(spec: StructureJobSpec): SearchCluster {
  const composition = parseFormula(spec.formula);
  if (!Number.isInteger(spec.charge) || Math.abs(spec.charge) > 3) throw new Error(`charge must be an integer from -3 to 3, got ${spec.charge}`);
  const multiplicity = spec.multiplicity ?? null;
  if (multiplicity !== null && !isMultiplicityConsistent(composition, spec.charge, multiplicity)) {
    throw new Error(`multiplicity ${multiplicity} is impossible for ${spec.formula} with charge ${spec.charge}`);
  }
  if (typeof spec.clusterId !== 'string' || spec.clusterId.length === 0 || spec.clusterId.length > 100) throw new Error('clusterId must be 1-100 characters');
  return { id: spec.clusterId, composition, charge: spec.charge, multiplicity };
}

export interface StructureJobsOptions {
  redisUrl: string;
  /** First retry delay; doubled for each further attempt (WORKER_BACKOFF_MS). */
  backoffMs: number;
}

export function createStructureJobs(opts: StructureJobsOptions): StructureJobs {
  const queue = new Queue<StructureJobSpec, StructureJobSummary, 'search'>(STRUCTURE_QUEUE, {
    connection: redisOptions(opts.redisUrl, 'queue'),
    prefix: QUEUE_PREFIX,
  });
  // Connection errors surface as rejected enqueue/status calls; the event itself must not crash the process.
  queue.on('error', () => undefined);
  const jobOptions = (jobId: string): JobsOptions => ({
    jobId,
    attempts: STRUCTURE_JOB_ATTEMPTS,
    backoff: { type: 'exponential', delay: opts.backoffMs },
    removeOnComplete: { age: KEEP_FINISHED_S },
    removeOnFail: { age: KEEP_FINISHED_S },
  });
  return {
    async enqueue(spec) {
      const jobId = structureJobId(spec.submissionId);
      searchClusterOf(spec);
      // BullMQ adds nothing when the id exists (waiting, running or finished): the enqueue is idempotent.
      const job = await queue.add('search', spec, jobOptions(jobId));
      return job.id ?? jobId;
    },
    async status(jobId) {
      // State first, then the job's data: data read after a "completed" state is the finished job's
      // (the other order could pair "completed" with the attempt count from before it finished).
      const state = await queue.getJobState(jobId);
      const job = await queue.getJob(jobId);
      if (!job || state === 'unknown') return { jobId, state: 'unknown', progress: 0, attemptsMade: 0, failedReason: null };
      const progress = state === 'completed' ? 1 : typeof job.progress === 'number' ? Math.min(1, Math.max(0, job.progress)) : 0;
      return {
        jobId,
        state: state === 'prioritized' || state === 'waiting-children' ? 'waiting' : state,
        progress,
        attemptsMade: job.attemptsMade,
        // While a retry waits (delayed) this is why the last attempt failed.
        failedReason: state === 'completed' ? null : job.failedReason || (state === 'failed' ? 'failed' : null),
      };
    },
    close: () => queue.close(),
  };
}
