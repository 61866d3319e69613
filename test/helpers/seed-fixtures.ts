import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SeedCluster, SeedFile } from '../../server/src/load/seed-file';

/** The committed seed file, read directly: the independent source of expected answers. */
export function seedClusters(): SeedCluster[] {
  const file = path.join(__dirname, '..', '..', 'seed', 'data', 'clusters.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as SeedFile).clusters;
}

export function countOf(c: SeedCluster, element: string): number {
  return c.composition.find((p) => p.element === element)?.count ?? 0;
}
