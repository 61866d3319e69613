/** Shared by the bulk downloads (download.ts) and the filtered exports (export.ts). */

/** RFC 4180: a cell with a quote, comma or line break is quoted, quotes doubled. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A named release's files carry its number; the current release keeps the dataset version alone. */
export function releaseVersion(datasetVersion: string, release: number | null): string {
  return release === null ? datasetVersion : `${datasetVersion}-release-${release}`;
}

/** File names safe on every system: clusteratlas-<version>. */
export function fileStem(version: string): string {
  return `clusteratlas-${version.replace(/[^A-Za-z0-9.-]/g, '_')}`;
}
