import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

export const REPO_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '../..');

const intFromEnv = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: intFromEnv(1, 65535).default(4000),
  // `npm start` serves the website here (next start on 127.0.0.1).
  WEB_PORT: intFromEnv(1, 65535).default(3000),
  // External server: when NEO4J_URI is set the project starts nothing.
  NEO4J_URI: z.string().url().optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().min(1).optional(),
  NEO4J_DATABASE: z.string().default('neo4j'),
  // Embedded server settings.
  NEO4J_BOLT_PORT: intFromEnv(1, 65535).default(7687),
  NEO4J_DATA_DIR: z.string().default(path.join(REPO_ROOT, '.data', 'neo4j')),
  NEO4J_HEAP_MB: intFromEnv(256, 16384).default(1024),
  NEO4J_START_TIMEOUT_S: intFromEnv(5, 600).default(120),
  NEO4J_TX_TIMEOUT_MS: intFromEnv(100, 600000).default(15000),
  NEO4J_ACQUIRE_TIMEOUT_MS: intFromEnv(100, 60000).default(3000),
  SEED_FILE: z.string().default(path.join(REPO_ROOT, 'seed', 'data', 'clusters.json')),
  STRUCTURES_DIR: z.string().default(path.join(REPO_ROOT, 'seed', 'structures', 'data')),
  MODELS_DIR: z.string().default(path.join(REPO_ROOT, 'models', 'served')),
  // ONNX Runtime threads of the inference worker (off the event loop). Two halve exact Shapley
  // time on a 2-core machine; batched predictions gain little either way.
  ORT_INTRA_OP_THREADS: intFromEnv(1, 16).default(2),
  // Niceness of those threads (0-19): explain()'s thousands of coalitions yield the CPU to the
  // event loop and Neo4j, so catalog reads stay fast while attributions run.
  INFERENCE_NICENESS: intFromEnv(0, 19).default(5),
  // ---- Admission control (README "Limits and admission control") ----
  // Peers whose X-Forwarded-For is believed: comma-separated addresses, CIDRs or proxy-addr
  // keywords (loopback, linklocal, uniquelocal); "none" trusts nobody. Loopback by default:
  // the website's /api/graphql proxy runs on this machine.
  TRUST_PROXY: z.string().default('loopback'),
  // Points per client per window: a request costs 1, expensive fields more (admission.ts).
  RATE_LIMIT_POINTS: intFromEnv(1, 10_000_000).default(600),
  RATE_LIMIT_WINDOW_S: intFromEnv(1, 86_400).default(60),
  // Requests of one client being answered at once (more: 429 at once).
  RATE_LIMIT_MAX_IN_FLIGHT: intFromEnv(1, 100_000).default(8),
  // xtb processes at once (default: all cores but one, so cheap reads keep one even under a flood
  // of predict() calls; bench:abuse measured (i) 4.3× → 2.9× p99 on 2 cores), waiting jobs in all, jobs per client.
  XTB_CONCURRENCY: intFromEnv(1, 256).default(Math.max(1, os.availableParallelism() - 1)),
  XTB_QUEUE_MAX: intFromEnv(0, 10_000).default(16),
  XTB_QUEUE_PER_CLIENT: intFromEnv(1, 10_000).default(4),
  // Niceness of those xtb processes (0-19): the API and Neo4j win the CPU when both want it.
  XTB_NICENESS: intFromEnv(0, 19).default(10),
  // ONNX Runtime calls (the worker runs one at a time; 2 keeps it fed), waiting calls, per client.
  INFERENCE_CONCURRENCY: intFromEnv(1, 64).default(2),
  INFERENCE_QUEUE_MAX: intFromEnv(0, 100_000).default(64),
  INFERENCE_QUEUE_PER_CLIENT: intFromEnv(1, 100_000).default(16),
  // Input floats per ONNX Runtime call: Shapley coalitions are split into calls this large, and a
  // cheap prediction waits for at most one such call of someone else's (smaller: fairer, a little slower).
  INFERENCE_MAX_FLOATS_PER_CALL: intFromEnv(10_000, 100_000_000).default(1_000_000),
  // Motif searches (subgraph isomorphism in Neo4j, up to NEO4J_TX_TIMEOUT_MS of a core each):
  // at once (default: all cores but one, so cheap reads keep one), waiting, per client.
  MOTIF_CONCURRENCY: intFromEnv(1, 256).default(Math.max(1, os.availableParallelism() - 1)),
  // Motif-search transaction budget; a search that needs more answers 422 PATTERN_TOO_EXPENSIVE.
  MOTIF_TIMEOUT_MS: intFromEnv(100, 600000).default(10000),
  MOTIF_QUEUE_MAX: intFromEnv(0, 10_000).default(16),
  MOTIF_QUEUE_PER_CLIENT: intFromEnv(1, 10_000).default(4),
  // A motif slot rests this many times a search's duration before the next search (fair-queue.ts):
  // Neo4j runs every query at one OS priority, so this is how a flood of searches leaves cheap reads
  // a share of the database's CPU. 0 turns it off.
  MOTIF_REST_FACTOR: z.coerce.number().min(0).max(10).default(1),
  // ---- Redis (job queue and shared rate limits; README "Jobs and Redis") ----
  // External server: when REDIS_URL is set (redis://[:password@]host:port[/db]) the project starts nothing.
  REDIS_URL: z.string().url().optional(),
  // The local redis-server that `npm start` and `npm run worker` use otherwise (127.0.0.1 only).
  REDIS_PORT: intFromEnv(1, 65535).default(6380),
  REDIS_DATA_DIR: z.string().default(path.join(REPO_ROOT, '.data', 'redis')),
  REDIS_START_TIMEOUT_S: intFromEnv(1, 600).default(30),
  // ---- Structure-search workers (BullMQ) ----
  // Jobs one worker process runs at once; each runs one xtb process at a time, so this is the
  // worker's share of the xtb limit and may not exceed XTB_CONCURRENCY.
  WORKER_CONCURRENCY: intFromEnv(1, 256).default(1),
  // A job's lock: renewed every half of it while the search runs; a worker that dies stops
  // renewing, and the next stalled check after the lock expires gives the job to another worker.
  WORKER_LOCK_DURATION_MS: intFromEnv(1000, 3_600_000).default(60_000),
  WORKER_STALLED_INTERVAL_MS: intFromEnv(500, 3_600_000).default(30_000),
  // Lost locks tolerated before a job fails (a worker crash costs one; a job that kills every worker fails).
  WORKER_MAX_STALLED: intFromEnv(0, 100).default(2),
  // First retry delay after a failed attempt; doubled for each further attempt (3 attempts).
  WORKER_BACKOFF_MS: intFromEnv(0, 3_600_000).default(30_000),
  // Per xtb call of a structure search (as the seed search: npm run structures:search).
  WORKER_XTB_TIMEOUT_MS: intFromEnv(1000, 3_600_000).default(120_000),
  // Cache of anonymous read results (0 turns it off) and the largest result it keeps.
  RESPONSE_CACHE_MB: intFromEnv(0, 65_536).default(64),
  RESPONSE_CACHE_MAX_ENTRY_KB: intFromEnv(1, 1_048_576).default(1024),
  // ---- Accounts (README "Accounts, roles and keys") ----
  // Signs the website's session cookie; generated into .data/session-secret when unset.
  // Several API processes behind one site must share it.
  SESSION_SECRET: z.string().min(32).optional(),
  // An idle website session ends after this many hours.
  SESSION_TTL_H: intFromEnv(1, 24 * 90).default(12),
  // Failed API key attempts per client address per window, then 429.
  AUTH_FAILURES_MAX: intFromEnv(1, 1_000_000).default(10),
  AUTH_FAILURES_WINDOW_S: intFromEnv(1, 86_400).default(900),
});

export type Config = z.infer<typeof EnvSchema> & { neo4jPassword: string; embedded: boolean };

/** Reads and checks the environment once; lists every problem at once (developer error). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment configuration:\n${problems}\nSee .env.example.`);
  }
  const cfg = parsed.data;
  const embedded = !cfg.NEO4J_URI;
  if (!embedded && !cfg.NEO4J_PASSWORD) {
    throw new Error('NEO4J_URI is set but NEO4J_PASSWORD is not: set both to use an external Neo4j server.');
  }
  if (cfg.WORKER_CONCURRENCY > cfg.XTB_CONCURRENCY) {
    throw new Error(`WORKER_CONCURRENCY (${cfg.WORKER_CONCURRENCY}) exceeds XTB_CONCURRENCY (${cfg.XTB_CONCURRENCY}): a worker runs one xtb process per job.`);
  }
  const neo4jPassword = cfg.NEO4J_PASSWORD ?? localPassword(path.join(path.dirname(cfg.NEO4J_DATA_DIR), 'neo4j-password'));
  return { ...cfg, neo4jPassword, embedded };
}

/** A generated password kept beside a local server's data (Neo4j, Redis), so a fresh clone needs no setup. */
export function localPassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}
