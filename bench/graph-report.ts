import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fmt, summarize } from './stats';

/** bench:graph's index candidates, timing arms and report lines. */

/**
 * Indexes (and the one unique constraint) whose effect is timed by dropping them: the ones the
 * plans could use for the timed queries. `rounds` scales BENCH_INDEX_SAMPLES down where the
 * query without the index scans everything.
 */
export const INDEX_CANDIDATES: Array<{ name: string; kind: 'INDEX' | 'CONSTRAINT'; workload: 'composition' | 'motif'; roundsFactor: number }> = [
  { name: 'cluster_id', kind: 'INDEX', workload: 'motif', roundsFactor: 0.2 },
  { name: 'atom_is_metal', kind: 'INDEX', workload: 'motif', roundsFactor: 1 },
  { name: 'cluster_element_set', kind: 'INDEX', workload: 'composition', roundsFactor: 0.3 },
  { name: 'contains_count', kind: 'INDEX', workload: 'composition', roundsFactor: 1 },
];

export interface Arm {
  samplesMs: number[];
  errors: string[];
}
export const newArm = (): Arm => ({ samplesMs: [], errors: [] });

export const line = (label: string, text: string) => console.log(`  ${label.padEnd(34)} ${text}`);
export const stats = (arm: Arm) => {
  const s = summarize(arm.samplesMs);
  return `p50 ${fmt(s.p50, 1).padStart(8)} ms  p99 ${fmt(s.p99, 1).padStart(8)} ms  (n=${s.n}${arm.errors.length ? `, ${arm.errors.length} errors: ${[...new Set(arm.errors)].slice(0, 2).join(' | ')}` : ''})`;
};
export const mib = (kib: number | undefined) => (kib === undefined || !Number.isFinite(kib) ? 'n/a' : `${fmt(kib / 1024, 0)} MiB`);

export function directoryBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const full = path.join(dir, entry.name);
    return sum + (entry.isDirectory() ? directoryBytes(full) : entry.isFile() ? statSync(full).size : 0);
  }, 0);
}

/** How a plan reaches its first rows: index seeks and scans, label scans. */
export function planAccess(plan: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }): string[] {
  const found = new Set<string>();
  const walk = (op: typeof plan) => {
    const type = op.operatorType.replace(/@.*$/, '');
    if (/Index|LabelScan|AllNodesScan/.test(type))
      found.add(
        `${type} ${String(op.arguments.Details ?? '')
          .replace(/\s+WHERE.*$/, '')
          .slice(0, 60)}`.trim(),
      );
    (op.children as (typeof plan)[]).forEach(walk);
  };
  walk(plan);
  return [...found];
}
