import { ROLES, type Role, type Viewer } from './viewer';

/**
 * Who may manage whom. Admins manage every account; curators manage contributors only (so a
 * curator can never mint a curator or admin key, nor lock out a peer); contributors manage no one.
 * `null` is the operator at the server's command line (`npm run users`), who may do anything.
 */
export function manageableRoles(actor: Pick<Viewer, 'role'> | null): readonly Role[] {
  if (actor === null) return ROLES;
  switch (actor.role) {
    case 'admin':
      return ROLES;
    case 'curator':
      return ['contributor'];
    default:
      return [];
  }
}

export function canManage(actor: Pick<Viewer, 'role'> | null, targetRole: Role): boolean {
  return manageableRoles(actor).includes(targetRole);
}

/** Changing roles is an admin's (or the operator's) decision alone. */
export function canSetRoles(actor: Pick<Viewer, 'role'> | null): boolean {
  return actor === null || actor.role === 'admin';
}
