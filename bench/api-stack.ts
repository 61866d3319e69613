import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../test/helpers/free-port';

export interface ApiProcess {
  apiUrl: string;
  boltUri: string;
  password: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

/** Starts the built API (with its own embedded Neo4j) in a separate process, as users run it. */
export async function startApiProcess(dataDir: string, extraEnv: Record<string, string> = {}): Promise<ApiProcess> {
  const apiPort = await freePort();
  const boltPort = await freePort();
  const password = 'bench-password-1234';
  // The benchmark always measures its own embedded server, never an external one.
  const { NEO4J_URI: _external, ...inherited } = process.env;
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server', 'src', 'main.js')], {
    env: {
      ...inherited,
      API_PORT: String(apiPort),
      NEO4J_BOLT_PORT: String(boltPort),
      NEO4J_DATA_DIR: dataDir,
      NEO4J_PASSWORD: password,
      NODE_ENV: 'production',
      // Throughput and latency benches measure the uncached, unthrottled query path (one client
      // at concurrency 16 would otherwise be answered 429 or from the cache); bench:abuse sets its own.
      RATE_LIMIT_POINTS: '10000000',
      RESPONSE_CACHE_MB: '0',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (process.env.BENCH_VERBOSE) console.log(`  [api] ${line}`);
      // The API logs through pino: a JSON line in production, so look for the message inside it.
      if (line.includes('api: GraphQL at')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`API process exited with code ${code}`)));
  });
  return {
    apiUrl: `http://127.0.0.1:${apiPort}`,
    boltUri: `bolt://127.0.0.1:${boltPort}`,
    password,
    child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
