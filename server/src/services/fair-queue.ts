/**
 * A bounded job queue that is fair across clients: at most `concurrency` jobs run at once, and
 * when a slot frees the next job is taken round-robin over the clients that are waiting, FIFO
 * within one client. So one client's burst of 15 explains queues behind itself, and another
 * client's single cheap job starts after at most one of them.
 *
 * The concurrency part alone is what p-limit/p-queue do, but neither schedules per client
 * (p-queue's priorities are global, and both are ESM-only, which this CommonJS build and Jest
 * cannot require), so the whole scheduler is here; it is small and pure (unit-tested).
 *
 * In-process by design: the xtb jobs of issue 11 move to BullMQ, whose worker concurrency then
 * plays the part of `concurrency`; the `JobScheduler` interface is what the services see.
 */

export interface JobScheduler {
  /**
   * Runs `task` for `clientId` when a slot is free; rejects with QueueFullError when over a bound.
   * When `signal` aborts while the job waits, the job leaves the queue and the call rejects with
   * the signal's reason; a running task is told through the same signal, if it listens.
   */
  run<T>(clientId: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/** The client closed its connection before the answer: nobody is left to receive it. */
export class ClientGoneError extends Error {
  constructor() {
    super('the client closed the connection before the answer was ready');
    this.name = 'ClientGoneError';
  }
}

export interface FairQueueOptions {
  /** Shown in errors and stats ("xtb", "inference"). */
  name: string;
  /** Jobs running at once. */
  concurrency: number;
  /** Jobs waiting (not running) over all clients; one more is refused with scope 'server'. */
  maxQueued: number;
  /** Jobs of one client, running plus waiting; one more is refused with scope 'client'. */
  maxPerClient: number;
  /**
   * After a job, its slot rests this many times the job's duration before the next job starts
   * (default 0). For work the OS cannot deprioritise (a motif search burns a Neo4j core at the
   * database's own priority), 1 caps a saturated queue at half of each slot's core, so cheap
   * reads on the same database keep the rest; a caller still gets its answer at once.
   */
  restFactor?: number;
  /** Job duration assumed before any has finished, for Retry-After (default 1000 ms). */
  initialJobMs?: number;
  now?: () => number;
}

/**
 * Thrown when a job cannot be queued. scope 'client': this client already has its share in the
 * queue (the API answers 429); scope 'server': the queue is full for everyone (503).
 */
export class QueueFullError extends Error {
  constructor(
    readonly queue: string,
    readonly scope: 'client' | 'server',
    /** Seconds after which a retry has a fair chance: the estimated time to drain the waiting jobs. */
    readonly retryAfterS: number,
    readonly limit: number,
  ) {
    super(
      scope === 'client'
        ? `you already have ${limit} ${queue} jobs running or waiting; wait for them to finish`
        : `the ${queue} queue is full (${limit} jobs waiting); retry in ${retryAfterS} s`,
    );
    this.name = 'QueueFullError';
  }
}

interface Waiting {
  start: () => void;
}

export interface FairQueueStats {
  running: number;
  queued: number;
  clients: number;
}

export class FairQueue implements JobScheduler {
  private running = 0;
  private queued = 0;
  /** Waiting jobs per client, FIFO. */
  private readonly waiting = new Map<string, Waiting[]>();
  /** Clients with waiting jobs, in round-robin order. */
  private readonly ring: string[] = [];
  /** Running plus waiting jobs per client. */
  private readonly perClient = new Map<string, number>();
  private meanJobMs: number;
  private readonly now: () => number;

  constructor(private readonly opts: FairQueueOptions) {
    const bad = (['concurrency', 'maxPerClient'] as const).filter((k) => !(Number.isInteger(opts[k]) && opts[k] >= 1));
    if (!(Number.isInteger(opts.maxQueued) && opts.maxQueued >= 0)) bad.push('maxQueued' as never);
    if (bad.length) throw new Error(`FairQueue ${opts.name}: ${bad.join(', ')} must be integers (≥ 1; maxQueued ≥ 0)`);
    this.meanJobMs = opts.initialJobMs ?? 1000;
    this.now = opts.now ?? (() => performance.now());
  }

  stats(): FairQueueStats {
    return { running: this.running, queued: this.queued, clients: this.perClient.size };
  }

  run<T>(clientId: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const mine = this.perClient.get(clientId) ?? 0;
    if (mine >= this.opts.maxPerClient) {
      return Promise.reject(new QueueFullError(this.opts.name, 'client', this.retryAfterS(mine), this.opts.maxPerClient));
    }
    const mustWait = this.running >= this.opts.concurrency;
    if (mustWait && this.queued >= this.opts.maxQueued) {
      return Promise.reject(new QueueFullError(this.opts.name, 'server', this.retryAfterS(this.queued + 1), this.opts.maxQueued));
    }
    this.perClient.set(clientId, mine + 1);
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.running++;
        const t0 = this.now();
        let result: Promise<T>;
        try {
          result = task();
        } catch (err) {
          result = Promise.reject(err);
        }
        // The slot is free before the caller hears back, so what it does next sees the queue as it is.
        const release = () => {
          const jobMs = this.now() - t0;
          // Exponential mean of job time (with its rest), for Retry-After only.
          this.meanJobMs = 0.8 * this.meanJobMs + 0.2 * jobMs * (1 + (this.opts.restFactor ?? 0));
          const left = (this.perClient.get(clientId) ?? 1) - 1;
          if (left > 0) this.perClient.set(clientId, left);
          else this.perClient.delete(clientId);
          const restMs = (this.opts.restFactor ?? 0) * jobMs;
          const free = () => {
            this.running--;
            this.dispatch();
          };
          if (restMs >= 1) setTimeout(free, restMs).unref();
          else free();
        };
        result.then(
          (value) => {
            release();
            resolve(value);
          },
          (err: unknown) => {
            release();
            reject(err);
          },
        );
      };
      if (!mustWait) {
        start();
        return;
      }
      let list = this.waiting.get(clientId);
      if (!list) {
        list = [];
        this.waiting.set(clientId, list);
        this.ring.push(clientId);
      }
      const onAbort = () => {
        if (this.withdraw(clientId, job)) reject(signal!.reason);
      };
      const job: Waiting = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          start();
        },
      };
      list.push(job);
      this.queued++;
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Takes a waiting job out of the queue; false when it has already started. */
  private withdraw(clientId: string, job: Waiting): boolean {
    const list = this.waiting.get(clientId);
    const at = list?.indexOf(job) ?? -1;
    if (!list || at < 0) return false;
    list.splice(at, 1);
    if (list.length === 0) {
      this.waiting.delete(clientId);
      this.ring.splice(this.ring.indexOf(clientId), 1);
    }
    this.queued--;
    const left = (this.perClient.get(clientId) ?? 1) - 1;
    if (left > 0) this.perClient.set(clientId, left);
    else this.perClient.delete(clientId);
    return true;
  }

  private dispatch(): void {
    while (this.running < this.opts.concurrency && this.ring.length > 0) {
      const clientId = this.ring.shift()!;
      const list = this.waiting.get(clientId)!;
      const job = list.shift()!;
      if (list.length > 0) this.ring.push(clientId);
      else this.waiting.delete(clientId);
      this.queued--;
      job.start();
    }
  }

  private retryAfterS(jobsAhead: number): number {
    return Math.min(120, Math.max(1, Math.ceil((jobsAhead * this.meanJobMs) / this.opts.concurrency / 1000)));
  }
}

/** No queue: runs every job at once (scripts and tests that do not serve clients). */
export const RUN_IMMEDIATELY: JobScheduler = { run: (_clientId, task, signal) => (signal?.aborted ? Promise.reject(signal.reason) : task()) };
