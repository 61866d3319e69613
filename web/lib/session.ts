import { ApiError, toApiError } from './api/errors';

/**
 * The website session, from the browser: the API owns it (cookie, CSRF token), reached through
 * this origin's proxy at /api/auth/session. Server components use lib/session.server.ts.
 */
export type SessionRole = 'contributor' | 'curator' | 'admin';

export interface SessionViewer {
  id: string;
  name: string;
  role: SessionRole;
}

export interface SessionState {
  viewer: SessionViewer;
  /** Sent as X-CSRF-Token with every change made with the session cookie. */
  csrfToken: string;
}

const ENDPOINT = '/api/auth/session';

async function parse(response: Response): Promise<SessionState> {
  const body = (await response.json().catch(() => null)) as (SessionState & { errors?: unknown }) | null;
  if (!response.ok || !body?.viewer) {
    throw body?.errors ? toApiError(body.errors) : new ApiError([{ message: `The API answered HTTP ${response.status}.`, code: 'SERVICE_UNAVAILABLE' }]);
  }
  return { viewer: body.viewer, csrfToken: body.csrfToken };
}

/** The current session, or null when signed out. */
export async function readSession(): Promise<SessionState | null> {
  const response = await fetch(ENDPOINT, { cache: 'no-store' });
  if (response.status === 401) return null;
  return parse(response);
}

export async function signIn(key: string): Promise<SessionState> {
  const response = await fetch(ENDPOINT, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: key.trim() }) });
  return parse(response);
}

export async function signOut(csrfToken: string): Promise<void> {
  const response = await fetch(ENDPOINT, { method: 'DELETE', headers: { 'x-csrf-token': csrfToken } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { errors?: unknown } | null;
    throw toApiError(body?.errors);
  }
}

/** Curators manage contributors; admins manage everyone. */
export function canManageAccounts(role: SessionRole | undefined): boolean {
  return role === 'curator' || role === 'admin';
}
