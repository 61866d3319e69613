import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { SeedBundle } from './seed-file';
import { ARRAY_DELIMITER, catalogCsv, type EmptyListProperty, type ImportTable } from './bulk-import-csv';
import { bulkImportFinishQueries } from './bulk-import-queries';
import type { Executor } from '../db/executor';
import { ensureLauncherBuilt, LAUNCHER_CLASSPATH } from '../db/neo4j-launcher';
import { lineLog } from '../logger';

// The admin tool ships with the launcher's Neo4j (neo4j-import-tool is a dependency of neo4j); same paths as neo4j-launcher.ts.

export interface BulkImportOptions {
  /** The embedded store's home (NEO4J_DATA_DIR): the launcher runs DatabaseManagementServiceBuilder(dataDir). */
  dataDir: string;
  log?: (line: string) => void;
  /** Importer worker threads (default 2: one per core here; the importer's stages share them). */
  threads?: number;
  /** Off-heap cap for the importer's caches (default 2G; the tool's own default is 90% of free RAM). */
  maxOffHeapMemory?: string;
  /** Heap of the importer JVM in MiB (default 1024). */
  heapMb?: number;
  /** Where the CSV files are written (a temp dir inside it, removed afterwards); default os.tmpdir(). */
  tmpDir?: string;
}

export interface BulkImportResult {
  csvMs: number;
  importMs: number;
  csvBytes: number;
  nodes: number;
  relationships: number;
  tables: Array<{ kind: ImportTable['kind']; name: string; rows: number }>;
  /** Left for finishBulkImport: node properties holding empty lists, which CSV cannot carry. */
  emptyLists: EmptyListProperty[];
}

/** The database files the embedded DBMS keeps for the default database under its home. */
export function storeDatabaseDirs(dataDir: string): string[] {
  return [path.join(dataDir, 'data', 'databases', 'neo4j'), path.join(dataDir, 'data', 'transactions', 'neo4j')];
}

/** Refuses a store that already holds the neo4j database: the bulk import only ever fills an empty store. */
export function assertEmptyStore(dataDir: string): void {
  const held = storeDatabaseDirs(dataDir).filter((dir) => existsSync(dir) && readdirSync(dir).length > 0);
  if (held.length) {
    throw new Error(
      `The store at ${dataDir} already holds a Neo4j database (${held.map((d) => path.relative(dataDir, d)).join(', ')}); ` +
        'the bulk import only fills an empty store and never overwrites data. Use "npm run seed" to load into it, or point NEO4J_DATA_DIR at an empty directory.',
    );
  }
}

/** Writes the catalog's CSV files into dir; headers go in files of their own (their columns are known only at the end). */
function writeCsvFiles(
  bundle: SeedBundle,
  dir: string,
): { tables: ImportTable[]; nodes: number; relationships: number; bytes: number; emptyLists: EmptyListProperty[] } {
  const open = new Map<ImportTable, { fd: number; lines: string[]; length: number }>();
  let bytes = 0;
  const flush = (file: { fd: number; lines: string[]; length: number }) => {
    if (!file.lines.length) return;
    bytes += writeSync(file.fd, `${file.lines.join('\n')}\n`);
    file.lines = [];
    file.length = 0;
  };
  try {
    const csv = catalogCsv(bundle, (table, line) => {
      let file = open.get(table);
      if (!file) {
        file = { fd: openSync(path.join(dir, `${table.file}.data.csv`), 'w'), lines: [], length: 0 };
        open.set(table, file);
      }
      file.lines.push(line);
      file.length += line.length;
      if (file.length > 1 << 20) flush(file);
    });
    for (const file of open.values()) flush(file);
    const tables = csv.tables.filter((t) => t.rowCount > 0);
    for (const table of tables) {
      const header = `${table.header()}\n`;
      writeFileSync(path.join(dir, `${table.file}.header.csv`), header);
      bytes += Buffer.byteLength(header);
    }
    return { tables, nodes: csv.nodeCount, relationships: csv.relationshipCount, bytes, emptyLists: csv.emptyLists };
  } finally {
    for (const file of open.values()) closeSync(file.fd);
  }
}

class ImportToolError extends Error {
  constructor(
    message: string,
    /** The tool began writing the store (it printed IMPORT FAILED), so the files there are its own leftovers. */
    readonly startedWriting: boolean,
  ) {
    super(message);
  }
}

/** Runs `neo4j-admin database import full` from the launcher's classpath; resolves with its output's last lines. */
function runImportTool(args: string[], env: NodeJS.ProcessEnv, heapMb: number, log: (line: string) => void): Promise<string[]> {
  // Progress bars (rows of dots) and stack frames carry nothing a reader of an error needs.
  const tail: string[] = [];
  let startedWriting = false;
  return new Promise((resolve, reject) => {
    const child = spawn('java', [`-Xmx${heapMb}m`, '-cp', LAUNCHER_CLASSPATH, 'org.neo4j.cli.AdminTool', 'database', 'import', 'full', '--verbose', ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const onLine = (line: string) => {
      if (/^\(\d\/\d\) |^IMPORT |^Imported:|^\s+\d+ (nodes|relationships|properties)$|^Peak memory/.test(line)) log(`bulk import: ${line.trim()}`);
      if (line.startsWith('IMPORT FAILED')) startedWriting = true;
      if (/^[.-]{10} |^\s+at |^\s+\.\.\. \d+ more|^\s*$/.test(line)) return;
      tail.push(line);
      if (tail.length > 40) tail.shift();
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', onLine);
    child.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        new ImportToolError(
          err.code === 'ENOENT'
            ? 'The bulk import needs Java 17+ (Debian: apt-get install openjdk-17-jre-headless); or load with "npm run seed" without --bulk.'
            : `could not start the Neo4j import tool: ${err.message}`,
          false,
        ),
      );
    });
    child.once('close', (code) => {
      if (code === 0) resolve(tail);
      else reject(new ImportToolError(`neo4j-admin database import failed (exit code ${code}). Last output:\n${tail.join('\n')}`, startedWriting));
    });
  });
}

/** The importer's own count from "Imported:\n  N nodes\n  M relationships". */
function importedCount(tail: string[], what: 'nodes' | 'relationships'): number | null {
  const line = tail.find((l) => new RegExp(`^\\s+\\d+ ${what}$`).test(l));
  return line ? Number(line.trim().split(' ')[0]) : null;
}

/**
 * Loads the seed bundle into an EMPTY embedded store with Neo4j's offline importer: far faster
 * than transactions for an initial load. Produces the same graph as loadCatalog (same row
 * builders, see bulk-import-csv.ts) without schema: the constraints and indexes come from the
 * migrations the next start applies. Then start the database and call finishBulkImport, which
 * writes what CSV cannot and, last, the Dataset node that marks the store as seeded.
 * The store must not be open in a running Neo4j.
 */
export async function bulkImportCatalog(bundle: SeedBundle, opts: BulkImportOptions): Promise<BulkImportResult> {
  const log = opts.log ?? lineLog('seed');
  const dataDir = path.resolve(opts.dataDir);
  assertEmptyStore(dataDir);
  ensureLauncherBuilt(log);
  const work = mkdtempSync(path.join(opts.tmpDir ?? os.tmpdir(), 'clusteratlas-bulk-import-'));
  try {
    let t = performance.now();
    const csv = writeCsvFiles(bundle, work);
    const csvMs = performance.now() - t;
    log(
      `bulk import: ${csv.nodes} nodes and ${csv.relationships} relationships as CSV (${(csv.bytes / 2 ** 20).toFixed(0)} MiB) in ${(csvMs / 1000).toFixed(1)} s`,
    );

    // The admin tool resolves the store from NEO4J_HOME the way DatabaseManagementServiceBuilder(home)
    // does (home/data/databases/<db>, home/data/transactions/<db>); the generated conf states those
    // directories so an inherited NEO4J_CONF or a changed default cannot send the import elsewhere.
    const conf = path.join(work, 'conf');
    mkdirSync(conf);
    writeFileSync(
      path.join(conf, 'neo4j.conf'),
      [
        `server.directories.data=${path.join(dataDir, 'data')}`,
        `server.directories.transaction.logs.root=${path.join(dataDir, 'data', 'transactions')}`,
        `server.directories.logs=${path.join(dataDir, 'logs')}`,
        '',
      ].join('\n'),
    );
    mkdirSync(dataDir, { recursive: true });
    const file = (table: ImportTable, part: 'header' | 'data') => path.join(work, `${table.file}.${part}.csv`);
    const args = [
      ...csv.tables.map((table) => `--${table.kind}=${table.name}=${file(table, 'header')},${file(table, 'data')}`),
      `--array-delimiter=${ARRAY_DELIMITER}`,
      // Generated data is fault-free; any bad entry is a bug here and must fail the import, not be skipped.
      '--bad-tolerance=0',
      `--threads=${opts.threads ?? 2}`,
      `--max-off-heap-memory=${opts.maxOffHeapMemory ?? '2G'}`,
      `--report-file=${path.join(work, 'import.report')}`,
      ...(csv.tables.some((table) => table.multiline) ? ['--multiline-fields=true'] : []),
      'neo4j',
    ];
    t = performance.now();
    let tail: string[];
    try {
      tail = await runImportTool(args, { ...process.env, NEO4J_HOME: dataDir, NEO4J_CONF: conf }, opts.heapMb ?? 1024, log);
    } catch (err) {
      // The tool leaves a half-written store behind, which would make every later start fail. It
      // only starts writing into an empty database (it refuses others), so what is there is its own.
      if (err instanceof ImportToolError && err.startedWriting) {
        for (const dir of storeDatabaseDirs(dataDir)) rmSync(dir, { recursive: true, force: true });
      }
      throw err;
    }
    const importMs = performance.now() - t;
    const nodes = importedCount(tail, 'nodes');
    const relationships = importedCount(tail, 'relationships');
    if (nodes !== csv.nodes || relationships !== csv.relationships) {
      throw new Error(`the importer reports ${nodes} nodes and ${relationships} relationships; the CSV files hold ${csv.nodes} and ${csv.relationships}`);
    }
    return {
      csvMs,
      importMs,
      csvBytes: csv.bytes,
      nodes,
      relationships,
      tables: csv.tables.map((table) => ({ kind: table.kind, name: table.name, rows: table.rowCount })),
      emptyLists: csv.emptyLists,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Completes a bulk import on the started, migrated database (see bulkImportFinishQueries). */
export async function finishBulkImport(executor: Executor, bundle: SeedBundle, result: Pick<BulkImportResult, 'emptyLists'>): Promise<void> {
  for (const query of bulkImportFinishQueries(bundle, result.emptyLists)) {
    await executor.write(query, { purpose: 'bulk import finish', timeoutMs: 120000 });
  }
}
