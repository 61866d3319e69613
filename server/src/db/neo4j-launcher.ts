import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '../config';
import { lineLog } from '../logger';

const LAUNCHER_DIR = path.join(REPO_ROOT, 'server', 'neo4j');
const CLASSES_DIR = path.join(LAUNCHER_DIR, 'target', 'classes');
const LIB_DIR = path.join(LAUNCHER_DIR, 'target', 'lib');
/** Java classpath of the Maven-built launcher: Neo4j and its tools (the bulk importer uses it too). */
export const LAUNCHER_CLASSPATH = `${CLASSES_DIR}${path.delimiter}${path.join(LIB_DIR, '*')}`;

export interface EmbeddedOptions {
  boltPort: number;
  dataDir: string;
  password: string;
  heapMb: number;
  startTimeoutS: number;
  txTimeoutMs: number;
  log?: (line: string) => void;
}

export interface EmbeddedNeo4j {
  uri: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

function hasCommand(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

/** Builds the Maven launcher once; later starts reuse target/. */
export function ensureLauncherBuilt(log: (line: string) => void = lineLog('neo4j')): void {
  if (existsSync(path.join(CLASSES_DIR, 'org', 'clusteratlas', 'neo4j', 'Launcher.class')) && existsSync(LIB_DIR)) return;
  const missing: string[] = [];
  if (!hasCommand('java', ['-version'])) missing.push('Java 17+ (Debian: apt-get install openjdk-17-jre-headless)');
  if (!hasCommand('mvn', ['-v'])) missing.push('Maven (Debian: apt-get install maven)');
  if (missing.length) {
    throw new Error(`The embedded Neo4j needs ${missing.join(' and ')}; or set NEO4J_URI to use an existing Neo4j 5 server.`);
  }
  log('neo4j: building the embedded launcher with Maven (first run downloads Neo4j 5.26 from Maven Central)...');
  const r = spawnSync('mvn', ['-q', '-B', 'package', '-DskipTests'], { cwd: LAUNCHER_DIR, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`Maven build of server/neo4j failed (exit ${r.status}); run "mvn -B package" in server/neo4j to see why.`);
}

/** Starts Neo4j embedded with Bolt on 127.0.0.1 and resolves once it accepts connections. */
export async function startEmbeddedNeo4j(opts: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const log = opts.log ?? lineLog('neo4j');
  ensureLauncherBuilt(log);
  mkdirSync(opts.dataDir, { recursive: true });
  const child = spawn('java', [`-Xmx${opts.heapMb}m`, '-XX:+UseG1GC', '-cp', LAUNCHER_CLASSPATH, 'org.clusteratlas.neo4j.Launcher'], {
    env: {
      ...process.env,
      NEO4J_BOLT_PORT: String(opts.boltPort),
      NEO4J_DATA_DIR: opts.dataDir,
      NEO4J_PASSWORD: opts.password,
      NEO4J_TX_TIMEOUT_MS: String(opts.txTimeoutMs),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderrTail: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
  });

  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`Neo4j was not ready within ${opts.startTimeoutS} s (NEO4J_START_TIMEOUT_S). Last output:\n${stderrTail.join('\n')}`));
    }, opts.startTimeoutS * 1000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('READY ')) {
        clearTimeout(timer);
        resolve(line.slice('READY '.length).trim());
      } else if (line.startsWith('ERROR ')) {
        clearTimeout(timer);
        reject(new Error(`Neo4j did not start: ${line.slice('ERROR '.length)}`));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Neo4j exited during start-up (exit code ${code}). Last output:\n${stderrTail.join('\n')}`));
    });
  });
  log(`neo4j: embedded Neo4j ready at ${uri} (data in ${opts.dataDir})`);

  let stopping: Promise<void> | undefined;
  return {
    uri,
    process: child,
    stop() {
      // SIGTERM runs the launcher's shutdown hook, which checkpoints the store.
      stopping ??= new Promise<void>((resolve) => {
        // Already gone (exited, or killed by a signal: then exitCode stays null and 'exit' has fired).
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      return stopping;
    },
  };
}
