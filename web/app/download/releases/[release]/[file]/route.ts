import { apiOrigin } from '@/lib/env';
import { copyRequestHeaders, copyResponseHeaders, forwardedFor } from '@/lib/proxy-headers';

/**
 * One release's downloads (`Release.downloads` paths), proxied from the API as /download/* is,
 * so old releases stay downloadable from this origin. The API answers 404 for a release it lacks.
 */
export const dynamic = 'force-dynamic';
const FILES = new Set(['clusters.json', 'clusters.csv', 'structures.extxyz', 'structures-xyz.tar.gz']);

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

export async function GET(request: Request, { params }: { params: Promise<{ release: string; file: string }> }): Promise<Response> {
  let release: string;
  let file: string;
  try {
    ({ release, file } = await params);
  } catch {
    return text(400, 'Bad request: the download name is not valid percent-encoded text.\n');
  }
  if (!/^[1-9]\d{0,5}$/.test(release)) return text(404, 'No such release: release numbers are whole numbers from 1.\n');
  if (!FILES.has(file)) return text(404, `No such download. Available per release: ${[...FILES].join(', ')}.\n`);
  const headers = copyRequestHeaders(request.headers);
  const xff = forwardedFor(request.headers);
  if (xff) headers.set('x-forwarded-for', xff);
  let upstream: Response;
  try {
    // Not 'no-store': fetch would then add Cache-Control: no-cache, which makes the API ignore If-None-Match.
    upstream = await fetch(`${apiOrigin()}/download/releases/${release}/${file}`, { headers, cache: 'no-cache', signal: AbortSignal.timeout(60000) });
  } catch {
    return text(503, 'The ClusterAtlas API is not reachable right now; try again later.\n');
  }
  return new Response(upstream.status === 304 ? null : upstream.body, { status: upstream.status, headers: copyResponseHeaders(upstream.headers) });
}
