import type { Metadata } from 'next';
import Link from 'next/link';
import { CopyButton } from '@/components/CopyButton';
import { PYTHON_EXAMPLE, PYTHON_GQL_EXAMPLE } from '@/lib/python-example';
import { tryApi } from '@/lib/api/client';
import { loadLimits } from '@/lib/api/limits';

export const metadata: Metadata = { title: 'Use from Python' };
export const dynamic = 'force-dynamic';

export default async function PythonPage() {
  const limits = await tryApi(loadLimits);
  return (
    <div className="prose">
      <h1>Use ClusterAtlas from Python</h1>
      <p>
        Everything on this site comes from the public GraphQL API at <code>/graphql</code> and the downloads beside it. The script below queries the catalog,
        follows the cursor through every page, loads the clusters into a pandas DataFrame, downloads the whole catalog as a release file tagged with its dataset
        version, and exports one result set with the model&apos;s held-out predictions. It needs only <code>requests</code> and <code>pandas</code> (Debian:{' '}
        <code>python3-requests python3-pandas</code>). The test suite runs this exact script against a fresh ClusterAtlas stack, so it works as shown.
      </p>
      <h2>Query, page through all results, DataFrame, release download</h2>
      <pre tabIndex={0} aria-label="Python example using requests and pandas" data-testid="python-example">
        <code>{PYTHON_EXAMPLE}</code>
      </pre>
      <p>
        <CopyButton text={PYTHON_EXAMPLE} label="Copy script" /> Run it with <code>python3 example.py --api http://localhost:4000</code>.
      </p>
      <h2>With a GraphQL client</h2>
      <p>
        <code>gql</code> fetches the schema from the URL by introspection and validates each query before sending it. The other downloads:{' '}
        <code>/download/export.json?filter=…</code>, <code>/download/structures-xyz.tar.gz</code>, <code>/download/structures.extxyz</code>,{' '}
        <code>/download/oof-predictions.json</code> (see <Link href="/about">About</Link> for licences and how to cite).
      </p>
      <pre tabIndex={0} aria-label="Python example using gql">
        <code>{PYTHON_GQL_EXAMPLE}</code>
      </pre>
      <p className="hint">
        {limits.ok ? (
          <>
            Pages hold at most {limits.value.maxPageSize} clusters (<code>first</code> ≤ {limits.value.maxPageSize}; the <code>limits</code> query lists every
            input limit).{' '}
          </>
        ) : null}
        Every response names the dataset version in <code>extensions.datasetVersion</code>. Errors have a stable <code>extensions.code</code> (e.g.{' '}
        <code>BAD_USER_INPUT</code>) and a message about your input.
      </p>
    </div>
  );
}
