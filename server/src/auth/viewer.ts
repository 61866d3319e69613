/**
 * Who is calling, once their API key or website session has been checked (issue 11).
 * Anonymous readers have no Viewer at all; every other role is a signed-in user.
 */
export const ROLES = ['contributor', 'curator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Each role may do everything the roles before it may. */
const ROLE_RANK: Readonly<Record<Role, number>> = { contributor: 1, curator: 2, admin: 3 };

export interface Viewer {
  userId: string;
  name: string;
  role: Role;
  /** The key that authenticated this request (directly, or the key a website session was opened with). */
  keyId: string;
  via: 'key' | 'session';
  /**
   * For `via: 'session'`: whether this request carried the session's CSRF token (X-CSRF-Token).
   * A cookie is sent by the browser on its own, so state changes need the token as well.
   */
  csrfVerified?: boolean;
}

export function hasRole(viewer: Viewer | null | undefined, minimum: Role): boolean {
  return viewer != null && ROLE_RANK[viewer.role] >= ROLE_RANK[minimum];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
