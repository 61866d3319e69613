import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { apiOrigin } from './env';
import { SESSION_COOKIE } from './session-proxy';
import type { SessionViewer } from './session';

/**
 * Who the visitor is, for server components (the header's indicator). Anonymous visitors carry
 * no session cookie and cost the API nothing; a signed-in one costs one GET /auth/session.
 */
export const currentViewer = cache(async (): Promise<SessionViewer | null> => {
  const value = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!value) return null;
  const forwarded = (await headers()).get('x-forwarded-for');
  try {
    const response = await fetch(`${apiOrigin()}/auth/session`, {
      headers: { cookie: `${SESSION_COOKIE}=${encodeURIComponent(value)}`, accept: 'application/json', ...(forwarded ? { 'x-forwarded-for': forwarded } : {}) },
      cache: 'no-store',
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) return null;
    return ((await response.json()) as { viewer: SessionViewer }).viewer;
  } catch {
    return null;
  }
});

/** The visitor's session cookie as a Cookie header for apiRequest's `sessionCookie`, or null when signed out. */
export async function sessionCookieHeader(): Promise<string | null> {
  const value = (await cookies()).get(SESSION_COOKIE)?.value;
  return value ? `${SESSION_COOKIE}=${encodeURIComponent(value)}` : null;
}
