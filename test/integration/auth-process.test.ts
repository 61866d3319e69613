import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { generateKey } from '../../server/src/auth/api-key';
import { testAccounts, type TestAccount } from '../helpers/accounts';
import { freePort } from '../helpers/free-port';
import { stackInfo } from '../helpers/stack-info';

/**
 * The built programs as an operator runs them (`npm run build` first; `npm run test:int` does):
 * the API's real log output while keys are used, refused and created, and `npm run users`.
 */
const ROOT = path.join(__dirname, '..', '..');
const API_MAIN = path.join(ROOT, 'dist', 'server', 'src', 'main.js');
const USERS_CLI = path.join(ROOT, 'dist', 'server', 'src', 'auth', 'users-cli.js');

const accounts = testAccounts();
const children: ChildProcess[] = [];

function stackEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const info = stackInfo();
  const e: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_URI: info.boltUri,
    NEO4J_USER: info.neo4jUser,
    NEO4J_PASSWORD: info.neo4jPassword,
    NEO4J_DATABASE: info.database,
    ...extra,
  };
  if (process.env.TEST_MODELS_DIR) e.MODELS_DIR = process.env.TEST_MODELS_DIR;
  return e;
}

beforeAll(() => {
  for (const f of [API_MAIN, USERS_CLI]) if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run build\` first (npm run test:int does).`);
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await accounts.cleanup();
});

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [USERS_CLI, ...args], { cwd: ROOT, env: stackEnv() });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('keys never reach the log', () => {
  let api: ChildProcess;
  let output = '';
  let url: string;
  let account: TestAccount;

  beforeAll(async () => {
    account = await accounts.create('admin');
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    // Everything pino would ever write, every request line included.
    api = spawn(process.execPath, [API_MAIN], {
      cwd: ROOT,
      env: stackEnv({ API_PORT: String(port), API_HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'trace', LOG_FORMAT: 'json' }),
    });
    children.push(api);
    api.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    api.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    const deadline = Date.now() + 120_000;
    while (!output.includes('GraphQL at')) {
      if (api.exitCode !== null) throw new Error(`the API exited:\n${output.slice(-2000)}`);
      if (Date.now() > deadline) throw new Error(`the API did not start:\n${output.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 150_000);

  it('writes request lines for used, refused and created keys without any of them', async () => {
    const wrongSecret = `ca_${account.keyId}_${generateKey().secret}`;
    const unknown = generateKey().text;
    const ok = await post(`${url}/graphql`, { query: '{ viewer { name } }' }, { authorization: `Bearer ${account.key}` });
    expect(((await ok.json()) as { data: { viewer: { name: string } } }).data.viewer.name).toBe(account.name);
    for (const bad of [wrongSecret, unknown, `${account.key} trailing`]) {
      const r = await post(`${url}/graphql`, { query: '{ viewer { name } }' }, { authorization: `Bearer ${bad}` });
      expect(r.status).toBe(401);
      expect(await r.text()).not.toContain(bad.slice(20, 50));
    }
    const signIn = await post(`${url}/auth/session`, { key: account.key });
    expect(signIn.status).toBe(200);
    const failedSignIn = await post(`${url}/auth/session`, { key: wrongSecret });
    expect(failedSignIn.status).toBe(401);
    const created = await post(
      `${url}/graphql`,
      { query: 'mutation($userId: ID!) { createApiKey(userId: $userId, label: "log test") { key } }', variables: { userId: account.id } },
      { authorization: `Bearer ${account.key}` },
    );
    const newKey = ((await created.json()) as { data: { createApiKey: { key: string } } }).data.createApiKey.key;
    expect(newKey).toMatch(/^ca_/);
    // A request the API logs as an error path too: a malformed body with a key.
    await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${account.key}` },
      body: '{"query": ',
    });

    api.kill('SIGTERM');
    await new Promise<void>((resolve) => (api.exitCode !== null ? resolve() : api.once('exit', () => resolve())));

    // The log was really captured: one line per request, refusals included.
    const lines = output.split('\n').filter((l) => l.startsWith('{'));
    const requests = lines.map((l) => JSON.parse(l) as { req?: { url?: string }; res?: { statusCode?: number } }).filter((l) => l.req?.url);
    expect(requests.filter((l) => l.res?.statusCode === 401).length).toBeGreaterThanOrEqual(4);
    expect(requests.some((l) => l.req?.url === '/auth/session' && l.res?.statusCode === 200)).toBe(true);
    for (const key of [account.key, wrongSecret, unknown, newKey]) {
      const secret = key.split('_').slice(2).join('_');
      expect(output).not.toContain(secret);
    }
  }, 60_000);
});

describe('npm run users', () => {
  it('creates the first admin and prints the key once; lists without secrets; revokes', async () => {
    const name = `cli-admin-${randomBytes(4).toString('hex')}`;
    const created = await runCli(['create-user', '--name', name, '--role', 'admin', '--label', 'ops laptop']);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const key = /(ca_[0-9a-f]{16}_[A-Za-z0-9_-]{43})/.exec(created.stdout)?.[1];
    expect(key).toBeDefined();
    const user = await accounts.service.userByName(name);
    accounts.adopt(user!.id);
    expect(user).toMatchObject({ role: 'admin', disabledAt: null });
    expect(user!.keys).toHaveLength(1);
    expect(user!.keys[0].label).toBe('ops laptop');

    const api = stackInfo().apiUrl;
    const me = await post(`${api}/graphql`, { query: '{ viewer { name role } }' }, { authorization: `Bearer ${key}` });
    expect(((await me.json()) as { data: unknown }).data).toEqual({ viewer: { name, role: 'ADMIN' } });

    const list = await runCli(['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(name);
    expect(list.stdout).toContain(user!.keys[0].id);
    expect(list.stdout).not.toContain(key!.split('_')[2]);
    expect(list.stdout).not.toContain('scrypt$');

    const duplicate = await runCli(['create-user', '--name', name, '--role', 'contributor']);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('already exists');

    const badRole = await runCli(['create-user', '--name', `${name}-2`, '--role', 'overlord']);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('role must be contributor, curator or admin');

    const demoted = await runCli(['set-role', '--user', name, '--role', 'curator']);
    expect(demoted.stdout).toContain('is now a curator');

    const revoked = await runCli(['revoke-key', '--key', user!.keys[0].id]);
    expect(revoked.code).toBe(0);
    const after = await post(`${api}/graphql`, { query: '{ viewer { name } }' }, { authorization: `Bearer ${key}` });
    expect(after.status).toBe(401);

    const usage = await runCli(['frobnicate']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('unknown command');
  }, 120_000);
});
