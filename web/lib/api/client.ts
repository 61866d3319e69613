import type { TypedDocumentString } from './generated/graphql';
import { ApiError, toApiError, unreachable, type ApiErrorDetail } from './errors';
import { webEnv } from '../env';

export interface ApiVersions {
  datasetVersion: string | null;
  modelVersion: string | null;
}

export interface ApiResult<T> {
  data: T;
  versions: ApiVersions;
  /** Field errors beside partial data (e.g. MODEL_UNAVAILABLE on `prediction`); the rest is usable. */
  errors: ApiErrorDetail[];
}

interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** The website session's CSRF token (lib/session.ts): changes made with the session cookie need it. */
  csrfToken?: string;
  /** Server components only: the visitor's `ca_session=…` cookie (lib/session.server.ts), so the API answers as them. */
  sessionCookie?: string | null;
}

/**
 * The visitor's X-Forwarded-For chain (web/server.js appended their address), read from the
 * request a server component is rendering. Registered by api/forwarded-for.server.ts, which only
 * the server imports, so next/headers never reaches the browser bundle. Without it every page
 * render would reach the API as the site itself and share one client's rate limit.
 */
let forwardedForOfRequest: (() => Promise<string | null>) | null = null;

export function setForwardedForSource(source: () => Promise<string | null>): void {
  forwardedForOfRequest = source;
}

async function forwardingHeaders(): Promise<Record<string, string>> {
  if (typeof window !== 'undefined' || !forwardedForOfRequest) return {};
  const chain = await forwardedForOfRequest().catch(() => null);
  return chain ? { 'x-forwarded-for': chain } : {};
}

/** Server components talk to the API directly; the browser goes through this origin's proxy. */
function endpoint(): string {
  return typeof window === 'undefined' ? webEnv().apiUrl.toString() : '/api/graphql';
}

/**
 * The only function in the site that sends GraphQL. Documents are generated, typed strings,
 * so the result and variables are checked against schema/schema.graphql at build time.
 */
export async function apiRequest<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables, options]: TVariables extends Record<string, never>
    ? [variables?: TVariables, options?: RequestOptions]
    : [variables: TVariables, options?: RequestOptions]
): Promise<ApiResult<TResult>> {
  const timeout = AbortSignal.timeout(options?.timeoutMs ?? 15000);
  const signal = options?.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(endpoint(), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(await forwardingHeaders()),
        ...(options?.csrfToken ? { 'x-csrf-token': options.csrfToken } : {}),
        ...(options?.sessionCookie && typeof window === 'undefined' ? { cookie: options.sessionCookie } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      cache: 'no-store',
      signal,
    });
  } catch (err) {
    if (options?.signal?.aborted) throw err;
    throw unreachable();
  }
  let body: { data?: TResult | null; errors?: unknown; extensions?: Partial<ApiVersions> };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw response.status >= 500 ? new ApiError([{ message: `The API answered HTTP ${response.status}.`, code: 'SERVICE_UNAVAILABLE' }]) : unreachable();
  }
  if (body.data == null) throw toApiError(body.errors);
  return {
    data: body.data,
    errors: body.errors ? toApiError(body.errors).details : [],
    versions: { datasetVersion: body.extensions?.datasetVersion ?? null, modelVersion: body.extensions?.modelVersion ?? null },
  };
}

/** For server components: an outage becomes a value the page renders; anything else still throws. */
export async function tryApi<T>(load: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: ApiError }> {
  try {
    return { ok: true, value: await load() };
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, error: err };
    throw err;
  }
}
