import type { Metadata } from 'next';
import Link from 'next/link';
import { ApiProblem } from '@/components/ApiStatus';
import { SubmitForm, type SubmitKind } from '@/components/SubmitForm';
import { apiRequest, tryApi } from '@/lib/api/client';
import { SubmitFormQuery } from '@/lib/api/contributions';

export const metadata: Metadata = { title: 'Submit data' };

export default async function SubmitPage({ searchParams }: { searchParams: Promise<{ kind?: string | string[] }> }) {
  const { kind: raw } = await searchParams;
  const kind: SubmitKind = raw === 'cluster' ? 'cluster' : 'measurement';
  const loaded = await tryApi(() => apiRequest(SubmitFormQuery));
  return (
    <>
      <h1>Submit data</h1>
      <p className="prose">
        Contributions are reviewed by a curator and enter the catalog with the next numbered <Link href="/releases">release</Link>; until then they are visible
        only to you and the curators, on <Link href="/submissions">Submissions</Link>.
      </p>
      <nav aria-label="What to submit" className="segmented">
        <Link href="/submit?kind=measurement" aria-current={kind === 'measurement' ? 'page' : undefined}>
          A measurement
        </Link>
        <Link href="/submit?kind=cluster" aria-current={kind === 'cluster' ? 'page' : undefined}>
          A new cluster
        </Link>
      </nav>
      {loaded.ok ? <SubmitForm key={kind} kind={kind} reactants={loaded.value.data.reactants} /> : <ApiProblem message={loaded.error.message} />}
    </>
  );
}
