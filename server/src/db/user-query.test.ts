import {
  createKeyQuery,
  createUserQuery,
  keyForAuthQuery,
  keyOwnerQuery,
  listUsersQuery,
  revokeKeyQuery,
  setUserDisabledQuery,
  setUserRoleQuery,
  touchKeyQuery,
  userQuery,
} from './user-query';
import { sessionCleanupQuery, sessionDestroyQuery, sessionGetQuery, sessionSetQuery, sessionTouchQuery } from './user-session-query';

const audit = { auditId: 'audit-1', actorId: 'actor-1', now: '2026-11-29T18:00:00.000Z' };
const key = { keyId: '0123456789abcdef', hash: 'scrypt$N=32768,r=8,p=1$c2FsdA$aGFzaA', label: 'laptop' };

describe('account query builders', () => {
  it('create a user with a first key and an audit event, every value a parameter', () => {
    const q = createUserQuery({ ...audit, userId: 'u-1', name: "Robert'); DROP", role: 'contributor', key });
    expect(q).toMatchSnapshot();
    expect(q.cypher).not.toContain('DROP');
    expect(q.cypher).not.toContain(key.hash);
    expect(JSON.parse(q.params.detailJson as string)).toEqual({ name: "Robert'); DROP", role: 'contributor', keyId: key.keyId });
  });

  it('put the permission check (roles the actor manages) in the same statement as the write', () => {
    for (const q of [
      createKeyQuery({ ...audit, userId: 'u-1', key, targetRoles: ['contributor'] }),
      revokeKeyQuery({ ...audit, keyId: key.keyId, targetRoles: ['contributor'] }),
      setUserDisabledQuery({ ...audit, userId: 'u-1', disabled: true, targetRoles: ['contributor'] }),
    ]) {
      expect(q.cypher).toContain('u.role IN $targetRoles');
      expect(q.params.targetRoles).toEqual(['contributor']);
      expect(q.cypher).toContain('CREATE (e)-[:ON]->');
      expect(q).toMatchSnapshot();
    }
  });

  it('never return a key hash to anything but authentication', () => {
    expect(keyForAuthQuery(key.keyId).cypher).toContain('k.hash');
    for (const q of [listUsersQuery(null), userQuery({ id: 'u-1' }), userQuery({ name: 'alice' }), keyOwnerQuery(key.keyId)]) {
      expect(q.cypher).not.toContain('hash');
    }
  });

  it('read users, keys and owners', () => {
    expect(keyForAuthQuery(key.keyId)).toMatchSnapshot();
    expect(touchKeyQuery(key.keyId, audit.now)).toMatchSnapshot();
    expect(listUsersQuery(['contributor'])).toMatchSnapshot();
    expect(listUsersQuery(null).params).toEqual({ roles: null });
    expect(userQuery({ name: 'alice' })).toMatchSnapshot();
    expect(userQuery({ id: 'u-1' }).cypher).toContain('u.id = $value');
    expect(keyOwnerQuery(key.keyId)).toMatchSnapshot();
  });

  it('audit role changes and re-enabling under their own action names', () => {
    expect(setUserRoleQuery({ ...audit, userId: 'u-1', role: 'curator' })).toMatchSnapshot();
    expect(setUserDisabledQuery({ ...audit, userId: 'u-1', disabled: false, targetRoles: ['contributor'] }).params.action).toBe('USER_ENABLED');
    expect(setUserDisabledQuery({ ...audit, userId: 'u-1', disabled: true, targetRoles: ['contributor'] }).params.action).toBe('USER_DISABLED');
  });
});

describe('session query builders', () => {
  it('store, read, touch, delete and sweep sessions by the hash of their id', () => {
    expect(sessionGetQuery('h', 1000)).toMatchSnapshot();
    expect(sessionSetQuery('h', '{"a":1}', 2000)).toMatchSnapshot();
    expect(sessionTouchQuery('h', 3000)).toMatchSnapshot();
    expect(sessionDestroyQuery('h')).toMatchSnapshot();
    expect(sessionCleanupQuery(4000, 500)).toMatchSnapshot();
  });
});
