/**
 * Which headers cross the site's proxies (/api/graphql, /download/*), in each direction.
 * Kept as plain lists so the proxies stay a pure copy: anything not named here is dropped
 * (cookies, hop-by-hop headers, the API's own server details).
 */

/** Client → API: content negotiation, conditional requests, Apollo's CSRF-prevention headers. */
export const REQUEST_HEADERS = [
  'accept',
  'accept-language',
  'if-none-match',
  'if-modified-since',
  'cache-control',
  'apollo-require-preflight',
  'x-apollo-operation-name',
] as const;

/** API → client: caching, rate limits and versions. Content-Encoding is not passed: fetch has already decoded the body. */
const RESPONSE_HEADERS = [
  'content-type',
  'content-disposition',
  'etag',
  'last-modified',
  'cache-control',
  'vary',
  'retry-after',
  'x-dataset-version',
  'x-model-version',
];
const RESPONSE_PREFIXES = ['ratelimit', 'x-ratelimit'];

export function copyRequestHeaders(from: Headers, to: Headers = new Headers()): Headers {
  for (const name of REQUEST_HEADERS) {
    const value = from.get(name);
    if (value !== null) to.set(name, value);
  }
  return to;
}

export function copyResponseHeaders(from: Headers, to: Headers = new Headers()): Headers {
  from.forEach((value, name) => {
    if (RESPONSE_HEADERS.includes(name) || RESPONSE_PREFIXES.some((p) => name.startsWith(p))) to.set(name, value);
  });
  return to;
}

/**
 * X-Forwarded-For for the API, so its per-client rate limit sees the visitor, not the site.
 * The site's server (server.js) has already appended the visitor's socket address to whatever
 * chain arrived, so the last entry is the one address no client can forge; the API decides how
 * far left to trust (only entries added by proxies it is configured to trust).
 */
export function forwardedFor(incoming: Headers): string | null {
  const chain = incoming.get('x-forwarded-for');
  if (!chain) return null;
  // A hostile chain is capped, not rejected: the trustworthy entries are at the end.
  const entries = chain
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(-10);
  return entries.length ? entries.join(', ') : null;
}

/** The media type of a Content-Type header, lower-cased and without parameters. */
export function mediaType(contentType: string | null): string | null {
  if (!contentType) return null;
  return contentType.split(';')[0].trim().toLowerCase() || null;
}
