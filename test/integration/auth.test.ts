import 'reflect-metadata';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { generateKey } from '../../server/src/auth/api-key';
import { testAccounts, type TestAccount } from '../helpers/accounts';
import { startOwnApi, type OwnApi } from '../helpers/own-api';
import { address, call, code, CREATE_USER, DISABLE, gql, REVOKE, signIn, uniqueName, VIEWER } from '../helpers/auth-client';

/**
 * Accounts, keys, sessions and CSRF against the real API and Neo4j. Each test speaks from its own
 * forwarded address (the API trusts X-Forwarded-For from loopback), so the failed-key budget one
 * test spends never touches another.
 */

const accounts = testAccounts();
let admin: TestAccount;
let curator: TestAccount;
let contributor: TestAccount;

beforeAll(async () => {
  admin = await accounts.create('admin');
  curator = await accounts.create('curator');
  contributor = await accounts.create('contributor');
});
afterAll(() => accounts.cleanup());

describe('who may call what (401 anonymous, 403 too low a role)', () => {
  it('refuses every account mutation to anonymous callers with 401 UNAUTHENTICATED, and says viewer is null', async () => {
    const anon = await gql(CREATE_USER, { input: { name: uniqueName('x'), role: 'CONTRIBUTOR' } });
    expect(anon.status).toBe(401);
    expect(code(anon)).toBe('UNAUTHENTICATED');
    expect(anon.json.data).toBeNull();
    for (const [q, v] of [
      [REVOKE, { keyId: contributor.keyId }],
      [DISABLE, { userId: contributor.id, disabled: true }],
      ['{ users { id } }', {}],
    ] as const) {
      const r = await gql(q, v);
      expect(r.status).toBe(401);
      expect(code(r)).toBe('UNAUTHENTICATED');
    }
    expect((await gql(VIEWER)).json.data.viewer).toBeNull();
  });

  it('refuses curator and admin operations to a contributor with 403 FORBIDDEN', async () => {
    const v = await gql(VIEWER, {}, { key: contributor.key });
    expect(v.json.data.viewer).toEqual({ id: contributor.id, name: contributor.name, role: 'CONTRIBUTOR', via: 'KEY' });
    for (const [q, vars] of [
      [CREATE_USER, { input: { name: uniqueName('x'), role: 'CONTRIBUTOR' } }],
      [DISABLE, { userId: curator.id, disabled: true }],
      [REVOKE, { keyId: curator.keyId }],
      ['{ users { id } }', {}],
    ] as const) {
      const r = await gql(q, vars, { key: contributor.key });
      expect(r.status).toBe(403);
      expect(code(r)).toBe('FORBIDDEN');
    }
  });

  it('lets a curator manage contributors but not create or touch curators and admins', async () => {
    const made = await gql(CREATE_USER, { input: { name: uniqueName('contrib'), role: 'CONTRIBUTOR', keyLabel: 'field laptop' } }, { key: curator.key });
    expect(made.status).toBe(200);
    accounts.adopt(made.json.data.createUser.user.id);
    expect(made.json.data.createUser.user.role).toBe('CONTRIBUTOR');
    expect(made.json.data.createUser.user.keys).toEqual([{ id: made.json.data.createUser.created.apiKey.id, label: 'field laptop' }]);
    expect(made.json.data.createUser.created.key).toMatch(/^ca_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);

    const up = await gql(CREATE_USER, { input: { name: uniqueName('cur'), role: 'CURATOR' } }, { key: curator.key });
    expect(up.status).toBe(403);
    expect(code(up)).toBe('FORBIDDEN');
    const disableAdmin = await gql(DISABLE, { userId: admin.id, disabled: true }, { key: curator.key });
    expect(code(disableAdmin)).toBe('FORBIDDEN');

    const list = await gql('{ users { id role } }', {}, { key: curator.key });
    const roles = new Set((list.json.data.users as Array<{ id: string; role: string }>).filter((u) => u.id !== curator.id).map((u) => u.role));
    expect([...roles]).toEqual(['CONTRIBUTOR']);
  });

  it('lets an admin create a curator, and records who did what in the audit trail', async () => {
    const name = uniqueName('cur');
    const made = await gql(CREATE_USER, { input: { name, role: 'CURATOR' } }, { key: admin.key });
    expect(made.status).toBe(200);
    const userId = made.json.data.createUser.user.id as string;
    accounts.adopt(userId);
    const rows = await accounts.executor.read<{ action: string; by: string; detail: string }>(
      {
        cypher: 'MATCH (e:AuditEvent)-[:ON]->(u:User {id: $userId}) MATCH (e)-[:BY]->(a:User) RETURN e.action AS action, a.id AS by, e.detailJson AS detail',
        params: { userId },
      },
      { purpose: 'test' },
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].action).toBe('USER_CREATED');
    expect(rows[0].by).toBe(admin.id);
    expect(JSON.parse(rows[0].detail)).toMatchObject({ name, role: 'curator' });
    expect(rows[0].detail).not.toContain(made.json.data.createUser.created.key);
  });
});

describe('API keys', () => {
  it('refuses malformed, unknown and wrong-secret keys with 401, never quoting the key', async () => {
    const wrongSecret = `ca_${contributor.keyId}_${generateKey().secret}`;
    for (const bad of ['nonsense', generateKey().text, wrongSecret, `${contributor.key}x`]) {
      const r = await gql(VIEWER, {}, { key: bad });
      expect(r.status).toBe(401);
      expect(code(r)).toBe('UNAUTHENTICATED');
      expect(r.text).not.toContain(bad);
      expect(r.text).not.toContain(contributor.key.slice(20));
    }
    const basic = await gql(VIEWER, {}, { headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } });
    expect(basic.status).toBe(401);
  });

  it('answers any hostile Authorization header 401 (never 5xx), quoting none of it', async () => {
    const header = fc.oneof(
      fc.string({ maxLength: 300 }).map((s) => `Bearer ${s}`),
      fc.string({ maxLength: 200 }),
      fc.constantFrom('Bearer', 'Bearer ', 'bearer  ca_', `Bearer ${'ca_'.padEnd(5000, 'A')}`, `Bearer ca_${'0'.repeat(16)}_${'\u0000'.repeat(43)}`),
      fc.stringMatching(/^ca_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/).map((k) => `Bearer ${k}`),
    );
    await fc.assert(
      fc.asyncProperty(header, async (authorization) => {
        // Header values cannot carry CR/LF or NUL; fetch refuses them before sending, which is not the API's concern.
        if (/[\r\n\0]/.test(authorization) || /[^\t\x20-\x7e\x80-\xff]/.test(authorization)) return;
        const r = await gql(VIEWER, {}, { headers: { authorization } });
        expect(r.status).toBe(401);
        expect(code(r)).toBe('UNAUTHENTICATED');
        const presented = authorization.replace(/^bearer\s*/i, '').trim();
        if (presented.length >= 8) expect(r.text).not.toContain(presented);
      }),
      { numRuns: 150 },
    );
  });

  it('stops a revoked key on the very next request, even right after it was verified', async () => {
    const target = await accounts.create('contributor');
    expect((await gql(VIEWER, {}, { key: target.key })).json.data.viewer.name).toBe(target.name);
    const revoked = await gql(REVOKE, { keyId: target.keyId }, { key: curator.key });
    expect(revoked.status).toBe(200);
    expect(revoked.json.data.revokeApiKey.revokedAt).toEqual(expect.any(String));
    const after = await gql(VIEWER, {}, { key: target.key });
    expect(after.status).toBe(401);
    expect(code(after)).toBe('UNAUTHENTICATED');
  });

  it('stops every key of a disabled account at once, and works again once re-enabled', async () => {
    const target = await accounts.create('contributor');
    expect((await gql(VIEWER, {}, { key: target.key })).status).toBe(200);
    expect((await gql(DISABLE, { userId: target.id, disabled: true }, { key: admin.key })).status).toBe(200);
    expect((await gql(VIEWER, {}, { key: target.key })).status).toBe(401);
    expect((await gql(DISABLE, { userId: target.id, disabled: false }, { key: admin.key })).status).toBe(200);
    expect((await gql(VIEWER, {}, { key: target.key })).status).toBe(200);
  });

  it('lets an owner revoke their own key', async () => {
    const target = await accounts.create('contributor');
    const r = await gql(REVOKE, { keyId: target.keyId }, { key: target.key });
    expect(r.status).toBe(200);
    expect((await gql(VIEWER, {}, { key: target.key })).status).toBe(401);
  });

  it('answers 429 with Retry-After once an address has spent its failed-key budget, even for a good key', async () => {
    const from = address();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await gql(VIEWER, {}, { key: generateKey().text, from })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const blocked = await gql(VIEWER, {}, { key: contributor.key, from });
    expect(blocked.status).toBe(429);
    expect(code(blocked)).toBe('RATE_LIMITED');
    expect(blocked.json.errors[0].extensions.reason).toBe('AUTH_FAILURES');
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(900);
    // Signing in to the website draws on the same budget.
    expect((await signIn(contributor.key, { from })).reply.status).toBe(429);
    // Another address is unaffected.
    expect((await gql(VIEWER, {}, { key: contributor.key })).status).toBe(200);
  });

  it('never serves a signed-in caller from the anonymous read cache, nor caches their answer for others', async () => {
    const q = '{ viewer { name } dataset { version } }';
    // The anonymous answer is in the cache now: a signed-in caller storing theirs would overwrite it.
    expect((await gql(q)).json.data.viewer).toBeNull();
    expect((await gql(q)).json.data.viewer).toBeNull();
    const keyed = await gql(q, {}, { key: curator.key });
    expect(keyed.json.data.viewer.name).toBe(curator.name);
    const { cookie, csrfToken } = await signIn(curator.key);
    const cookied = await gql(q, {}, { cookie, csrf: csrfToken });
    expect(cookied.json.data.viewer.name).toBe(curator.name);
    expect((await gql(q)).json.data.viewer).toBeNull();
  });

  it('shows a key only in its creation response: never in lists, errors or later reads', async () => {
    const made = await gql(
      `mutation($userId: ID!) { createApiKey(userId: $userId, label: "second") { key apiKey { id label } } }`,
      { userId: contributor.id },
      { key: curator.key },
    );
    expect(made.status).toBe(200);
    expect(made.headers.get('cache-control')).toMatch(/no-store/);
    const text = made.json.data.createApiKey.key as string;
    const secret = text.split('_').slice(2).join('_');
    const list = await gql('{ users { id name keys { id label createdAt lastUsedAt revokedAt } } }', {}, { key: admin.key });
    expect(list.status).toBe(200);
    expect(list.text).toContain(made.json.data.createApiKey.apiKey.id);
    expect(list.text).not.toContain(secret);
    const rows = await accounts.executor.read<{ hash: string }>(
      { cypher: 'MATCH (k:ApiKey {id: $id}) RETURN k.hash AS hash', params: { id: made.json.data.createApiKey.apiKey.id } },
      { purpose: 'test' },
    );
    expect(rows[0].hash).toMatch(/^scrypt\$N=32768,r=8,p=1\$/);
    expect(rows[0].hash).not.toContain(secret);
    const session = await signIn(text);
    expect(session.reply.text).not.toContain(secret);
  });
});

describe('website sessions', () => {
  it('signs in with a key: an HttpOnly, SameSite=Strict, Path=/ cookie (not Secure over plain http) and a CSRF token', async () => {
    const { reply, setCookie, csrfToken } = await signIn(contributor.key);
    expect(reply.status).toBe(200);
    expect(reply.json.viewer).toEqual({ id: contributor.id, name: contributor.name, role: 'contributor' });
    expect(csrfToken).toMatch(/^[0-9a-f]{64}$/);
    expect(setCookie).toMatch(/; Path=\/(;|$)/);
    expect(setCookie).toMatch(/; HttpOnly(;|$)/);
    expect(setCookie).toMatch(/; SameSite=Strict(;|$)/);
    expect(setCookie).not.toMatch(/Secure/);
    expect(setCookie).not.toContain(contributor.key);
  });

  it('marks the cookie Secure when a trusted proxy says the visitor came over https', async () => {
    const { setCookie } = await signIn(contributor.key, { headers: { 'x-forwarded-proto': 'https' } });
    expect(setCookie).toMatch(/; Secure(;|$)/);
    expect(setCookie).toMatch(/; HttpOnly(;|$)/);
    expect(setCookie).toMatch(/; SameSite=Strict(;|$)/);
  });

  it('refuses bad keys at sign-in like any bad key (401, key not echoed)', async () => {
    const bad = generateKey().text;
    const { reply, setCookie } = await signIn(bad);
    expect(reply.status).toBe(401);
    expect(reply.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(reply.text).not.toContain(bad);
    expect(setCookie).toBeUndefined();
  });

  it('answers GET /auth/session with the viewer and token, or 401 without a session', async () => {
    const { cookie, csrfToken } = await signIn(contributor.key);
    const me = await call('/auth/session', { cookie });
    expect(me.status).toBe(200);
    expect(me.json).toEqual({ viewer: { id: contributor.id, name: contributor.name, role: 'contributor' }, csrfToken });
    const anon = await call('/auth/session');
    expect(anon.status).toBe(401);
    expect(anon.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const forged = await call('/auth/session', { cookie: 'ca_session=s%3Aforged.signature' });
    expect(forged.status).toBe(401);
  });

  it('needs the session CSRF token for cookie-authenticated mutations: none or wrong → 403 CSRF_TOKEN_INVALID, right → works', async () => {
    const { cookie, csrfToken } = await signIn(curator.key);
    const input = () => ({ input: { name: uniqueName('viaweb'), role: 'CONTRIBUTOR' } });
    const none = await gql(CREATE_USER, input(), { cookie });
    expect(none.status).toBe(403);
    expect(code(none)).toBe('CSRF_TOKEN_INVALID');
    const wrong = await gql(CREATE_USER, input(), { cookie, csrf: 'f'.repeat(64) });
    expect(wrong.status).toBe(403);
    expect(code(wrong)).toBe('CSRF_TOKEN_INVALID');
    const other = await signIn(curator.key);
    const otherSessionsToken = await gql(CREATE_USER, input(), { cookie, csrf: other.csrfToken });
    expect(code(otherSessionsToken)).toBe('CSRF_TOKEN_INVALID');
    const right = await gql(CREATE_USER, input(), { cookie, csrf: csrfToken });
    expect(right.status).toBe(200);
    accounts.adopt(right.json.data.createUser.user.id);
    // Reads need no token; a Bearer key needs none either (no cookie is involved).
    expect((await gql(VIEWER, {}, { cookie })).json.data.viewer).toMatchObject({ name: curator.name, via: 'SESSION' });
    const bearer = await gql(CREATE_USER, input(), { key: curator.key });
    expect(bearer.status).toBe(200);
    accounts.adopt(bearer.json.data.createUser.user.id);
  });

  it('signs out only with the CSRF token, after which the cookie is worthless', async () => {
    const { cookie, csrfToken } = await signIn(contributor.key);
    const noToken = await call('/auth/session', { method: 'DELETE', cookie });
    expect(noToken.status).toBe(403);
    expect(noToken.json.errors[0].extensions.code).toBe('CSRF_TOKEN_INVALID');
    expect((await call('/auth/session', { cookie })).status).toBe(200);
    const out = await call('/auth/session', { method: 'DELETE', cookie, csrf: csrfToken });
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie().some((c) => c.startsWith('ca_session=;'))).toBe(true);
    expect((await call('/auth/session', { cookie })).status).toBe(401);
    expect((await gql(VIEWER, {}, { cookie })).json.data.viewer).toBeNull();
  });

  it('ends a session as soon as its key is revoked', async () => {
    const target = await accounts.create('contributor');
    const { cookie } = await signIn(target.key);
    expect((await gql(VIEWER, {}, { cookie })).json.data.viewer.name).toBe(target.name);
    expect((await gql(REVOKE, { keyId: target.keyId }, { key: admin.key })).status).toBe(200);
    expect((await gql(VIEWER, {}, { cookie })).json.data.viewer).toBeNull();
    expect((await call('/auth/session', { cookie })).status).toBe(401);
  });

  it('stores only a hash of the session id', async () => {
    const { cookie } = await signIn(contributor.key);
    const sid = decodeURIComponent(cookie.split('=')[1]).slice(2).split('.')[0];
    const rows = await accounts.executor.read<{ n: number }>(
      { cypher: 'MATCH (s:Session) WHERE s.sidHash = $sid OR s.dataJson CONTAINS $sid RETURN count(s) AS n', params: { sid } },
      { purpose: 'test' },
    );
    expect(sid.length).toBeGreaterThan(20);
    expect(rows[0].n).toBe(0);
  });
});

describe('an API whose rate-limit bucket refills slowly', () => {
  let own: OwnApi;
  beforeAll(async () => {
    own = await startOwnApi({
      RATE_LIMIT_POINTS: '1000',
      RATE_LIMIT_WINDOW_S: '86400',
      SESSION_SECRET: randomBytes(32).toString('hex'),
    });
  });
  afterAll(() => own.stop());

  it('charges an authenticated request to its key, not to its address', async () => {
    const [a, b] = [await accounts.create('contributor'), await accounts.create('contributor')];
    const from = address();
    const remaining = async (opts: Parameters<typeof call>[1]) => {
      const r = await gql('{ dataset { version } }', {}, { from, base: own.api.url, ...opts });
      return Number(/r=(\d+)/.exec(r.headers.get('ratelimit') ?? '')?.[1]);
    };
    // This API's bucket holds 1000 points and refills one a day, so no point comes back between two requests.
    const full = 1000 - 1;
    // Address, key a and key b are three budgets: each starts full whatever the others spent.
    expect(await remaining({})).toBe(full);
    expect(await remaining({ key: a.key })).toBe(full);
    expect(await remaining({ key: a.key })).toBe(full - 1);
    expect(await remaining({ key: b.key })).toBe(full);
    expect(await remaining({})).toBe(full - 1);
    // A session opened with key a spends key a's budget.
    const { cookie } = await signIn(a.key, { from, base: own.api.url });
    expect(await remaining({ cookie })).toBe(full - 2);
  });
});

describe('an API that trusts no proxy', () => {
  let own: OwnApi;
  beforeAll(async () => {
    own = await startOwnApi({
      TRUST_PROXY: 'none',
      SESSION_SECRET: randomBytes(32).toString('hex'),
    });
  });
  afterAll(() => own.stop());

  it('does not mark the cookie Secure because a client claims https', async () => {
    const { reply, setCookie } = await signIn(contributor.key, { base: own.api.url, headers: { 'x-forwarded-proto': 'https' } });
    expect(reply.status).toBe(200);
    expect(setCookie).toBeDefined();
    expect(setCookie).not.toMatch(/Secure/);
  });
});
