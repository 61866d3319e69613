/** Cluster families for trend plots: the element set, metals first, e.g. "Ta-S" or "Fe-V-C". */
export interface TrendPoint {
  id: string;
  formula: string;
  charge: number;
  size: number;
  metalAtomCount: number;
  family: string;
  log10K1: number;
}

export function familyKey(metals: string[], ligands: string[]): string {
  return [...metals, ...ligands].join('-');
}

/** Families by how many measured clusters they hold, largest first. */
export function familyCounts(points: TrendPoint[]): Array<{ family: string; count: number }> {
  const counts = new Map<string, number>();
  for (const p of points) counts.set(p.family, (counts.get(p.family) ?? 0) + 1);
  return [...counts].map(([family, count]) => ({ family, count })).sort((a, b) => b.count - a.count || a.family.localeCompare(b.family));
}
