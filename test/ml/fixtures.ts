import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ClusterStructureInput, StructureIsomerInput } from '../../server/src/ml/featurize';

/**
 * Locations and readers shared by the ML tests. CLUSTERATLAS_MODEL_DIR lets `train:smoke`
 * point the same tests at a freshly trained model in a temporary directory.
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..');

export const MODEL_DIR = process.env.CLUSTERATLAS_MODEL_DIR ?? path.join(REPO_ROOT, 'models', 'served');
export const STRUCTURES_DIR = process.env.STRUCTURES_DIR ?? path.join(REPO_ROOT, 'seed', 'structures', 'data');

interface StructureFileLike {
  clusterId: string;
  charge: number;
  multiplicity: number;
  isomers: Array<StructureIsomerInput & { rank: number }>;
}

/** Rank-0 isomer of a seed structure file, with the file's charge and multiplicity. */
export function readStructure(clusterId: string): ClusterStructureInput {
  const file = JSON.parse(readFileSync(path.join(STRUCTURES_DIR, `${clusterId}.json`), 'utf8')) as StructureFileLike;
  const isomer = file.isomers.reduce((a, b) => (b.rank < a.rank ? b : a));
  return { isomer, charge: file.charge, multiplicity: file.multiplicity };
}

export function readJson<T>(relativeToModelDir: string): T {
  return JSON.parse(readFileSync(path.join(MODEL_DIR, relativeToModelDir), 'utf8')) as T;
}
