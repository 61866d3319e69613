/**
 * Which catalog nodes belong to a release. Release 1 is the published seed; a publish adds
 * clusters and measurements (fromRelease = its number) and, for a cluster whose catalog record
 * changes, closes the old version node (toRelease = previous number) and opens a new one with
 * the same id. Nodes are never edited in place after their release, so a release answers the
 * same forever. `null` (no release named) reads the current versions.
 */
export type ReleaseNumber = number | null | undefined;

/** Cypher condition: version node `alias` is part of the release in parameter `$param` (or current when that release is not given). */
export function clusterInRelease(alias: string, release: ReleaseNumber, param: string): { condition: string; params: Record<string, unknown> } {
  if (release == null) return { condition: `${alias}.toRelease IS NULL`, params: {} };
  return {
    condition: `${alias}.fromRelease <= $${param} AND (${alias}.toRelease IS NULL OR ${alias}.toRelease >= $${param})`,
    params: { [param]: release },
  };
}

/** Measurements keep their first release; seed measurements carry none (release 1). */
export function measurementInRelease(alias: string, release: ReleaseNumber, param: string): { condition: string; params: Record<string, unknown> } {
  if (release == null) return { condition: 'true', params: {} };
  return { condition: `coalesce(${alias}.fromRelease, 1) <= $${param}`, params: { [param]: release } };
}
