import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Contract 1 (seed/data/clusters.json) is typed where it is validated. */
export type { SeedCluster, SeedFile, SeedSource } from './validate-seed';
import type { SeedFile } from './validate-seed';

/** Contract 2: seed/structures/data/<clusterId>.json. */
export interface StructureFile {
  clusterId: string;
  charge: number;
  multiplicity: number;
  multiplicitySource: string;
  method: string;
  program: string;
  programVersion: string;
  settings: Record<string, unknown>;
  isomers: StructureIsomer[];
}

export interface StructureIsomer {
  rank: number;
  energyHartree: number;
  relativeEnergyKcalPerMol: number;
  homoLumoGapEv?: number | null;
  dipoleDebye?: number | null;
  atoms: StructureAtom[];
  bonds: StructureBond[];
  /** Further xtb results (e.g. polarizability) travel along unchanged. */
  [property: string]: unknown;
}

export interface StructureAtom {
  index: number;
  element: string;
  atomicNumber: number;
  xyzAngstrom: [number, number, number];
  partialCharge: number;
  coordinationNumber: number;
  [property: string]: unknown;
}

export interface StructureBond {
  a: number;
  b: number;
  lengthAngstrom: number;
  wibergOrder: number;
}

export interface SeedBundle {
  seed: SeedFile;
  structures: Map<string, StructureFile>;
  /** Changes whenever any seed input changes: sha256 over the seed file and every structure file. */
  datasetVersion: string;
}

export function readSeedBundle(seedFile: string, structuresDir: string): SeedBundle {
  if (!existsSync(seedFile)) throw new Error(`Seed file ${seedFile} is missing; run "npm run seed:convert" to build it from ../shared.`);
  const hash = createHash('sha256');
  const seedText = readFileSync(seedFile, 'utf8');
  hash.update(seedText);
  const seed = JSON.parse(seedText) as SeedFile;
  const structures = new Map<string, StructureFile>();
  if (existsSync(structuresDir)) {
    for (const name of readdirSync(structuresDir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const text = readFileSync(path.join(structuresDir, name), 'utf8');
      hash.update(name).update(text);
      const structure = JSON.parse(text) as StructureFile;
      structures.set(structure.clusterId, structure);
    }
  }
  return { seed, structures, datasetVersion: `${seed.dataset.name}@${hash.digest('hex').slice(0, 12)}` };
}
