import { webEnv } from '@/lib/env';

/**
 * Same-origin proxy to the GraphQL API, so the browser never needs CORS and the site works
 * from one address. Bodies are capped: the largest legitimate request is a pasted XYZ file.
 */
export const dynamic = 'force-dynamic';
const MAX_BODY_BYTES = 512 * 1024;

function outage(message: string, status = 503): Response {
  return Response.json({ errors: [{ message, extensions: { code: 'SERVICE_UNAVAILABLE' } }] }, { status });
}

async function forward(init: RequestInit, search = ''): Promise<Response> {
  const target = new URL(webEnv().apiUrl);
  target.search = search;
  let upstream: Response;
  try {
    upstream = await fetch(target, { ...init, cache: 'no-store', signal: AbortSignal.timeout(60000) });
  } catch {
    return outage('The ClusterAtlas API is not reachable right now.');
  }
  const headers = new Headers({ 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
  return new Response(upstream.body, { status: upstream.status, headers });
}

export async function POST(request: Request): Promise<Response> {
  const body = await request.text();
  if (body.length > MAX_BODY_BYTES) {
    return Response.json({ errors: [{ message: `Request body is larger than ${MAX_BODY_BYTES / 1024} kB.`, extensions: { code: 'BAD_USER_INPUT' } }] }, { status: 413 });
  }
  return forward({
    method: 'POST',
    headers: { 'content-type': request.headers.get('content-type') ?? 'application/json', accept: request.headers.get('accept') ?? 'application/json' },
    body,
  });
}

export async function GET(request: Request): Promise<Response> {
  return forward({ method: 'GET', headers: { accept: request.headers.get('accept') ?? 'application/json' } }, new URL(request.url).search);
}
