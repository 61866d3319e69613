import { cache } from 'react';
import { apiRequest, tryApi } from '@/lib/api/client';
import { DatasetQuery } from '@/lib/api/queries';

/** The outage banner (top of every page) and dataset version (footer) share one cheap query. */
const probe = cache(async () => tryApi(() => apiRequest(DatasetQuery, {}, { timeoutMs: 3000 })));

export async function ApiDownBanner() {
  const result = await probe();
  if (result.ok) return null;
  return <ApiProblem message={result.error.message} />;
}

export function ApiProblem({ message }: { message: string }) {
  return (
    <div className="banner banner-error" role="alert">
      <strong>The ClusterAtlas API is unavailable.</strong> {message} Pages will show data again as soon as it is back; the site itself is working.
    </div>
  );
}

export async function DatasetFooter() {
  const result = await probe();
  if (!result.ok || !result.value.data.dataset) return <span>Dataset version unavailable</span>;
  const { dataset } = result.value.data;
  const model = result.value.versions.modelVersion;
  return (
    <span>
      Data: <code>{dataset.version}</code> · {dataset.clusterCount} clusters · {dataset.structureCount} structures
      {model ? (
        <>
          {' '}
          · model <code>{model}</code>
        </>
      ) : null}
    </span>
  );
}
