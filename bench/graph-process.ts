import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** Linux /proc readings for the benchmarked processes (the API and the Neo4j JVM it starts). */

export interface MemoryKiB {
  /** Peak resident set size since start or since the last resetPeakRss. */
  vmHwmKiB: number;
  vmRssKiB: number;
}

export function readMemory(pid: number): MemoryKiB | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { vmHwmKiB: field('VmHWM'), vmRssKiB: field('VmRSS') };
  } catch {
    return null;
  }
}

/** Resets VmHWM to the current RSS (clear_refs "5"), so later peaks belong to the phase that follows. */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The first child whose command is `name` (the API spawns exactly one java). */
export function childNamed(pid: number, name: string): number | null {
  for (const child of childPids(pid)) {
    try {
      if (readFileSync(`/proc/${child}/comm`, 'utf8').trim() === name) return child;
    } catch {
      // exited meanwhile
    }
  }
  return null;
}

/** User + system CPU seconds the process has used so far (its threads included). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command; utime and stime are fields 14 and 15 (clock ticks, 100 Hz on Linux).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export type CpuSnapshot = Map<number, { command: string; cpuSeconds: number }>;

/** CPU seconds of every process on the machine, to show what else ran during a phase. */
export function snapshotCpu(): CpuSnapshot {
  const snapshot: CpuSnapshot = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      snapshot.set(Number(entry), { command, cpuSeconds: cpuSeconds(Number(entry)) });
    } catch {
      // exited meanwhile
    }
  }
  return snapshot;
}

/** CPU seconds used between two snapshots, summed by command name, largest first (processes that ended in between are missed). */
export function cpuByCommand(before: CpuSnapshot, after: CpuSnapshot, labels: Map<number, string> = new Map()): Array<[string, number]> {
  const totals = new Map<string, number>();
  for (const [pid, now] of after) {
    const used = now.cpuSeconds - (before.get(pid)?.command === now.command ? before.get(pid)!.cpuSeconds : 0);
    const name = labels.get(pid) ?? now.command;
    if (used > 0) totals.set(name, (totals.get(name) ?? 0) + used);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}
