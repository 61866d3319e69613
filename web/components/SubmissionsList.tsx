'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { apiRequest } from '@/lib/api/client';
import { SubmissionsQuery } from '@/lib/api/contributions';
import type { SubmissionStatus, SubmissionSummaryFragment } from '@/lib/api/generated/graphql';
import { clusterTitle } from '@/lib/chem-format';
import { Formula } from './Formula';
import { JobState, jobInFlight, StatusBadge, when } from './SubmissionBits';

/** How often the list asks again while a structure search is queued or running. */
const POLL_MS = 3000;

/** Submissions (contributors: their own; curators: everyone's, or their own with `mine`), refreshed while a structure job runs. */
export function SubmissionsList({ status, mine, showSubmitter }: { status: SubmissionStatus | null; mine: boolean; showSubmitter: boolean }) {
  const [items, setItems] = useState<SubmissionSummaryFragment[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const { data } = await apiRequest(SubmissionsQuery, { status, mine: mine || null, first: 100 });
    setItems(data.submissions.items);
    setTotal(data.submissions.totalCount);
    setError(null);
    return data.submissions.items;
  }, [status, mine]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = async () => {
      try {
        const list = await load();
        if (!stopped && list.some(jobInFlight)) timer = setTimeout(() => void tick(), POLL_MS);
      } catch (err) {
        if (!stopped) setError((err as Error).message);
      }
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [load]);

  if (error) {
    return (
      <p className="notice notice-error" role="alert">
        {error}
      </p>
    );
  }
  if (items === null) return <p className="hint">Loading submissions…</p>;
  if (items.length === 0) return <p className="notice">No submissions {status ? `with status ${status.toLowerCase()}` : 'yet'}.</p>;
  return (
    <>
      <p className="hint" aria-live="polite">
        {total} submission{total === 1 ? '' : 's'}
        {items.some(jobInFlight) ? '; structure searches still running, this list refreshes by itself' : ''}.
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Submissions (scrolls sideways)">
        <table className="submission-table submission-list">
          <thead>
            <tr>
              <th scope="col">Submission</th>
              <th scope="col">Kind</th>
              <th scope="col">Status</th>
              <th scope="col">Structure job</th>
              {showSubmitter ? <th scope="col">By</th> : null}
              <th scope="col">Submitted</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id} data-testid={`submission-${s.id}`}>
                <td>
                  <Link
                    href={`/submissions/${encodeURIComponent(s.id)}`}
                    aria-label={`${clusterTitle(s.formula, s.charge)}, ${s.kind.toLowerCase()} submission`}
                  >
                    <Formula formula={s.formula} charge={s.charge} />
                  </Link>
                </td>
                <td>{s.kind === 'CLUSTER' ? 'new cluster' : 'measurement'}</td>
                <td>
                  <StatusBadge status={s.status} />
                  {s.releaseNumber ? <span className="hint"> in release {s.releaseNumber}</span> : null}
                </td>
                <td>
                  <JobState job={s.structureJob} id={`list-${s.id}`} />
                </td>
                {showSubmitter ? <td>{s.submittedByName}</td> : null}
                <td>{when(s.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
