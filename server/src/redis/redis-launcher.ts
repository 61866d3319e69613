import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Config } from '../config';
import { lineLog } from '../logger';
import { describeRedisUrl, resolveRedisUrl, redisUrlOf } from './connection';

/**
 * A local redis-server (Debian's `redis-server`), started by the project like the embedded Neo4j:
 * loopback only, protected mode, a password, and the append-only file fsynced every second, so a
 * Redis restart loses no queued job (at most the last second of writes after a power cut; a
 * SIGTERM or SIGKILL of redis-server alone loses nothing the kernel already has).
 */
export interface LocalRedisOptions {
  port: number;
  dataDir: string;
  password: string;
  startTimeoutS: number;
  /** The redis-server program; PATH lookup by default. */
  binary?: string;
  /**
   * A process group of its own, so a terminal's Ctrl-C reaches only `npm start`, which stops the
   * worker first and Redis last (the worker hands its job back through Redis).
   */
  ownProcessGroup?: boolean;
  log?: (line: string) => void;
}

export interface LocalRedis {
  /** redis://:<password>@127.0.0.1:<port> — carries the password: never log it. */
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 15_000;

/** The configuration, given on standard input so the password never appears in `ps`. */
export function redisConfig(opts: Pick<LocalRedisOptions, 'port' | 'dataDir' | 'password'>): string {
  const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return [
    'bind 127.0.0.1',
    `port ${opts.port}`,
    'protected-mode yes',
    'daemonize no',
    `dir ${quote(opts.dataDir)}`,
    'appendonly yes',
    'appendfsync everysec',
    // The append-only file is the durable copy; periodic RDB snapshots would only add disk work.
    'save ""',
    // BullMQ's keys must never be evicted.
    'maxmemory-policy noeviction',
    `requirepass ${quote(opts.password)}`,
    'logfile ""',
    'always-show-logo no',
    '',
  ].join('\n');
}

/** Starts redis-server on 127.0.0.1 and resolves once it accepts connections (after loading its data). */
export async function startLocalRedis(opts: LocalRedisOptions): Promise<LocalRedis> {
  const log = opts.log ?? lineLog('redis');
  mkdirSync(opts.dataDir, { recursive: true });
  // "-" reads the configuration from standard input.
  const child = spawn(opts.binary ?? 'redis-server', ['-'], { stdio: ['pipe', 'pipe', 'pipe'], detached: opts.ownProcessGroup ?? false });
  child.stdin!.end(redisConfig(opts));
  const tail: string[] = [];
  const remember = (line: string) => {
    tail.push(line);
    if (tail.length > 20) tail.shift();
  };
  createInterface({ input: child.stderr! }).on('line', remember);

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Redis was not ready within ${opts.startTimeoutS} s (REDIS_START_TIMEOUT_S). Last output:\n${tail.join('\n')}`));
    }, opts.startTimeoutS * 1000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      remember(line);
      if (line.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        err.code === 'ENOENT'
          ? new Error('The job queue needs redis-server (Debian: apt-get install redis-server); or set REDIS_URL to use an existing Redis server.')
          : err,
      );
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited during start-up (${signal ?? `exit code ${code}`}). Last output:\n${tail.join('\n')}`));
    });
  });
  log(`redis: local redis-server ready on 127.0.0.1:${opts.port} (data in ${opts.dataDir})`);

  let stopping: Promise<void> | undefined;
  return {
    url: redisUrlOf({ host: '127.0.0.1', port: opts.port, password: opts.password }),
    port: opts.port,
    process: child,
    stop() {
      // SIGTERM: redis-server fsyncs the append-only file and exits.
      stopping ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      });
      return stopping;
    },
  };
}

export interface RedisServer {
  /** Carries the password: never log it (describeRedisUrl). */
  url: string;
  /** The server this process started, or null for REDIS_URL. */
  local: LocalRedis | null;
  stop(): Promise<void>;
}

/** `npm start`, `npm run worker`: the local redis-server unless REDIS_URL names an existing one. */
export async function startRedisUnlessExternal(
  cfg: Config,
  log: (line: string) => void = lineLog('redis'),
  launch: Pick<LocalRedisOptions, 'ownProcessGroup'> = {},
): Promise<RedisServer> {
  const url = resolveRedisUrl(cfg);
  if (cfg.REDIS_URL) {
    log(`redis: using ${describeRedisUrl(url)} (REDIS_URL)`);
    return { url, local: null, stop: async () => undefined };
  }
  const password = decodeURIComponent(new URL(url).password);
  const local = await startLocalRedis({
    port: cfg.REDIS_PORT,
    dataDir: cfg.REDIS_DATA_DIR,
    password,
    startTimeoutS: cfg.REDIS_START_TIMEOUT_S,
    log,
    ...launch,
  });
  return { url: local.url, local, stop: () => local.stop() };
}
