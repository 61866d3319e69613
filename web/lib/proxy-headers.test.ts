import { copyRequestHeaders, copyResponseHeaders, forwardedFor, mediaType } from './proxy-headers';
import { malformedPercentEncoding } from './security-headers';

function names(h: Headers): string[] {
  const out: string[] = [];
  h.forEach((_v, k) => out.push(k));
  return out;
}

describe('proxy headers', () => {
  test('media types are compared without parameters or case', () => {
    expect(mediaType('Application/JSON; charset=utf-8')).toBe('application/json');
    expect(mediaType('text/plain;charset=UTF-8')).toBe('text/plain');
    expect(mediaType('')).toBeNull();
    expect(mediaType(null)).toBeNull();
  });

  test('X-Forwarded-For keeps the last ten entries: the trustworthy ones are at the end', () => {
    const chain = Array.from({ length: 50 }, (_, i) => `10.0.0.${i}`).join(', ');
    expect(forwardedFor(new Headers({ 'x-forwarded-for': `${chain}, 198.51.100.4` }))).toBe(
      `${Array.from({ length: 9 }, (_, i) => `10.0.0.${41 + i}`).join(', ')}, 198.51.100.4`,
    );
    expect(forwardedFor(new Headers({ 'x-forwarded-for': ' , ,' }))).toBeNull();
    expect(forwardedFor(new Headers())).toBeNull();
  });

  test('only caching, conditional, rate-limit and version headers cross', () => {
    const up = copyRequestHeaders(new Headers({ 'if-none-match': '"a"', cookie: 'x=1', authorization: 'Bearer t', 'apollo-require-preflight': '1' }));
    expect(names(up).sort()).toEqual(['apollo-require-preflight', 'if-none-match']);
    const down = copyResponseHeaders(
      new Headers({
        etag: '"a"',
        'set-cookie': 'y=2',
        'ratelimit-policy': '100;w=60',
        'x-ratelimit-reset': '5',
        'retry-after': '5',
        server: 'x',
        'content-encoding': 'br',
      }),
    );
    expect(names(down).sort()).toEqual(['etag', 'ratelimit-policy', 'retry-after', 'x-ratelimit-reset']);
  });

  test('percent-encoding that cannot be decoded is recognised', () => {
    for (const bad of ['/download/%zz', '/a/%', '/a/%E0%A4%A', '/a/%C0%AF']) expect(malformedPercentEncoding(bad)).toBe(true);
    for (const good of ['/download/clusters.json', '/clusters/Mo5S2-anion', '/a/%20b', '/a/%E2%82%AC']) expect(malformedPercentEncoding(good)).toBe(false);
  });
});
