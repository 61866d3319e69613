import { canManage, canSetRoles, manageableRoles } from './permissions';
import { hasRole, type Role } from './viewer';

const as = (role: Role) => ({ role });

describe('who may manage whom', () => {
  it('lets admins manage every role and curators only contributors', () => {
    expect(manageableRoles(as('admin'))).toEqual(['contributor', 'curator', 'admin']);
    expect(manageableRoles(as('curator'))).toEqual(['contributor']);
    expect(manageableRoles(as('contributor'))).toEqual([]);
  });

  it('never lets a curator create or manage a curator or an admin', () => {
    expect(canManage(as('curator'), 'contributor')).toBe(true);
    expect(canManage(as('curator'), 'curator')).toBe(false);
    expect(canManage(as('curator'), 'admin')).toBe(false);
    expect(canManage(as('contributor'), 'contributor')).toBe(false);
    expect(canManage(as('admin'), 'admin')).toBe(true);
  });

  it('treats the command line operator (null) as allowed everything, and only admins may change roles', () => {
    expect(canManage(null, 'admin')).toBe(true);
    expect(canSetRoles(null)).toBe(true);
    expect(canSetRoles(as('admin'))).toBe(true);
    expect(canSetRoles(as('curator'))).toBe(false);
  });

  it('ranks roles: each may do what the ones below it may', () => {
    const v = (role: Role) => ({ userId: 'u', name: 'n', role, keyId: 'k', via: 'key' as const });
    expect(hasRole(null, 'contributor')).toBe(false);
    expect(hasRole(v('contributor'), 'curator')).toBe(false);
    expect(hasRole(v('curator'), 'contributor')).toBe(true);
    expect(hasRole(v('admin'), 'curator')).toBe(true);
  });
});
