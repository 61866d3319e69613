'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { apiRequest } from '@/lib/api/client';
import { PublishReleaseMutation } from '@/lib/api/contributions';
import { ApiError } from '@/lib/api/errors';
import { newIdempotencyKey } from '@/lib/contribution-form';
import { readSession } from '@/lib/session';

/** Curators: publish every approved submission as the next release. One key per form, so a double click publishes once. */
export function PublishReleaseForm() {
  const router = useRouter();
  const [changelog, setChangelog] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [published, setPublished] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState<string | null>(null);

  useEffect(() => setKey(newIdempotencyKey()), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !key) return;
    if (!changelog.trim()) {
      setError('Write the changelog: what this release adds, one "- " line per change.');
      return;
    }
    setBusy(true);
    setError(null);
    setGeneral(null);
    try {
      const session = await readSession();
      if (!session) throw new ApiError([{ message: 'Your session has ended: sign in again.', code: 'UNAUTHENTICATED' }]);
      const { data } = await apiRequest(PublishReleaseMutation, { changelog, idempotencyKey: key }, { csrfToken: session.csrfToken, timeoutMs: 120000 });
      setPublished(data.publishRelease.number);
      setChangelog('');
      setKey(newIdempotencyKey());
      router.refresh();
    } catch (err) {
      const e = err instanceof ApiError ? err : null;
      if (e?.argument === 'changelog') setError(e.message);
      else setGeneral(e?.message ?? 'Publishing failed unexpectedly.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="publish-title" aria-busy={busy}>
      <h2 id="publish-title">Publish a release</h2>
      <p className="hint">Every approved submission enters the catalog as the next release, in one step. Nothing approved: nothing to publish.</p>
      <label htmlFor="release-changelog">Changelog</label>
      <textarea
        id="release-changelog"
        rows={4}
        value={changelog}
        maxLength={10000}
        placeholder={'- Mo5 anion: new cluster with its N2 rate\n- Mo3S2: a CO rate'}
        onChange={(e) => {
          setChangelog(e.target.value);
          setError(null);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'release-changelog-error' : 'release-changelog-hint'}
      />
      {error ? (
        <p id="release-changelog-error" className="field-error" role="alert">
          {error}
        </p>
      ) : (
        <p id="release-changelog-hint" className="hint">
          Lines starting with &quot;- &quot; are shown as a list.
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Publishing…' : 'Publish release'}
        </button>
      </div>
      {general ? (
        <p className="notice notice-error" role="alert">
          {general}
        </p>
      ) : null}
      {published ? (
        <p className="notice" role="status" data-testid="published">
          Release {published} is published.
        </p>
      ) : null}
    </form>
  );
}
