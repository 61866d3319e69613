import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApiProblem } from '@/components/ApiStatus';
import { SubmissionDetailView } from '@/components/SubmissionDetailView';
import { apiRequest, tryApi } from '@/lib/api/client';
import { SubmissionQuery } from '@/lib/api/contributions';
import { canManageAccounts } from '@/lib/session';
import { currentViewer, sessionCookieHeader } from '@/lib/session.server';

export const metadata: Metadata = { title: 'Submission' };

export default async function SubmissionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await currentViewer();
  if (!viewer) {
    return (
      <>
        <h1>Submission</h1>
        <p className="notice">
          <Link href="/sign-in">Sign in</Link> to see this submission: contributors see their own, curators all of them.
        </p>
      </>
    );
  }
  const sessionCookie = await sessionCookieHeader();
  const result = await tryApi(() => apiRequest(SubmissionQuery, { id }, { sessionCookie }));
  if (!result.ok) {
    // The API answers NOT_FOUND both for no such submission and for someone else's: the page cannot tell either.
    if (result.error.code === 'NOT_FOUND' || result.error.code === 'BAD_USER_INPUT') notFound();
    return (
      <>
        <h1>Submission</h1>
        <ApiProblem message={result.error.message} />
      </>
    );
  }
  return <SubmissionDetailView initial={result.value.data.submission} isCurator={canManageAccounts(viewer.role)} />;
}
