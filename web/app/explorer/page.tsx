import type { Metadata } from 'next';
import { ExplorerLoader } from '@/components/ExplorerLoader';
import { EXAMPLE_QUERIES } from '@/lib/api/examples';

export const metadata: Metadata = { title: 'API explorer' };

export default async function ExplorerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const initialQuery = typeof params.query === 'string' ? params.query : undefined;
  const initialVariables = typeof params.variables === 'string' ? params.variables : undefined;
  return (
    <>
      <h1>GraphQL API</h1>
      <p className="prose">
        Every number on this site comes from the ClusterAtlas GraphQL API. Try it here: the example tabs cover search, a single cluster, facets and the dataset
        version. From code, POST <code>{'{"query": …, "variables": …}'}</code> to <code>/api/graphql</code> on this site. Each response carries{' '}
        <code>extensions.datasetVersion</code> and <code>extensions.modelVersion</code>; errors carry <code>extensions.code</code> (<code>BAD_USER_INPUT</code>{' '}
        names the input and position). The whole catalog is also a single download: <a href="/download/clusters.csv">CSV</a>,{' '}
        <a href="/download/clusters.json">JSON</a>.
      </p>
      <ExplorerLoader
        tabs={EXAMPLE_QUERIES.map(({ query, variables }) => ({ query, variables }))}
        initialQuery={initialQuery}
        initialVariables={initialVariables}
      />
    </>
  );
}
