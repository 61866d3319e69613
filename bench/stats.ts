/** Small statistics helpers shared by the benchmark scripts. */
export function percentile(sortedMs: number[], p: number): number {
  if (!sortedMs.length) return NaN;
  const i = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[i];
}

export function summarize(samplesMs: number[]): { n: number; p50: number; p99: number; mean: number } {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean: sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1) };
}

export const fmt = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
