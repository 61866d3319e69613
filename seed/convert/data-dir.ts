import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** The repository root (this file lives in <repo>/seed/convert). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Where the read-only source spreadsheets live unless CLUSTER_DATA_DIR says otherwise. */
export const DEFAULT_DATA_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'mou2025-cluster-n2');

/** The published spreadsheets, relative to the data directory. */
export const DATA_FILES = {
  homonuclear24: 'homonuclear-159-24features.xlsx',
  homonuclear15: 'homonuclear-159-15features.xlsx',
  homonuclear8: 'homonuclear-159-8features.xlsx',
  heteronuclear: 'heteronuclear-57-15features.xlsx',
  fold: (fold: number): string => path.join('folds', `homonuclear-159-fold${fold}-train-test.xlsx`),
} as const;

export const FOLD_COUNT = 10;

/** Resolves and checks the data directory; the error says which variable to set. */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CLUSTER_DATA_DIR;
  const dir = fromEnv && fromEnv.trim() !== '' ? path.resolve(fromEnv) : DEFAULT_DATA_DIR;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    const origin = fromEnv ? `CLUSTER_DATA_DIR=${fromEnv}` : `the default ${DEFAULT_DATA_DIR}`;
    throw new Error(`cluster data directory not found (${origin}); set CLUSTER_DATA_DIR to the folder holding ${DATA_FILES.homonuclear24}`);
  }
  return dir;
}
