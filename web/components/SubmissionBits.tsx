import type { StructureState, SubmissionStatus, SubmissionSummaryFragment } from '@/lib/api/generated/graphql';

/** Small shared pieces of the submissions pages (no hooks: usable from server and client components). */

export const STATUS_LABEL: Record<SubmissionStatus, string> = {
  PENDING: 'pending review',
  APPROVED: 'approved',
  REJECTED: 'rejected',
  RELEASED: 'released',
};

const JOB_LABEL: Record<StructureState, string> = {
  QUEUED: 'queued',
  RUNNING: 'running',
  COMPLETED: 'finished',
  FAILED: 'failed',
  NOT_NEEDED: 'not needed',
};

export function when(iso: string | null | undefined): string {
  return iso ? iso.replace('T', ' ').slice(0, 16) + ' UTC' : '—';
}

export function StatusBadge({ status }: { status: SubmissionStatus }) {
  return <span className={`badge badge-${status.toLowerCase()}`}>{STATUS_LABEL[status]}</span>;
}

/** True while a structure search is still to finish: the pages poll until it has. */
export function jobInFlight(s: Pick<SubmissionSummaryFragment, 'structureJob'>): boolean {
  return s.structureJob?.state === 'QUEUED' || s.structureJob?.state === 'RUNNING';
}

export function JobState({ job, id }: { job: SubmissionSummaryFragment['structureJob']; id: string }) {
  if (!job || job.state === 'NOT_NEEDED') return <span className="hint">no structure job</span>;
  const percent = Math.round(job.progress * 100);
  return (
    <span className="job-state" data-job-state={job.state}>
      <span id={`${id}-job`}>
        structure {JOB_LABEL[job.state]}
        {job.state === 'RUNNING' ? ` (${percent} %)` : ''}
        {job.attempts > 1 ? `, attempt ${job.attempts}` : ''}
      </span>
      {job.state === 'RUNNING' || job.state === 'QUEUED' ? (
        <progress max={100} value={job.state === 'QUEUED' ? undefined : percent} aria-labelledby={`${id}-job`} />
      ) : null}
      {job.state === 'FAILED' && job.error ? <span className="field-error"> {job.error}</span> : null}
    </span>
  );
}
