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

function rowLinks(p: Page) {
  return p.locator('.results tbody tr td:first-child a');
}

test('search Ta3S* from the composition box puts the search in the URL and lists only Ta3Sy clusters', async () => {
  await page.goto(`${webUrl}/`);
  await page.fill('#q', 'Ta3S*');
  await page.press('#q', 'Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === 'Ta3S*');
  await expect(page.locator('#results-heading').textContent()).resolves.toMatch(/^\d+ clusters? for Ta3S\*/);
  const labels = await rowLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('aria-label') ?? ''));
  expect(labels.length).toBeGreaterThanOrEqual(3);
  // Ta3S* means three Ta and any number of S, nothing else (catalog: Ta3S, Ta3S2, Ta3S3, Ta3S4).
  for (const label of labels) expect(label).toMatch(/^Ta3(S\d*)? (neutral|anion|cation)$/);
  expect(labels).toContain('Ta3S2 neutral');
  // Formulas are typeset: counts as subscripts.
  await expect(page.locator('.results tbody .formula sub').first().textContent()).resolves.toBe('3');
  await screenshot(page, 'e2e-search-Ta3S');
});

test('the shared URL of a search reproduces it, including sorting', async () => {
  await page.goto(`${webUrl}/?q=${encodeURIComponent('Ta3S*')}&sort=log10k1&dir=desc`);
  const values = await page.locator('.results tbody td .rate-cell').allTextContents();
  const numbers = values.map((v) => Number(v.replace('\u2212', '-')));
  expect(numbers.length).toBeGreaterThanOrEqual(3);
  expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
  await expect(page.locator('th[aria-sort="descending"]').textContent()).resolves.toContain('log10');
});

test('invalid composition syntax is explained next to the box, with the position marked', async () => {
  await page.goto(`${webUrl}/?q=${encodeURIComponent('Ta3S(')}`);
  const error = page.locator('#formula-error');
  await expect(error.textContent()).resolves.toMatch(/position 5/);
  await expect(page.locator('#q').getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(page.locator('.caret-line mark').textContent()).resolves.toBe('(');
  await screenshot(page, 'e2e-search-invalid');
});

test('a search with no match says so and offers to clear the filters', async () => {
  await page.goto(`${webUrl}/?q=Ta3S&charge=1`);
  await expect(page.locator('.results').textContent()).resolves.toContain('No cluster matches');
});

test('open a cluster from the results, then add two clusters to compare and see both side by side', async () => {
  await page.goto(`${webUrl}/?q=${encodeURIComponent('Ta3S*')}`);
  await page.locator('.results a[aria-label="Ta3S2 neutral"]').click();
  await page.waitForURL(/\/clusters\/Ta3S2-neutral$/);
  await expect(page.locator('h1').textContent()).resolves.toContain('Ta3S2');
  await expect(page.locator('section[aria-labelledby="measurements-heading"]').textContent()).resolves.toContain('doi:10.1021/acscatal.5c01379');
  await screenshot(page, 'e2e-cluster-Ta3S2');

  // Pick this cluster, then a second one from a search list.
  await page.locator('button[data-compare-id="Ta3S2-neutral"]').click();
  await expect(page.locator('button[data-compare-id="Ta3S2-neutral"]').getAttribute('aria-pressed')).resolves.toBe('true');
  await page.goto(`${webUrl}/?q=Mo5S2`);
  await page.locator('button[data-compare-id="Mo5S2-anion"]').click();
  const tray = page.locator('aside.compare-tray');
  await expect(tray.locator('li').count()).resolves.toBe(2);
  await tray.locator('a', { hasText: 'Compare 2' }).click();
  await page.waitForURL(/\/compare\?ids=/);
  expect(new URL(page.url()).searchParams.get('ids')).toBe('Ta3S2-neutral,Mo5S2-anion');
  await page.locator('.compare-table thead th[data-cluster-id]').nth(1).waitFor();
  const columns = await page.locator('.compare-table thead th[data-cluster-id]').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-cluster-id')));
  expect(columns).toEqual(['Ta3S2-neutral', 'Mo5S2-anion']);
  await screenshot(page, 'e2e-compare-two');
});

test('a compare URL is shareable: it opens in a fresh browser, and clusters can be added by formula and removed', async () => {
  const other = await openBrowser();
  try {
    const p = await other.context.newPage();
    const pageErrors = watchErrors(p);
    await p.goto(`${webUrl}/compare?ids=Ta3S2-neutral,Mo5S2-anion`);
    await expect(p.locator('.compare-table thead th[data-cluster-id]').count()).resolves.toBe(2);
    await p.fill('#add-formula', 'V3C4');
    await p.selectOption('#add-charge', '-1');
    await p.click('form[action="/compare"] button[type="submit"]');
    await p.waitForURL(/ids=Ta3S2-neutral,Mo5S2-anion,V3C4-anion/);
    await expect(p.locator('.compare-table thead th[data-cluster-id]').count()).resolves.toBe(3);
    await p.locator('a[aria-label="Remove Mo5S2 anion from the comparison"]').click();
    await p.waitForURL(/ids=Ta3S2-neutral,V3C4-anion$/);
    await p.fill('#add-formula', 'Zz9');
    await p.click('form[action="/compare"] button[type="submit"]');
    await expect(p.locator('#add-error').textContent()).resolves.toMatch(/Zz9|element/);
    expect(pageErrors).toEqual([]);
  } finally {
    await other.close();
  }
});

test('an unknown cluster id is a 404 page, not a crash', async () => {
  const res = await page.goto(`${webUrl}/clusters/No-such-cluster`);
  expect(res?.status()).toBe(404);
  await expect(page.locator('h1').textContent()).resolves.toBe('Not found');
});
