import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config';
import type { Executor } from './executor';

const MIGRATIONS_DIR = path.join(REPO_ROOT, 'schema', 'neo4j');

/** Splits a migration file into statements, dropping // comments. */
export function splitStatements(source: string): string[] {
  return source
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function migrationFiles(): string[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => path.join(MIGRATIONS_DIR, f));
}

/** Applies schema/neo4j/*.cypher in name order; safe to run at every start. */
export async function applyMigrations(executor: Executor): Promise<number> {
  let count = 0;
  for (const file of migrationFiles()) {
    for (const statement of splitStatements(readFileSync(file, 'utf8'))) {
      await executor.autoCommit({ cypher: statement, params: {} }, { purpose: `migration ${path.basename(file)}` });
      count++;
    }
  }
  await executor.autoCommit({ cypher: 'CALL db.awaitIndexes(60)', params: {} }, { purpose: 'await indexes' });
  return count;
}
