import { webEnv } from '@/lib/env';
import { copyRequestHeaders, copyResponseHeaders, forwardedFor, mediaType } from '@/lib/proxy-headers';
import { copySessionRequestHeaders, copySessionSetCookies } from '@/lib/session-proxy';

/**
 * Same-origin proxy to the GraphQL API, so the browser never needs CORS and the site works
 * from one address. It adds nothing the API would not accept directly: a POST must say it is
 * JSON (a form or text/plain POST from another site is refused here, as Apollo's CSRF
 * prevention would refuse it), and the client's address, conditional and caching headers pass
 * through both ways, so rate limits and ETags work behind the site as they do in front of it.
 */
export const dynamic = 'force-dynamic';
/** The API's own limit (server/src/http/app.ts MAX_BODY); anything larger would only be refused there. */
const MAX_BODY_BYTES = 100 * 1024;

function problem(status: number, code: string, message: string, headers?: Record<string, string>): Response {
  return Response.json({ errors: [{ message, extensions: { code } }] }, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

const tooLarge = () => problem(413, 'PAYLOAD_TOO_LARGE', `Request body is larger than ${MAX_BODY_BYTES / 1024} kB.`);

/** Reads at most MAX_BODY_BYTES, stopping (and cancelling the upload) as soon as the cap is passed. */
async function readCapped(request: Request): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    body.set(c, offset);
    offset += c.byteLength;
  }
  return body;
}

async function forward(request: Request, init: { method: 'GET' | 'POST'; body?: Uint8Array; contentType?: string }): Promise<Response> {
  const target = new URL(webEnv().apiUrl);
  target.search = new URL(request.url).search;
  const headers = copyRequestHeaders(request.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  if (init.contentType) headers.set('content-type', init.contentType);
  const xff = forwardedFor(request.headers);
  if (xff) headers.set('x-forwarded-for', xff);
  // A signed-in visitor's session cookie and CSRF token (website sessions belong to the API).
  copySessionRequestHeaders(request.headers, headers);
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: init.method,
      headers,
      body: init.body as BodyInit | undefined,
      // Not 'no-store': fetch would then add Cache-Control: no-cache, which makes the API ignore If-None-Match.
      cache: 'no-cache',
      signal: AbortSignal.timeout(60000),
    });
  } catch {
    return problem(503, 'SERVICE_UNAVAILABLE', 'The ClusterAtlas API is not reachable right now.', { 'retry-after': '5' });
  }
  const out = copySessionSetCookies(upstream.headers, copyResponseHeaders(upstream.headers));
  if (!out.has('content-type') && upstream.status !== 304) out.set('content-type', 'application/json');
  // 304 has no body by definition; every other status (200, 4xx, 429, 503) is passed as the API chose it.
  return new Response(upstream.status === 304 ? null : upstream.body, { status: upstream.status, headers: out });
}

export async function POST(request: Request): Promise<Response> {
  const type = mediaType(request.headers.get('content-type'));
  if (type !== 'application/json') {
    return problem(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      type ? `POST bodies must be application/json (got ${type.slice(0, 60)}).` : 'POST requests need the header Content-Type: application/json.',
      { 'accept-post': 'application/json' },
    );
  }
  const body = await readCapped(request);
  if (!body) return tooLarge();
  return forward(request, { method: 'POST', body, contentType: request.headers.get('content-type')! });
}

export async function GET(request: Request): Promise<Response> {
  return forward(request, { method: 'GET' });
}
