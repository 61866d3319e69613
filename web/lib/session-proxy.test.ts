import { copySessionRequestHeaders, copySessionSetCookies, sessionCookie } from './session-proxy';

describe('session headers through the site proxy', () => {
  test('only the API session cookie goes up, never the other cookies of the origin', () => {
    const up = copySessionRequestHeaders(new Headers({ cookie: 'theme=dark; ca_session=s%3Aabc.def; other=1', 'x-csrf-token': 'f00d' }), new Headers());
    expect(up.get('cookie')).toBe('ca_session=s%3Aabc.def');
    expect(up.get('x-csrf-token')).toBe('f00d');
    expect(sessionCookie(new Headers({ cookie: 'theme=dark' }))).toBeNull();
    expect(sessionCookie(new Headers({ cookie: 'xca_session=1; ca_sessionx=2' }))).toBeNull();
    expect(sessionCookie(new Headers({ cookie: `ca_session=${'a'.repeat(500)}` }))).toBeNull();
    expect(copySessionRequestHeaders(new Headers({ 'x-csrf-token': 'x'.repeat(1000) }), new Headers()).has('x-csrf-token')).toBe(false);
  });

  test('only the session Set-Cookie comes back down', () => {
    const from = new Headers();
    from.append('set-cookie', 'ca_session=s%3Aabc.def; Path=/; HttpOnly; SameSite=Strict');
    from.append('set-cookie', 'tracking=1; Path=/');
    const down = copySessionSetCookies(from, new Headers());
    expect(down.getSetCookie()).toEqual(['ca_session=s%3Aabc.def; Path=/; HttpOnly; SameSite=Strict']);
  });
});
