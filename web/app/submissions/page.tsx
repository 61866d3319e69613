import type { Metadata } from 'next';
import Link from 'next/link';
import { SubmissionsList } from '@/components/SubmissionsList';
import { STATUS_LABEL } from '@/components/SubmissionBits';
import type { SubmissionStatus } from '@/lib/api/generated/graphql';
import { canManageAccounts } from '@/lib/session';
import { currentViewer } from '@/lib/session.server';

export const metadata: Metadata = { title: 'Submissions' };

const STATUSES = Object.keys(STATUS_LABEL) as SubmissionStatus[];

export default async function SubmissionsPage({ searchParams }: { searchParams: Promise<{ status?: string | string[]; mine?: string | string[] }> }) {
  const params = await searchParams;
  const viewer = await currentViewer();
  if (!viewer) {
    return (
      <>
        <h1>Submissions</h1>
        <p className="notice">
          <Link href="/sign-in">Sign in</Link> to see your submissions (or, as a curator, the review queue).
        </p>
      </>
    );
  }
  const status = STATUSES.find((s) => s === params.status) ?? null;
  const curator = canManageAccounts(viewer.role);
  const mine = !curator || params.mine === '1';
  const title = curator ? (status === 'PENDING' && !mine ? 'Review queue' : 'Submissions') : 'My submissions';
  const href = (s: SubmissionStatus | null, m: boolean) => {
    const q = new URLSearchParams();
    if (s) q.set('status', s);
    if (m && curator) q.set('mine', '1');
    const text = q.toString();
    return text ? `/submissions?${text}` : '/submissions';
  };
  return (
    <>
      <h1>{title}</h1>
      <p className="prose">
        {curator
          ? 'Every contribution, newest first. Open one to see what it would change, its structure search, its history, and to approve or reject it.'
          : 'Your contributions, newest first, with their review status and the progress of their structure searches.'}{' '}
        <Link href="/submit">Submit data</Link>.
      </p>
      <nav aria-label="Filter submissions" className="segmented">
        <Link href={href(null, mine)} aria-current={status === null ? 'page' : undefined}>
          all
        </Link>
        {STATUSES.map((s) => (
          <Link key={s} href={href(s, mine)} aria-current={status === s ? 'page' : undefined}>
            {STATUS_LABEL[s]}
          </Link>
        ))}
        {curator ? <Link href={href(status, !mine)}>{mine ? 'everyone’s' : 'mine only'}</Link> : null}
      </nav>
      <SubmissionsList key={`${status}-${mine}`} status={status} mine={mine && curator} showSubmitter={curator} />
    </>
  );
}
