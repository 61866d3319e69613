/**
 * GFN2-xTB structure search for every cluster in seed/data/clusters.json (see README.md here).
 *
 *   npm run structures:search                  # all clusters; resumes, skips up-to-date files
 *   npm run structures:search -- --only Mo5S2-anion,Fe2VC-anion --workers 1
 *   npm run structures:validate                # only rebuild the validation report
 *
 * Options: --only ids, --workers N (2), --timeout-ms per xtb call (120000), --niceness (10),
 * --limit N (at most N clusters this run), --validate-only.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MultiBar, Presets } from 'cli-progress';
import type { SeedCluster, SeedFile, StructureFile } from '../../server/src/load/seed-file';
import { searchCluster } from '../../server/src/xtb/search/cluster-search';
import { atomElements, settingsHash } from '../../server/src/xtb/search/search-settings';
import { renderMarkdown, validateStructures } from './validation-report';

const ROOT = path.resolve(__dirname, '..', '..');
const SEED_FILE = path.join(ROOT, 'seed', 'data', 'clusters.json');
const STRUCTURES_DIR = path.join(ROOT, 'seed', 'structures', 'data');
const REPORT_MD = path.join(ROOT, 'seed', 'structures', 'validation-report.md');
const REPORT_JSON = path.join(ROOT, 'seed', 'structures', 'validation-report.json');

interface Options {
  only: Set<string> | null;
  workers: number;
  timeoutMs: number;
  niceness: number;
  limit: number;
  validateOnly: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { only: null, workers: 2, timeoutMs: 120_000, niceness: 10, limit: Infinity, validateOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const positiveInt = (v: string, name: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${v}"`);
      return n;
    };
    switch (flag) {
      case '--only':
        options.only = new Set(
          value()
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        );
        break;
      case '--workers':
        options.workers = Math.max(1, positiveInt(value(), '--workers'));
        break;
      case '--timeout-ms':
        options.timeoutMs = Math.max(1000, positiveInt(value(), '--timeout-ms'));
        break;
      case '--niceness':
        options.niceness = Math.min(19, positiveInt(value(), '--niceness'));
        break;
      case '--limit':
        options.limit = positiveInt(value(), '--limit');
        break;
      case '--validate-only':
        options.validateOnly = true;
        break;
      default:
        throw new Error(`Unknown option ${argv[i]} (see the header of seed/structures/search.ts)`);
    }
  }
  return options;
}

function readClusters(): SeedCluster[] {
  if (!existsSync(SEED_FILE)) throw new Error(`${SEED_FILE} is missing; run "npm run seed:convert" first`);
  return (JSON.parse(readFileSync(SEED_FILE, 'utf8')) as SeedFile).clusters;
}

function readStructures(): Map<string, StructureFile> {
  const structures = new Map<string, StructureFile>();
  if (!existsSync(STRUCTURES_DIR)) return structures;
  for (const name of readdirSync(STRUCTURES_DIR).filter((f) => f.endsWith('.json'))) {
    const file = JSON.parse(readFileSync(path.join(STRUCTURES_DIR, name), 'utf8')) as StructureFile;
    structures.set(file.clusterId, file);
  }
  return structures;
}

function isUpToDate(cluster: SeedCluster, structures: Map<string, StructureFile>): boolean {
  const file = structures.get(cluster.id) as (StructureFile & { settingsHash?: string }) | undefined;
  return file?.settingsHash === settingsHash(cluster);
}

/** Pretty JSON with numeric arrays (coordinates, dipoles) kept on one line. */
export function formatStructureJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/\[\s+(-?[\d.e+-]+(?:,\s+-?[\d.e+-]+)*)\s+\]/g, (_, inner: string) => `[${inner.split(/,\s+/).join(', ')}]`)}\n`;
}

/** Write-then-rename, so a killed run never leaves a half-written structure file behind. */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

function writeReport(clusters: SeedCluster[], runInfo: string[]): number {
  const report = validateStructures(clusters, readStructures());
  writeAtomically(REPORT_JSON, formatStructureJson({ runInfo, ...report }));
  writeAtomically(REPORT_MD, renderMarkdown(report, runInfo));
  const s = report.summary;
  console.log(
    `validation: ${s.withStructures}/${s.clusters} clusters, connected: ${s.allConnected ? 'all' : 'NOT all'}, shortest distance ${s.minShortestDistanceAngstrom?.toFixed(3)} Å, ` +
      `tightest contact ratio ${s.minTightestContactRatio?.toFixed(3)}, charge-runaway clusters ${s.chargeRunawayClusters}, errors ${s.errors}`,
  );
  for (const row of report.clusters.filter((r) => r.errors.length > 0)) console.error(`  ${row.clusterId}: ${row.errors.join('; ')}`);
  return s.errors;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const clusters = readClusters();
  if (options.only) {
    const unknown = [...options.only].filter((id) => !clusters.some((c) => c.id === id));
    if (unknown.length > 0) throw new Error(`Unknown cluster id(s): ${unknown.join(', ')}`);
  }
  if (options.validateOnly) {
    process.exitCode = writeReport(clusters, ['report rebuilt from the committed files (no xtb run)']) > 0 ? 1 : 0;
    return;
  }
  mkdirSync(STRUCTURES_DIR, { recursive: true });
  const existing = readStructures();
  const selected = clusters.filter((c) => !options.only || options.only.has(c.id));
  // Largest first: the long jobs start early, so two workers finish at nearly the same time.
  const todo = selected
    .filter((c) => !isUpToDate(c, existing))
    .sort((a, b) => atomElements(b).length - atomElements(a).length || a.id.localeCompare(b.id))
    .slice(0, options.limit);
  console.log(
    `${selected.length} clusters selected, ${selected.length - todo.length} up to date, ${todo.length} to compute with ${options.workers} workers (xtb: 1 thread each, nice ${options.niceness}) on ${os.cpus().length} cores`,
  );

  const controller = new AbortController();
  const stop = (signal: string) => {
    console.error(`\n${signal}: stopping; finished clusters are kept, rerun to continue`);
    controller.abort();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));

  const started = Date.now();
  const failures: string[] = [];
  // The bar is for terminals; a redirected run (nohup, CI) gets one plain line per cluster instead.
  const tty = Boolean(process.stdout.isTTY);
  const bars = tty
    ? new MultiBar(
        { format: 'structures |{bar}| {value}/{total} | {duration_formatted} elapsed | ETA {eta_formatted} | {current}', hideCursor: true, etaBuffer: 20 },
        Presets.shades_classic,
      )
    : null;
  const bar = bars?.create(todo.length, 0, { current: '' });
  const log = (line: string) => (bars ? bars.log(`${line}\n`) : console.log(line));
  const running = new Set<string>();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < todo.length && !controller.signal.aborted) {
      const cluster = todo[next++];
      running.add(cluster.id);
      bar?.update({ current: [...running].join(', ') });
      let line: string;
      try {
        const { file } = await searchCluster(cluster, { timeoutMs: options.timeoutMs, niceness: options.niceness, signal: controller.signal });
        writeAtomically(path.join(STRUCTURES_DIR, `${cluster.id}.json`), formatStructureJson(file));
        const search = (file as { search?: { wallTimeSeconds: number; startsAccepted: number; starts: number; tier: number } }).search;
        line = `${cluster.id}: M=${file.multiplicity} E=${file.isomers[0].energyHartree.toFixed(6)} Eh, ${file.isomers.length} isomer(s), tier ${search?.tier}, ${search?.startsAccepted}/${search?.starts} starts accepted, ${search?.wallTimeSeconds}s`;
      } catch (error) {
        if (controller.signal.aborted) break;
        failures.push(cluster.id);
        line = `${cluster.id}: FAILED ${(error as Error).message}`;
      } finally {
        running.delete(cluster.id);
      }
      done++;
      bar?.increment(1, { current: [...running].join(', ') });
      log(`[${done}/${todo.length} ${((Date.now() - started) / 60000).toFixed(1)} min] ${line}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.workers, Math.max(1, todo.length)) }, worker));
  bars?.stop();

  const minutes = (Date.now() - started) / 60000;
  const runInfo = [
    `last run: ${todo.length} cluster(s) attempted, ${failures.length} failed, wall time ${minutes.toFixed(1)} min, ${options.workers} workers on ${os.cpus().length} cores${controller.signal.aborted ? ' (interrupted)' : ''}`,
  ];
  console.log(runInfo[0]);
  if (failures.length > 0) console.error(`failed: ${failures.join(', ')}`);
  const errors = writeReport(clusters, runInfo);
  process.exitCode = controller.signal.aborted || failures.length > 0 || errors > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
