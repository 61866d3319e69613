/// <reference lib="dom" />
import { openBrowser, screenshot, seriousViolations, watchErrors, type Page, type Session } from './helpers/browser';
import { webStack } from './helpers/stack-info';

const { webUrl } = webStack();

interface PageCase {
  name: string;
  path: string;
  /** What must be on screen before the page counts as drawn. */
  ready: (page: Page) => Promise<unknown>;
}

const PAGES: PageCase[] = [
  { name: 'home', path: '/', ready: (p) => p.locator('.results tbody tr').first().waitFor() },
  { name: 'search-Ta3S', path: '/?q=Ta3S*&sort=log10k1&dir=desc', ready: (p) => p.locator('.results tbody tr').first().waitFor() },
  // Structured pages are drawn when their 3D view is (or when they say no structure exists yet).
  {
    name: 'cluster',
    path: '/clusters/Mo5S2-anion',
    ready: (p) => p.locator('.viewer-canvas[data-viewer-ready="true"], [data-not-available="Computed structure"]').first().waitFor({ timeout: 30000 }),
  },
  { name: 'compare', path: '/compare?ids=Ta3S2-neutral,Mo5S2-anion,V3C4-anion', ready: (p) => p.locator('.compare-table').waitFor() },
  { name: 'motif-results', path: '/motif?p=Mo-S-Mo', ready: (p) => p.locator('h2#motif-results').waitFor() },
  { name: 'compare-empty', path: '/compare', ready: (p) => p.locator('#add-formula').waitFor() },
  { name: 'motif', path: '/motif', ready: (p) => p.locator('h1').waitFor() },
  { name: 'predict', path: '/predict', ready: (p) => p.locator('h1').waitFor() },
  { name: 'trends', path: '/trends?f=Ta-S&f=V-C', ready: (p) => p.locator('[data-plot-status="ready"] svg').first().waitFor() },
  { name: 'explorer', path: '/explorer', ready: (p) => p.locator('.graphiql-container').waitFor() },
  { name: 'about', path: '/about', ready: (p) => p.locator('h2', { hasText: 'How to cite' }).waitFor() },
  { name: 'releases', path: '/releases', ready: (p) => p.getByTestId('release-1').waitFor() },
  // Signed out, the contribution pages say how to sign in instead of showing a form.
  { name: 'submit-signed-out', path: '/submit', ready: (p) => p.getByText('with a contributor key to submit data').waitFor() },
  { name: 'submissions-signed-out', path: '/submissions', ready: (p) => p.getByText('to see your submissions').waitFor() },
  { name: 'not-found', path: '/clusters/Nothing-here', ready: (p) => p.locator('h1', { hasText: 'Not found' }).waitFor() },
];

describe.each([
  { label: 'desktop', viewport: { width: 1280, height: 900 } },
  { label: 'phone', viewport: { width: 375, height: 812 } },
])('every page at $label width', ({ label, viewport }) => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser(viewport);
  });
  afterAll(async () => session?.close());

  test.each(PAGES)('$name renders with no serious or critical axe violations', async ({ name, path, ready }) => {
    const page = await session.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${webUrl}${path}`);
    await ready(page);
    await screenshot(page, `${label}-${name}`);
    expect(await seriousViolations(page)).toEqual([]);
    if (label === 'phone') {
      // Wide tables scroll inside their own box; the page itself must not scroll sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(1);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

test('the keyboard reaches the search box and the first result from the top of the page', async () => {
  const session = await openBrowser();
  try {
    const page = await session.context.newPage();
    await page.goto(`${webUrl}/?q=Ta3S*`, { waitUntil: 'networkidle' });
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    // From main, tabbing forward reaches the composition box before any result link.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    const visited: string[] = [];
    for (let i = 0; i < 10 && visited[visited.length - 1] !== 'q'; i++) {
      await page.keyboard.press('Tab');
      visited.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || ''));
    }
    expect(visited).toContain('q');
  } finally {
    await session.close();
  }
});
