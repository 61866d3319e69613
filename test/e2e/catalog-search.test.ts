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

const search = (q: string) => page.goto(`${webUrl}/?q=${encodeURIComponent(q)}`);
const labels = () => page.locator('.results tbody tr td:first-child a').evaluateAll((links) => links.map((a) => a.getAttribute('aria-label') ?? ''));

test.each(['Mo5S2-', 'Mo5S2⁻', 'Mo5S2^-', 'Mo5S2 anion', 'mo5s2-'])('the ion written as %j finds Mo5S2⁻ and says what it understood', async (q) => {
  await search(q);
  await expect(page.locator('[data-testid="understood"]').first().textContent()).resolves.toBe('Mo5S2, charge −1 (anion)');
  await expect(labels()).resolves.toEqual(['Mo5S2 anion']);
});

test('lower-case symbols are read when there is one reading, and the page says so', async () => {
  await search('ta3h4');
  await expect(page.locator('[data-testid="case-note"]').textContent()).resolves.toBe('Read ta3h4 as Ta3H4.');
  await expect(labels()).resolves.toEqual(['Ta3H4 anion']);
  await screenshot(page, 'search-case-corrected');
});

test('an ambiguous lower-case composition asks, offering each reading as a link, and the facets stay', async () => {
  await search('co3h2-');
  const error = page.locator('#formula-error');
  await expect(error.textContent()).resolves.toMatch(/^Composition “co3h2-”: can be read as Co3H2- or CO3H2-/);
  await expect(error.textContent()).resolves.not.toMatch(/filter\./);
  // The sidebar keeps its options although the search itself could not run.
  await expect(page.locator('input[name="charge"]').count()).resolves.toBeGreaterThanOrEqual(2);
  await expect(page.locator('input[name="el"]').count()).resolves.toBeGreaterThanOrEqual(10);
  await screenshot(page, 'search-ambiguous');
  await error.getByRole('link', { name: 'Co3H2-', exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === 'Co3H2-');
  await expect(labels()).resolves.toEqual(['Co3H2 anion']);
});

test('a result page states its range of the total', async () => {
  await page.goto(`${webUrl}/`);
  const first = await page.locator('[data-testid="result-range"]').textContent();
  const total = Number(/of (\d+)$/.exec(first ?? '')?.[1]);
  expect(first).toBe(`1–25 of ${total}`);
  await page.locator('.pager a', { hasText: 'Next' }).click();
  await page.waitForURL((url) => url.searchParams.has('after'));
  await expect(page.locator('[data-testid="result-range"]').textContent()).resolves.toBe(`26–50 of ${total}`);
});

test('a search exports exactly its results, through the site, as CSV and JSON', async () => {
  await search('Mo?S2-');
  const heading = await page.locator('#results-heading').textContent();
  const total = Number(/^(\d+)/.exec(heading ?? '')?.[1]);
  const links = page.locator('[data-testid="export-links"] a');
  const csvHref = await links.filter({ hasText: 'CSV' }).getAttribute('href');
  const csv = await page.request.get(`${webUrl}${csvHref}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-disposition']).toMatch(/export\.csv/);
  const lines = (await csv.text()).trim().split('\n');
  expect(lines).toHaveLength(total + 1);
  expect(lines[0]).toMatch(/^id,formula,charge,.*log10_k1.*heldout_.*dataset_version$/);
  for (const line of lines.slice(1)) expect(line).toMatch(/^Mo\d*S2-anion,/);
  const json = await (await page.request.get(`${webUrl}${await links.filter({ hasText: 'JSON' }).getAttribute('href')}`)).json();
  expect(json.clusters).toHaveLength(total);
  expect(json.howToCite.measurements.doi).toBe('10.1021/acscatal.5c01379');
});

test('bulk structure and out-of-fold downloads come through the site', async () => {
  for (const file of ['structures.extxyz', 'structures-xyz.tar.gz', 'oof-predictions.json']) {
    const res = await page.request.get(`${webUrl}/download/${file}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['x-dataset-version']).toBeTruthy();
  }
});

test('a shared compare link asks before replacing the visitor’s own picks', async () => {
  // This browser's own picks: Ta3S2 and Mo5S2 (picked from a search).
  await page.goto(`${webUrl}/?q=Ta3S2`);
  await page.evaluate(() => window.localStorage.removeItem('clusteratlas:compare'));
  await page.reload();
  await page.locator('button[data-compare-id="Ta3S2-neutral"]').click();
  await page.goto(`${webUrl}/?q=Mo5S2`);
  await page.locator('button[data-compare-id="Mo5S2-anion"]').click();
  // A colleague's link with other clusters.
  await page.goto(`${webUrl}/compare?ids=V3C4-anion,Fe3S-anion,Rh3-anion,Ta3H4-anion`);
  const ask = page.locator('[data-testid="replace-picks"]');
  await expect(ask.textContent()).resolves.toContain('Ta3S2, Mo5S2');
  const stored = () => page.evaluate(() => JSON.parse(window.localStorage.getItem('clusteratlas:compare') ?? '[]').map((p: { id: string }) => p.id));
  await expect(stored()).resolves.toEqual(['Ta3S2-neutral', 'Mo5S2-anion']);
  await screenshot(page, 'compare-four-1280');
  // Four columns fit at 1280 px: the table is no wider than its container.
  const fits = await page.locator('.compare-table').evaluate((t) => t.scrollWidth <= (t.parentElement?.clientWidth ?? 0) + 1);
  expect(fits).toBe(true);
  await ask.locator('button', { hasText: 'Keep my picks' }).click();
  await expect(stored()).resolves.toEqual(['Ta3S2-neutral', 'Mo5S2-anion']);
  await page.reload();
  await ask.locator('button', { hasText: 'Replace my picks' }).click();
  await expect(stored()).resolves.toEqual(['V3C4-anion', 'Fe3S-anion', 'Rh3-anion', 'Ta3H4-anion']);
});

test('compare stacks on a phone: 3D views in one column, no page-wide horizontal overflow', async () => {
  const phone = await session.context.newPage();
  await phone.setViewportSize({ width: 375, height: 800 });
  await phone.goto(`${webUrl}/compare?ids=V3C4-anion,Fe3S-anion,Rh3-anion,Ta3H4-anion`);
  await phone.locator('[data-compare-structure]').nth(3).waitFor();
  const lefts = await phone.locator('[data-compare-structure]').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
  expect(new Set(lefts).size).toBe(1);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await screenshot(phone, 'compare-four-375');
  await phone.close();
});

test('the periodic-table picker enables only the catalog’s elements, with counts, and filters by them', async () => {
  await page.goto(`${webUrl}/`);
  const enabled = await page.locator('.ptable [data-element]').evaluateAll((els) => els.map((e) => e.getAttribute('data-element')));
  // The catalog's elements (Mou et al.): ten of them, and nothing else can be ticked.
  expect(enabled.sort()).toEqual(['C', 'Co', 'Fe', 'H', 'Mo', 'N', 'Rh', 'S', 'Ta', 'V']);
  await expect(page.locator('.ptable .is-absent', { hasText: /^Au$/ }).count()).resolves.toBe(1);
  await expect(page.locator('.ptable input').count()).resolves.toBe(10);
  const rhCount = Number(await page.locator('.ptable [data-element="Rh"] .ptable-count').evaluate((e) => e.firstChild?.textContent));
  expect(rhCount).toBeGreaterThan(0);
  await page.locator('.ptable [data-element="Rh"] input').check();
  await page.waitForURL((url) => url.searchParams.getAll('el').includes('Rh'));
  const heading = await page.locator('#results-heading').textContent();
  expect(Number(/^(\d+)/.exec(heading ?? '')?.[1])).toBe(rhCount);
  await screenshot(page, 'search-ptable-1280');
});
