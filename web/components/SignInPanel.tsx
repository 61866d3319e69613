'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { canManageAccounts, readSession, signIn, signOut, type SessionState } from '@/lib/session';

/** Paste a key → a website session (the API sets an httpOnly cookie); shows who you are; signs out. */
export function SignInPanel() {
  const router = useRouter();
  const [session, setSession] = useState<SessionState | null | undefined>(undefined);
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    readSession().then(setSession, (err: Error) => {
      setSession(null);
      setError(err.message);
    });
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const opened = await signIn(key);
      setSession(opened);
      setKey('');
      router.refresh();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function leave() {
    if (!session) return;
    setBusy(true);
    setError(null);
    try {
      await signOut(session.csrfToken);
      setSession(null);
      router.refresh();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (session === undefined) return <p className="hint">Checking your session…</p>;

  if (session) {
    return (
      <section aria-labelledby="signed-in-heading">
        <h2 id="signed-in-heading">You are signed in</h2>
        <p data-testid="signed-in-as">
          Signed in as <strong>{session.viewer.name}</strong> ({session.viewer.role}).
        </p>
        {canManageAccounts(session.viewer.role) ? (
          <p>
            <Link href="/account/users">Manage accounts and keys</Link>
          </p>
        ) : null}
        <button type="button" className="button-quiet" onClick={leave} disabled={busy}>
          Sign out
        </button>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </section>
    );
  }

  return (
    <form onSubmit={submit} aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">Sign in with your API key</h2>
      <p className="hint">
        Your key (<code>ca_…</code>) was shown once when it was created. It is sent to the server once; afterwards this browser holds only a session cookie that
        scripts cannot read.
      </p>
      <label htmlFor="api-key">API key</label>
      <div className="account-form">
        <input
          id="api-key"
          name="key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          size={70}
          value={key}
          onChange={(e) => setKey(e.target.value)}
        />
        <button type="submit" className="button" disabled={busy || !key.trim()}>
          Sign in
        </button>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
