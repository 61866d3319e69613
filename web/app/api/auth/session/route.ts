import { apiOrigin } from '@/lib/env';
import { copyResponseHeaders, forwardedFor, mediaType } from '@/lib/proxy-headers';
import { copySessionRequestHeaders, copySessionSetCookies } from '@/lib/session-proxy';

/**
 * Same-origin proxy to the API's website sessions (/auth/session): sign in with a key (POST),
 * who am I (GET), sign out (DELETE). The session cookie, its CSRF token, the visitor's address
 * and the https flag cross; the API decides everything.
 */
export const dynamic = 'force-dynamic';
/** `{"key": "ca_…"}` is under 100 bytes. */
const MAX_BODY_BYTES = 2048;

function problem(status: number, code: string, message: string): Response {
  return Response.json({ errors: [{ message, extensions: { code } }] }, { status, headers: { 'cache-control': 'no-store' } });
}

/** Stops reading (and cancels the upload) as soon as the cap is passed, whatever Content-Length said. */
async function readCapped(request: Request): Promise<string | null> {
  if (!request.body) return '';
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
  return Buffer.concat(chunks).toString('utf8');
}

async function forward(request: Request, method: 'GET' | 'POST' | 'DELETE', body?: string): Promise<Response> {
  const headers = copySessionRequestHeaders(request.headers, new Headers({ accept: 'application/json' }));
  const xff = forwardedFor(request.headers);
  if (xff) headers.set('x-forwarded-for', xff);
  const proto = request.headers.get('x-forwarded-proto');
  if (proto) headers.set('x-forwarded-proto', proto.slice(0, 20));
  if (body !== undefined) headers.set('content-type', 'application/json');
  let upstream: Response;
  try {
    upstream = await fetch(`${apiOrigin()}/auth/session`, { method, headers, body, cache: 'no-store', signal: AbortSignal.timeout(15000) });
  } catch {
    return problem(503, 'SERVICE_UNAVAILABLE', 'The ClusterAtlas API is not reachable right now.');
  }
  const out = copySessionSetCookies(upstream.headers, copyResponseHeaders(upstream.headers));
  out.set('cache-control', 'no-store');
  return new Response(upstream.body, { status: upstream.status, headers: out });
}

export async function GET(request: Request): Promise<Response> {
  return forward(request, 'GET');
}

export async function POST(request: Request): Promise<Response> {
  if (mediaType(request.headers.get('content-type')) !== 'application/json') {
    return problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'POST requests need the header Content-Type: application/json.');
  }
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return problem(413, 'PAYLOAD_TOO_LARGE', 'Request body is too large.');
  const body = await readCapped(request);
  if (body === null) return problem(413, 'PAYLOAD_TOO_LARGE', 'Request body is too large.');
  return forward(request, 'POST', body);
}

export async function DELETE(request: Request): Promise<Response> {
  return forward(request, 'DELETE');
}
