/// <reference lib="dom" />
import { openBrowser, type Page, type Session } from './helpers/browser';
import { webStack } from './helpers/stack-info';

const { webUrl } = webStack();

interface PageCase {
  path: string;
  /** Only drawn once the page's scripts have run: its chunks loaded under the policy. */
  ready: (page: Page) => Promise<unknown>;
}

// The pages whose scripts do the most: 3Dmol.js (WebGL), Observable Plot (inline SVG styles),
// GraphiQL with Monaco (workers, injected styles, fonts), the hydrated search table.
const PAGES: PageCase[] = [
  { path: '/', ready: (p) => p.locator('.results tbody tr').first().waitFor() },
  {
    path: '/clusters/Mo5S2-anion',
    ready: (p) => p.locator('.viewer-canvas[data-viewer-ready="true"], [data-not-available="Computed structure"]').first().waitFor({ timeout: 30000 }),
  },
  { path: '/trends?f=Ta-S&f=V-C', ready: (p) => p.locator('[data-plot-status="ready"] svg').first().waitFor() },
  { path: '/explorer', ready: (p) => p.locator('.graphiql-container .monaco-editor').first().waitFor({ timeout: 30000 }) },
  { path: '/compare?ids=Ta3S2-neutral,Mo5S2-anion', ready: (p) => p.locator('.compare-table').waitFor() },
  { path: '/motif?p=Mo-S-Mo', ready: (p) => p.locator('h2#motif-results').waitFor() },
  { path: '/predict', ready: (p) => p.locator('h1').waitFor() },
  { path: '/about', ready: (p) => p.locator('h2', { hasText: 'How to cite' }).waitFor() },
  { path: '/clusters/Nothing-here', ready: (p) => p.locator('h1', { hasText: 'Not found' }).waitFor() },
];

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

describe('security headers', () => {
  test.each([
    '/',
    '/clusters/Mo5S2-anion',
    '/explorer',
    '/api/graphql?query=%7Bdataset%7Bversion%7D%7D',
    '/download/clusters.csv',
    '/icon.svg',
    '/no-such-page',
  ])('%s carries nosniff, a frame ban, a referrer policy and a permissions policy', async (path) => {
    const res = await fetch(`${webUrl}${path}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
    expect(res.headers.get('permissions-policy')).toMatch(/geolocation=\(\)/);
    await res.arrayBuffer();
  });

  test('pages get a strict, per-request CSP whose nonce is on every script the server sent', async () => {
    const nonces = new Set<string>();
    for (const path of ['/', '/clusters/Mo5S2-anion', '/explorer', '/trends']) {
      const res = await fetch(`${webUrl}${path}`);
      const csp = res.headers.get('content-security-policy');
      expect(csp).toBeTruthy();
      const d = directives(csp!);
      expect(d.get('frame-ancestors')).toEqual(["'none'"]);
      expect(d.get('object-src')).toEqual(["'none'"]);
      expect(d.get('default-src')).toEqual(["'self'"]);
      expect(d.get('base-uri')).toEqual(["'self'"]);
      const scriptSrc = d.get('script-src')!;
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      const nonce = scriptSrc.find((s) => s.startsWith("'nonce-"))!.slice("'nonce-".length, -1);
      expect(nonce.length).toBeGreaterThanOrEqual(16);
      nonces.add(nonce);
      const html = await res.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    }
    // A nonce that repeats is no nonce.
    expect(nonces.size).toBe(4);
  });

  describe('in Chromium, every page renders under the policy', () => {
    let session: Session;
    beforeAll(async () => {
      session = await openBrowser();
    });
    afterAll(async () => session?.close());

    test.each(PAGES)('$path runs its scripts with no CSP violation', async ({ path, ready }) => {
      const page = await session.context.newPage();
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content[- ]Security[- ]Policy/i.test(m.text())) violations.push(m.text().slice(0, 300));
      });
      await page.exposeFunction('__reportCsp', (v: string) => violations.push(v));
      // Injected by the browser tooling, outside the page's policy: it watches, it is not a page script.
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(`${e.violatedDirective} blocked ${e.blockedURI}`);
        });
      });
      const res = await page.goto(`${webUrl}${path}`);
      expect(res?.headers()['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      await ready(page);
      await page.waitForLoadState('networkidle');
      expect(violations).toEqual([]);
      await page.close();
    });

    test('the policy is enforced: an inline script without the nonce does not run', async () => {
      const page = await session.context.newPage();
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content[- ]Security[- ]Policy/i.test(m.text())) violations.push(m.text());
      });
      await page.goto(`${webUrl}/about`);
      // As an injected <script> would arrive through markup (innerHTML-parsed scripts never run, so use a parsed document).
      await page.evaluate(() => {
        const frame = document.createElement('div');
        frame.innerHTML = '<img src="x" onerror="window.__pwned = true">';
        document.body.append(frame);
      });
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned ?? false)).toBe(false);
      expect(violations.join('\n')).toMatch(/script-src/);
      await page.close();
    });
  });
});
