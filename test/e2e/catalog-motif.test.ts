/// <reference lib="dom" />
import { openBrowser, screenshot, watchErrors, type Page, type Session } from './helpers/browser';
import { webStack } from './helpers/stack-info';

const { webUrl } = webStack();
let session: Session;
let page: Page;
let errors: string[];

beforeAll(async () => {
  session = await openBrowser();
  page = await session.context.newPage();
  errors = watchErrors(page);
});
afterAll(async () => session?.close());
afterEach(() => expect(errors).toEqual([]));

test('the ring example M1-M-M1 finds metal triangles, counting each triangle once', async () => {
  await page.goto(`${webUrl}/motif`);
  await page.locator('#motif-examples a', { hasText: 'M1-M-M1' }).click();
  await page.waitForURL((url) => url.searchParams.get('p') === 'M1-M-M1');
  await expect(page.locator('#motif-results').textContent()).resolves.toMatch(/^\d+ clusters? contains? M1-M-M1$/);
  // Each triangle (three atoms, three bonds) is one distinct match with 6 mappings, its symmetries.
  const counts = await page.locator('[data-testid="match-counts"]').allTextContents();
  expect(counts.length).toBeGreaterThan(0);
  for (const text of counts) {
    const [, distinct, mappings] = /^(\d+) distinct match(?:es)? \((\d+) mappings?\)/.exec(text)!;
    expect(Number(distinct)).toBeGreaterThan(0);
    expect(Number(mappings)).toBe(6 * Number(distinct));
  }
  await screenshot(page, 'motif-ring');
});

test('M-S-M on Fe3S⁻ shows 3 distinct bridges and their 6 mappings, atoms numbered from 1', async () => {
  await page.goto(`${webUrl}/motif?p=${encodeURIComponent('M-S-M')}`);
  const hit = page.locator('[data-motif-hit="Fe3S-anion"]');
  await expect(hit.locator('[data-testid="match-counts"]').textContent()).resolves.toMatch(/^3 distinct matches \(6 mappings\)/);
  const listed = await hit.locator('[data-testid="distinct-matches"] li').allTextContents();
  expect(listed).toHaveLength(3);
  // Fe3S has four atoms; 1-based numbers run from 1 to 4, never 0.
  for (const m of listed) expect(m).toMatch(/^Fe[1-4]–S[1-4]–Fe[1-4]$/);
});

test('motif results page forward and back, stating the position', async () => {
  await page.goto(`${webUrl}/motif?p=${encodeURIComponent('M-X')}`);
  const range = page.locator('[data-testid="motif-range"]');
  const first = await range.textContent();
  const total = Number(/of (\d+)\./.exec(first ?? '')?.[1]);
  expect(total).toBeGreaterThan(20);
  expect(first).toMatch(/^Clusters 1–10 of /);
  const firstIds = await page.locator('[data-motif-hit]').evaluateAll((els) => els.map((e) => e.getAttribute('data-motif-hit')));
  await page.locator('nav[aria-label="Motif result pages"] a', { hasText: 'Next' }).click();
  await page.waitForURL((url) => url.searchParams.has('after'));
  await expect(range.textContent()).resolves.toMatch(new RegExp(`^Clusters 11–20 of ${total}\\.`));
  await page.locator('nav[aria-label="Motif result pages"] a', { hasText: 'Previous' }).click();
  await page.waitForURL((url) => !url.searchParams.has('after'));
  await expect(page.locator('[data-motif-hit]').evaluateAll((els) => els.map((e) => e.getAttribute('data-motif-hit')))).resolves.toEqual(firstIds);
});
