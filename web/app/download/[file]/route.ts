import { apiOrigin } from '@/lib/env';

/** Bulk downloads, proxied from the API so every link on the site stays on this origin. */
export const dynamic = 'force-dynamic';
const FILES = new Set(['clusters.json', 'clusters.csv', 'export.csv', 'export.json', 'structures.extxyz', 'structures-xyz.tar.gz', 'oof-predictions.json']);
/** Only exports take a query (the result set's filter); it is passed on as it came. */
const WITH_QUERY = new Set(['export.csv', 'export.json']);
const PASSED_HEADERS = ['content-type', 'content-disposition', 'etag', 'x-dataset-version', 'content-length', 'link', 'cache-control'];

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  if (!FILES.has(file)) {
    return new Response(`No download named "${file}". Available: ${[...FILES].join(', ')}.\n`, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  let upstream: Response;
  try {
    const query = WITH_QUERY.has(file) ? new URL(request.url).search : '';
    upstream = await fetch(`${apiOrigin()}/download/${file}${query}`, { cache: 'no-store', signal: AbortSignal.timeout(60000) });
  } catch {
    return new Response('The ClusterAtlas API is not reachable right now; try again later.\n', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const headers = new Headers();
  for (const h of PASSED_HEADERS) {
    const v = upstream.headers.get(h);
    if (v) headers.set(h, v);
  }
  return new Response(upstream.body, { status: upstream.status, headers });
}
