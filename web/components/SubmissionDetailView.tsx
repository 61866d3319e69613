'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { apiRequest } from '@/lib/api/client';
import { CommentOnSubmissionMutation, ReviewSubmissionMutation, SubmissionQuery } from '@/lib/api/contributions';
import { ApiError } from '@/lib/api/errors';
import type { ReviewDecision, SubmissionDetailFragment } from '@/lib/api/generated/graphql';
import { TECHNIQUE_LABELS } from '@/lib/contribution-form';
import { readSession } from '@/lib/session';
import { Formula, Scientific } from './Formula';
import { JobState, jobInFlight, StatusBadge, when } from './SubmissionBits';

const POLL_MS = 3000;

/** One submission: what it changes, its measurements, its structure job (refreshed while it runs), its history, comments and the curator's decision. */
export function SubmissionDetailView({ initial, isCurator }: { initial: SubmissionDetailFragment; isCurator: boolean }) {
  const [s, setS] = useState(initial);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = jobInFlight(s);

  const reload = useCallback(async () => {
    const { data } = await apiRequest(SubmissionQuery, { id: initial.id });
    setS(data.submission);
  }, [initial.id]);

  useEffect(() => {
    if (!inFlight) return;
    const timer = setInterval(() => void reload().catch(() => undefined), POLL_MS);
    return () => clearInterval(timer);
  }, [inFlight, reload]);

  async function act(work: (csrfToken: string) => Promise<void>) {
    setBusy(true);
    setError(null);
    setCommentError(null);
    try {
      const session = await readSession();
      if (!session) throw new ApiError([{ message: 'Your session has ended: sign in again.', code: 'UNAUTHENTICATED' }]);
      await work(session.csrfToken);
    } catch (err) {
      const e = err instanceof ApiError ? err : null;
      if (e?.argument === 'comment' || e?.argument === 'text') setCommentError(e.message);
      else setError(e?.message ?? 'The request failed unexpectedly.');
    } finally {
      setBusy(false);
    }
  }

  const postComment = (event: FormEvent) => {
    event.preventDefault();
    if (!comment.trim()) {
      setCommentError('Write a comment first.');
      return;
    }
    void act(async (csrfToken) => {
      await apiRequest(CommentOnSubmissionMutation, { id: s.id, text: comment }, { csrfToken });
      setComment('');
      await reload();
    });
  };

  const decide = (decision: ReviewDecision) => {
    if (decision === 'REJECT' && !comment.trim()) {
      setCommentError('Rejecting needs a comment: say why, the contributor reads it.');
      document.getElementById('review-comment')?.focus();
      return;
    }
    void act(async (csrfToken) => {
      const { data } = await apiRequest(ReviewSubmissionMutation, { id: s.id, decision, comment: comment.trim() || null }, { csrfToken });
      setS(data.reviewSubmission);
      setComment('');
    });
  };

  const job = s.structureJob;
  const awaitingJob = s.kind === 'CLUSTER' && inFlight;
  return (
    <>
      <p className="hint">
        <Link href="/submissions">← Submissions</Link>
      </p>
      <h1>
        <Formula formula={s.formula} charge={s.charge} /> <span className="hint">{s.kind === 'CLUSTER' ? 'new cluster' : 'new measurement'}</span>
      </h1>
      <p>
        <StatusBadge status={s.status} /> submitted by <strong>{s.submittedByName}</strong> on {when(s.createdAt)} · cluster id <code>{s.clusterId}</code>
        {s.multiplicity ? ` · multiplicity ${s.multiplicity}` : ''}
        {s.releaseNumber ? (
          <>
            {' '}
            · released in <Link href="/releases">release {s.releaseNumber}</Link> (
            <Link href={`/clusters/${encodeURIComponent(s.clusterId)}`}>catalog page</Link>)
          </>
        ) : null}
      </p>
      {error ? (
        <p className="notice notice-error" role="alert" data-testid="submission-error">
          {error}
        </p>
      ) : null}

      <section aria-labelledby="changes-title">
        <h2 id="changes-title">What releasing it changes</h2>
        {s.changes.length === 0 ? (
          <p className="hint">Nothing in the current catalog record.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Changes (scrolls sideways)">
            <table className="diff-table">
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Now</th>
                  <th scope="col">After release</th>
                </tr>
              </thead>
              <tbody>
                {s.changes.map((c) => (
                  <tr key={c.field}>
                    <th scope="row">{c.field}</th>
                    <td className={c.before != null ? 'diff-before' : undefined}>{c.before ?? '—'}</td>
                    <td className={c.after != null ? 'diff-after' : undefined}>{c.after ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="measurements-title">
        <h2 id="measurements-title">Measurements</h2>
        {s.measurements.length === 0 ? (
          <p className="hint">None submitted.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Measurements (scrolls sideways)">
            <table className="submission-table">
              <thead>
                <tr>
                  <th scope="col">Reactant</th>
                  <th scope="col">k1 (cm³ molecule⁻¹ s⁻¹)</th>
                  <th scope="col">Capture limit</th>
                  <th scope="col">T (K)</th>
                  <th scope="col">Technique</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {s.measurements.map((m, i) => (
                  <tr key={i}>
                    <td>{m.reactant}</td>
                    <td>
                      <Scientific value={m.k1Cm3PerMoleculeS} />
                      {m.k1UncertaintyCm3PerMoleculeS != null ? (
                        <>
                          {' '}
                          ± <Scientific value={m.k1UncertaintyCm3PerMoleculeS} />
                        </>
                      ) : null}
                    </td>
                    <td>
                      <Scientific value={m.captureLimitCm3PerMoleculeS} />
                      {m.captureLimitExplanation ? <span className="hint"> above it: {m.captureLimitExplanation}</span> : null}
                    </td>
                    <td>{m.temperatureK ?? '—'}</td>
                    <td>
                      {TECHNIQUE_LABELS[m.technique]}
                      {m.techniqueDetail ? ` (${m.techniqueDetail})` : ''}
                    </td>
                    <td>
                      {m.citation}
                      {m.doi ? (
                        <>
                          {' '}
                          <a href={`https://doi.org/${m.doi}`}>doi:{m.doi}</a>
                        </>
                      ) : null}
                      {m.notes ? <span className="hint"> {m.notes}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {s.kind === 'CLUSTER' ? (
        <section aria-labelledby="job-title" data-testid="structure-job">
          <h2 id="job-title">Structure search (GFN2-xTB)</h2>
          <p aria-live="polite">
            <JobState job={job} id="detail" />
          </p>
          {job?.state === 'COMPLETED' ? (
            <>
              <p>
                {job.isomerCount ?? 0} isomer{job.isomerCount === 1 ? '' : 's'} found
                {job.lowestEnergyHartree != null ? `; lowest energy ${job.lowestEnergyHartree.toFixed(6)} Eh` : ''}. Atoms, bonds and predictions enter the
                catalog with the release.
              </p>
              {job.xyz ? (
                <details open>
                  <summary>Lowest isomer (XYZ, Å)</summary>
                  <pre className="xyz-block" data-testid="lowest-isomer-xyz">
                    {job.xyz}
                  </pre>
                </details>
              ) : null}
            </>
          ) : null}
          {s.submittedXyz ? (
            <details>
              <summary>Structure as submitted</summary>
              <pre className="xyz-block">{s.submittedXyz}</pre>
            </details>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <ol className="history">
          {s.history.map((h) => (
            <li key={h.id} data-action={h.action}>
              <span className="hint">{when(h.at)}</span> <strong>{h.actorName}</strong> {h.action.toLowerCase().replace(/_/g, ' ')}
              {h.comment ? <blockquote>{h.comment}</blockquote> : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="respond-title">
        <h2 id="respond-title">{isCurator && s.status === 'PENDING' ? 'Comment and decide' : 'Comment'}</h2>
        <form onSubmit={postComment} noValidate className="comment-form">
          <label htmlFor="review-comment">Comment</label>
          <textarea
            id="review-comment"
            rows={3}
            value={comment}
            maxLength={2000}
            onChange={(e) => {
              setComment(e.target.value);
              setCommentError(null);
            }}
            aria-invalid={commentError ? true : undefined}
            aria-describedby={commentError ? 'review-comment-error' : undefined}
          />
          {commentError ? (
            <p id="review-comment-error" className="field-error" role="alert">
              {commentError}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="button-quiet" disabled={busy}>
              Post comment
            </button>
            {isCurator && s.status === 'PENDING' ? (
              <>
                <button type="button" className="button" disabled={busy || awaitingJob} onClick={() => decide('APPROVE')}>
                  Approve
                </button>
                <button type="button" className="button button-danger" disabled={busy} onClick={() => decide('REJECT')}>
                  Reject
                </button>
              </>
            ) : null}
          </div>
          {isCurator && awaitingJob ? <p className="hint">A new cluster can be approved once its structure search has finished or failed.</p> : null}
        </form>
      </section>
      <p className="hint">Updated {when(s.updatedAt)}.</p>
    </>
  );
}
