import { apiOrigin } from '@/lib/env';
import { copyRequestHeaders, copyResponseHeaders, forwardedFor } from '@/lib/proxy-headers';

/** Bulk downloads, proxied from the API so every link on the site stays on this origin. */
export const dynamic = 'force-dynamic';
const FILES = new Set(['clusters.json', 'clusters.csv', 'export.csv', 'export.json', 'structures.extxyz', 'structures-xyz.tar.gz', 'oof-predictions.json']);
/** Only exports take a query (the result set's filter); it is passed on as it came. */
const WITH_QUERY = new Set(['export.csv', 'export.json']);

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  let file: string;
  try {
    ({ file } = await params);
  } catch {
    return text(400, 'Bad request: the download name is not valid percent-encoded text.\n');
  }
  if (!FILES.has(file)) return text(404, `No such download. Available: ${[...FILES].join(', ')}.\n`);
  const headers = copyRequestHeaders(request.headers);
  const xff = forwardedFor(request.headers);
  if (xff) headers.set('x-forwarded-for', xff);
  let upstream: Response;
  try {
    const query = WITH_QUERY.has(file) ? new URL(request.url).search : '';
    // Not 'no-store': fetch would then add Cache-Control: no-cache, which makes the API ignore If-None-Match.
    upstream = await fetch(`${apiOrigin()}/download/${file}${query}`, { headers, cache: 'no-cache', signal: AbortSignal.timeout(60000) });
  } catch {
    return text(503, 'The ClusterAtlas API is not reachable right now; try again later.\n');
  }
  // Content-Length and Content-Encoding stay behind: fetch has decoded the body, and this
  // server compresses again for clients that ask.
  return new Response(upstream.status === 304 ? null : upstream.body, { status: upstream.status, headers: copyResponseHeaders(upstream.headers) });
}
