import { randomBytes } from 'node:crypto';
import type { LooseData } from './graphql';
import { stackInfo } from './stack-info';

/** HTTP calls as the auth tests make them: each from its own forwarded address, with a key, cookie or CSRF token. */

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: LooseData;
}

export function address(): string {
  const b = randomBytes(2);
  return `198.18.${b[0]}.${b[1]}`;
}

export async function call(
  path: string,
  opts: { method?: string; body?: unknown; key?: string; cookie?: string; csrf?: string; from?: string; headers?: Record<string, string>; base?: string } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { 'x-forwarded-for': opts.from ?? address(), ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.key !== undefined) headers.authorization = `Bearer ${opts.key}`;
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.csrf !== undefined) headers['x-csrf-token'] = opts.csrf;
  const res = await fetch(`${opts.base ?? stackInfo().apiUrl}${path}`, {
    method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let json: LooseData = {};
  try {
    json = text ? (JSON.parse(text) as LooseData) : {};
  } catch {
    // Not JSON: the assertions on `text` say what was expected.
  }
  return { status: res.status, headers: res.headers, text, json };
}

export const gql = (query: string, variables: Record<string, unknown> = {}, opts: Parameters<typeof call>[1] = {}) =>
  call('/graphql', { ...opts, body: { query, variables } });

export const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id name role keys { id label } } created { key apiKey { id } } } }`;
export const REVOKE = `mutation($keyId: ID!) { revokeApiKey(keyId: $keyId) { id revokedAt } }`;
export const DISABLE = `mutation($userId: ID!, $disabled: Boolean!) { setUserDisabled(userId: $userId, disabled: $disabled) { id disabledAt } }`;
export const VIEWER = '{ viewer { id name role via } }';

export const code = (r: Reply) => r.json.errors?.[0]?.extensions?.code as string | undefined;

/** The session cookie as a browser would send it back, and its Set-Cookie line. */
export async function signIn(key: string, opts: { from?: string; headers?: Record<string, string>; base?: string } = {}) {
  const r = await call('/auth/session', { body: { key }, ...opts });
  const setCookie = r.headers.getSetCookie().find((c) => c.startsWith('ca_session='));
  return { reply: r, setCookie, cookie: setCookie?.split(';')[0] ?? '', csrfToken: r.json.csrfToken as string };
}

export function uniqueName(prefix: string) {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}
