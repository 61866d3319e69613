/**
 * Element-set keys: the sorted, distinct element symbols of a composition joined by "-"
 * ("Mo-S"). Stored on every Cluster and indexed, they turn an exclusive composition pattern
 * (only the named elements may occur) into an index seek over a few keys instead of a scan.
 */
export function elementSetKey(elements: readonly string[]): string {
  return [...new Set(elements)].sort().join('-');
}

/** More keys than this and a scan is as cheap as the seeks (and the parameter list gets large). */
export const MAX_ELEMENT_SET_KEYS = 1024;

/**
 * Every element-set key a cluster may have when only `allowed` elements may occur and each of
 * `required` must: one key per subset S with required ⊆ S ⊆ allowed, S not empty. Returns null
 * when there would be more than MAX_ELEMENT_SET_KEYS, and [] when `required` is not a subset of
 * `allowed` (nothing can match).
 */
export function candidateElementSetKeys(allowed: readonly string[], required: readonly string[]): string[] | null {
  const allowedSet = new Set(allowed);
  const requiredSet = new Set(required);
  for (const e of requiredSet) if (!allowedSet.has(e)) return [];
  const optional = [...allowedSet].filter((e) => !requiredSet.has(e)).sort();
  if (optional.length > Math.log2(MAX_ELEMENT_SET_KEYS)) return null;
  const keys: string[] = [];
  for (let mask = 0; mask < 1 << optional.length; mask++) {
    const chosen = optional.filter((_, i) => mask & (1 << i));
    if (requiredSet.size + chosen.length === 0) continue;
    keys.push(elementSetKey([...requiredSet, ...chosen]));
  }
  return keys;
}
