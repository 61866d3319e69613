/**
 * The site's security headers. Scripts run only with the per-request nonce ('strict-dynamic'
 * lets those scripts load the chunks they need: 3Dmol.js, Observable Plot, GraphiQL); nothing
 * is fetched from another origin, so every other source is 'self'.
 *
 * style-src keeps 'unsafe-inline': React style attributes, Observable Plot's inline SVG styles
 * and Monaco's injected <style> elements carry no nonce, and a nonce in style-src would switch
 * 'unsafe-inline' off. Styles cannot run code; scripts are where the nonce matters.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    // 3Dmol.js reads its canvas back as data: URLs; GraphiQL/Monaco ship icon fonts inline.
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // Monaco's language workers are same-origin chunks (graphiql/setup-workers).
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every response of the site carries (pages, API proxy, downloads, static files). */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** True when a path has a `%` not followed by two hex digits, or escapes that are not UTF-8. */
export function malformedPercentEncoding(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
