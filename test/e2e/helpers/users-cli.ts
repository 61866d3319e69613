import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, type WebStack } from './stack';

/** `npm run users -- <args>` (the compiled CLI) against the Neo4j of the stack's API; resolves with its stdout. */
export function usersCli(stack: WebStack, args: string[]): Promise<string> {
  const neo4j = stack.services.find((s) => s.name === 'api')!.neo4j!;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/server/src/auth/users-cli.js'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: readFileSync(neo4j.passwordFile, 'utf8').trim() },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`users ${args.join(' ')} exited ${code}: ${err}`))));
  });
}
