'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { apiRequest } from '@/lib/api/client';
import { AccountUsersQuery, CreateApiKeyMutation, CreateUserMutation, RevokeApiKeyMutation, SetUserDisabledMutation } from '@/lib/api/accounts';
import type { AccountUserFragment, UserRole } from '@/lib/api/generated/graphql';
import { canManageAccounts, readSession, type SessionState } from '@/lib/session';

/** A freshly created key, shown once: it is never stored in the page or anywhere else. */
interface ShownKey {
  owner: string;
  key: string;
}

function when(iso: string | null): string {
  return iso ? iso.replace('T', ' ').slice(0, 16) + ' UTC' : 'never';
}

/** Curators manage contributors; admins every account. Every change goes with the session's CSRF token. */
export function AccountsAdmin() {
  const [session, setSession] = useState<SessionState | null | undefined>(undefined);
  const [users, setUsers] = useState<AccountUserFragment[] | null>(null);
  const [shown, setShown] = useState<ShownKey | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState('');
  const [role, setRole] = useState<UserRole>('CONTRIBUTOR');
  const [label, setLabel] = useState('');

  const load = useCallback(async () => {
    const result = await apiRequest(AccountUsersQuery, {});
    setUsers(result.data.users);
  }, []);

  useEffect(() => {
    readSession().then(
      (s) => {
        setSession(s);
        if (s && canManageAccounts(s.viewer.role)) load().catch((err: Error) => setError(err.message));
      },
      (err: Error) => {
        setSession(null);
        setError(err.message);
      },
    );
  }, [load]);

  async function act(work: (csrfToken: string) => Promise<void>) {
    if (!session) return;
    setBusy(true);
    setError(null);
    try {
      await work(session.csrfToken);
      await load();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function createUser(event: FormEvent) {
    event.preventDefault();
    void act(async (csrfToken) => {
      const r = await apiRequest(CreateUserMutation, { input: { name, role, keyLabel: label || null } }, { csrfToken });
      setShown({ owner: r.data.createUser.user.name, key: r.data.createUser.created.key });
      setName('');
      setLabel('');
    });
  }

  if (session === undefined) return <p className="hint">Checking your session…</p>;
  if (!session) {
    return (
      <p className="notice">
        <Link href="/sign-in">Sign in</Link> as a curator or admin to manage accounts.
      </p>
    );
  }
  if (!canManageAccounts(session.viewer.role)) {
    return <p className="notice notice-warn">Managing accounts needs the curator role; you are signed in as a {session.viewer.role}.</p>;
  }
  const isAdmin = session.viewer.role === 'admin';

  return (
    <>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      {shown ? (
        <div className="notice" role="status" data-testid="new-key">
          <p>
            New key for <strong>{shown.owner}</strong>. Copy it now: it is shown this once and cannot be shown again.
          </p>
          <code className="key-once">{shown.key}</code>
          <button type="button" className="button-quiet" onClick={() => setShown(null)}>
            I have stored it
          </button>
        </div>
      ) : null}

      <h2>New account</h2>
      <form className="account-form" onSubmit={createUser}>
        <label>
          Name
          <input type="text" name="name" required maxLength={64} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Role
          <select name="role" value={role} onChange={(e) => setRole(e.target.value as UserRole)} disabled={!isAdmin}>
            <option value="CONTRIBUTOR">contributor</option>
            {isAdmin ? <option value="CURATOR">curator</option> : null}
            {isAdmin ? <option value="ADMIN">admin</option> : null}
          </select>
        </label>
        <label>
          Key label
          <input type="text" name="label" maxLength={64} placeholder="optional" value={label} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <button type="submit" className="button" disabled={busy || !name.trim()}>
          Create account and key
        </button>
      </form>
      {!isAdmin ? <p className="hint">Curators create contributors; only admins create curators and admins.</p> : null}

      <h2>Accounts</h2>
      {users === null ? (
        <p className="hint">Loading…</p>
      ) : (
        <table className="account-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Keys</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => {
              const self = u.id === session.viewer.id;
              const manageable = isAdmin || u.role === 'CONTRIBUTOR';
              return (
                <tr key={u.id} data-testid={`user-${u.name}`}>
                  <td>{u.name}</td>
                  <td>{u.role.toLowerCase()}</td>
                  <td>{u.disabledAt ? `disabled ${when(u.disabledAt)}` : 'active'}</td>
                  <td>
                    <ul>
                      {u.keys.map((k) => (
                        <li key={k.id}>
                          <code>{k.id}</code> {k.label} · last used {when(k.lastUsedAt)}{' '}
                          {k.revokedAt ? (
                            <span>· revoked {when(k.revokedAt)}</span>
                          ) : manageable || self ? (
                            <button
                              type="button"
                              className="button-quiet"
                              disabled={busy}
                              onClick={() =>
                                void act(async (csrfToken) => {
                                  await apiRequest(RevokeApiKeyMutation, { keyId: k.id }, { csrfToken });
                                })
                              }
                            >
                              Revoke {k.label}
                            </button>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {manageable && !self ? (
                      <>
                        <button
                          type="button"
                          className="button-quiet"
                          disabled={busy}
                          onClick={() =>
                            void act(async (csrfToken) => {
                              const r = await apiRequest(CreateApiKeyMutation, { userId: u.id, label: null }, { csrfToken });
                              setShown({ owner: u.name, key: r.data.createApiKey.key });
                            })
                          }
                        >
                          New key
                        </button>{' '}
                        <button
                          type="button"
                          className="button-quiet"
                          disabled={busy}
                          onClick={() =>
                            void act(async (csrfToken) => {
                              await apiRequest(SetUserDisabledMutation, { userId: u.id, disabled: !u.disabledAt }, { csrfToken });
                            })
                          }
                        >
                          {u.disabledAt ? 'Enable' : 'Disable'} {u.name}
                        </button>
                      </>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
