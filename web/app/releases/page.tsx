import type { Metadata } from 'next';
import Link from 'next/link';
import { ApiProblem } from '@/components/ApiStatus';
import { PublishReleaseForm } from '@/components/PublishReleaseForm';
import { when } from '@/components/SubmissionBits';
import { apiRequest, tryApi } from '@/lib/api/client';
import { ReleasesQuery } from '@/lib/api/contributions';
import { changelogBlocks } from '@/lib/changelog';
import { canManageAccounts } from '@/lib/session';
import { currentViewer } from '@/lib/session.server';

export const metadata: Metadata = { title: 'Releases' };

export default async function ReleasesPage() {
  const [loaded, viewer] = await Promise.all([tryApi(() => apiRequest(ReleasesQuery)), currentViewer()]);
  return (
    <>
      <h1>Releases</h1>
      <p className="prose">
        The catalog grows by numbered, immutable releases: contributions reviewed by a curator enter it together, and every earlier release stays readable (the
        API takes <code>release: N</code> on every catalog field) and downloadable below. Cluster ids never change between releases. Release 1 is the published
        seed.
      </p>
      {viewer && canManageAccounts(viewer.role) ? <PublishReleaseForm /> : null}
      {!loaded.ok ? (
        <ApiProblem message={loaded.error.message} />
      ) : (
        <ol className="release-list" reversed>
          {loaded.value.data.releases.map((r) => (
            <li key={r.number} className="card" data-testid={`release-${r.number}`} aria-labelledby={`release-${r.number}-title`}>
              <h2 id={`release-${r.number}-title`}>Release {r.number}</h2>
              <p className="hint">
                Published {when(r.publishedAt)}
                {r.publishedByName ? ` by ${r.publishedByName}` : ''} · dataset <code>{r.datasetVersion}</code>
              </p>
              <dl className="release-counts">
                <div>
                  <dt>Clusters</dt>
                  <dd data-testid={`release-${r.number}-clusters`}>{r.clusterCount}</dd>
                </div>
                <div>
                  <dt>Measurements</dt>
                  <dd>{r.measurementCount}</dd>
                </div>
                <div>
                  <dt>Structures</dt>
                  <dd>{r.structureCount}</dd>
                </div>
                <div>
                  <dt>Submissions</dt>
                  <dd>{r.submissionCount}</dd>
                </div>
                <div>
                  <dt>Reactants</dt>
                  <dd>{r.reactants.join(', ') || '—'}</dd>
                </div>
              </dl>
              <div className="changelog">
                {changelogBlocks(r.changelog).map((b, i) =>
                  b.kind === 'list' ? (
                    <ul key={i}>
                      {b.items.map((item, j) => (
                        <li key={j}>{item}</li>
                      ))}
                    </ul>
                  ) : (
                    <p key={i}>{b.text}</p>
                  ),
                )}
              </div>
              <p className="release-downloads">
                Download release {r.number}: <a href={r.downloads.json}>JSON</a> · <a href={r.downloads.csv}>CSV</a> ·{' '}
                <a href={r.downloads.extendedXyz}>structures (extended XYZ)</a> · <a href={r.downloads.xyzArchive}>all isomers (XYZ, tar.gz)</a>
              </p>
            </li>
          ))}
        </ol>
      )}
      <p className="hint">
        Contributors: <Link href="/submit">submit data</Link>; curators review it on <Link href="/submissions?status=PENDING">the review queue</Link>.
      </p>
    </>
  );
}
