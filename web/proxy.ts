import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, malformedPercentEncoding } from '@/lib/security-headers';

/** No page of the site has a longer path (cluster ids are formulas); longer ones are answered as not found without being echoed into the page's route data. */
const MAX_PATH_CHARS = 256;

/**
 * Runs before every page and route: a fresh CSP nonce per request (Next reads it from the
 * request's CSP header and puts it on its own scripts), a 400 for paths whose percent-encoding
 * cannot be decoded (they would otherwise fail inside the router as a 500), and the not-found
 * page for absurdly long paths.
 */
export function proxy(request: NextRequest) {
  if (malformedPercentEncoding(request.nextUrl.pathname)) {
    return new NextResponse('Bad request: the address contains malformed percent-encoding.\n', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  const tooLong = request.nextUrl.pathname.length > MAX_PATH_CHARS;
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = tooLong
    ? NextResponse.rewrite(new URL('/not-found', request.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  // Static build files are immutable and carry no markup; everything else gets a nonce.
  matcher: [{ source: '/((?!_next/static|_next/image).*)' }],
};
