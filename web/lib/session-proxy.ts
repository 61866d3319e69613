/**
 * What the site's proxies pass for website sessions (the API owns them: server/src/auth/http-auth.ts).
 * Only the API's own session cookie crosses, in both directions, and the CSRF token header
 * goes up; no other cookie of this origin ever reaches the API.
 */
export const SESSION_COOKIE = 'ca_session';
/** A signed express-session id is about 80 characters; anything far longer is not ours. */
const MAX_COOKIE_VALUE = 200;
const MAX_CSRF_TOKEN = 200;

/** `ca_session=<value>` from the browser's Cookie header, or null. */
export function sessionCookie(incoming: Headers): string | null {
  const header = incoming.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return value && value.length <= MAX_COOKIE_VALUE ? `${SESSION_COOKIE}=${value}` : null;
  }
  return null;
}

/** Adds the session cookie and the CSRF token of a browser request to the API request's headers. */
export function copySessionRequestHeaders(from: Headers, to: Headers): Headers {
  const cookie = sessionCookie(from);
  if (cookie) to.set('cookie', cookie);
  const token = from.get('x-csrf-token');
  if (token && token.length <= MAX_CSRF_TOKEN) to.set('x-csrf-token', token);
  return to;
}

/** The API's Set-Cookie lines for the session cookie (sign-in, sign-out), and nothing else. */
export function copySessionSetCookies(from: Headers, to: Headers): Headers {
  for (const line of from.getSetCookie()) if (line.startsWith(`${SESSION_COOKIE}=`)) to.append('set-cookie', line);
  return to;
}
