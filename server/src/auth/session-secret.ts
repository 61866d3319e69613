import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';

/**
 * SESSION_SECRET, or one generated once into .data/session-secret (beside the Neo4j password),
 * so a fresh clone needs no setup and a restart signs nobody out.
 */
export function sessionSecret(cfg: Pick<Config, 'SESSION_SECRET' | 'NEO4J_DATA_DIR'>): string {
  if (cfg.SESSION_SECRET) return cfg.SESSION_SECRET;
  const file = path.join(path.dirname(cfg.NEO4J_DATA_DIR), 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
