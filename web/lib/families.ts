/** Cluster families for trend plots: the element set, metals first, e.g. "Ta-S" or "Fe-V-C". */
export interface TrendPoint {
  id: string;
  formula: string;
  charge: number;
  atomCount: number;
  metalAtomCount: number;
  family: string;
  log10K1: number;
}

// Non-metals of this catalog's clusters; every other symbol in a family is a metal.
const NONMETALS = new Set(['H', 'B', 'C', 'N', 'O', 'F', 'Si', 'P', 'S', 'Cl', 'Se', 'Br', 'I']);

/**
 * One spelling per family: metals in alphabetical order, then non-metals in alphabetical order,
 * joined by "-" (URL-safe; shown with an en dash by familyLabel). "Rh-Co", "Co–Rh" and "Co-Rh"
 * all become "Co-Rh", the server's metalFamily spelling.
 */
export function canonicalFamily(family: string): string {
  const parts = family.split(/[-–]/).filter(Boolean);
  const metals = parts.filter((p) => !NONMETALS.has(p)).sort();
  const ligands = parts.filter((p) => NONMETALS.has(p)).sort();
  return [...metals, ...ligands].join('-');
}

/** The family as shown: "Co–Rh", "Fe–V–C". */
export function familyLabel(family: string): string {
  return canonicalFamily(family).replace(/-/g, '–');
}

export function familyKey(metals: string[], ligands: string[]): string {
  return canonicalFamily([...metals, ...ligands].join('-'));
}

/** Families by how many measured clusters they hold, largest first. */
export function familyCounts(points: TrendPoint[]): Array<{ family: string; count: number }> {
  const counts = new Map<string, number>();
  for (const p of points) counts.set(p.family, (counts.get(p.family) ?? 0) + 1);
  return [...counts].map(([family, count]) => ({ family, count })).sort((a, b) => b.count - a.count || a.family.localeCompare(b.family));
}
