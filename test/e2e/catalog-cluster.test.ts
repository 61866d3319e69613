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

test('Mo5S2⁻ shows its series (Mo–S anions) with itself highlighted, and a point opens its neighbour', async () => {
  await page.goto(`${webUrl}/clusters/Mo5S2-anion`);
  const plot = page.locator('[data-testid="series-plot"]');
  await expect(plot.locator('[data-series-point="Mo5S2-anion"]').getAttribute('aria-current')).resolves.toBe('true');
  const points = await plot.locator('[data-series-point]').evaluateAll((els) => els.map((e) => e.getAttribute('data-series-point')));
  // Same elements and charge only: every Mo–S anion, and nothing with C.
  expect(points).toEqual(expect.arrayContaining(['Mo4S2-anion', 'Mo6S2-anion', 'Mo5S-anion']));
  for (const id of points) expect(id).toMatch(/^Mo\d*S\d*-anion$/);
  await screenshot(page, 'cluster-series-1280');
  await plot.locator('a[data-series-point="Mo6S2-anion"]').click();
  await page.waitForURL(/\/clusters\/Mo6S2-anion$/);
});

test('k1 is shown with the significant figures of the source (1.5 × 10⁻¹⁰ for Mo5S2⁻)', async () => {
  await page.goto(`${webUrl}/clusters/Mo5S2-anion`);
  await expect(page.locator('section[aria-labelledby="measurements-heading"] .sci').first().textContent()).resolves.toBe('1.5 × 10−10');
});

test('the Cite box gives text, BibTeX and RIS with a permalink pinned to the dataset version', async () => {
  await page.goto(`${webUrl}/clusters/Ta3H4-anion`);
  const permalink = await page.locator('[data-testid="permalink"]').getAttribute('href');
  const version = new URL(permalink!).searchParams.get('v');
  expect(version).toBeTruthy();
  expect(new URL(permalink!).pathname).toBe('/clusters/Ta3H4-anion');
  await expect(page.locator('[data-testid="cite-text"]').textContent()).resolves.toContain(`dataset version ${version}`);
  await expect(page.locator('[data-testid="cite-text"]').textContent()).resolves.toContain('doi:10.1021/acscatal.5c01379');
  await expect(page.locator('[data-testid="cite-bibtex"]').textContent()).resolves.toMatch(/^@misc\{clusteratlas_Ta3H4_anion,/);
  await expect(page.locator('[data-testid="cite-ris"]').textContent()).resolves.toMatch(/^TY {2}- DATA/);
  // The permalink opens the same record; a link pinned to another version says so.
  await page.goto(permalink!);
  await expect(page.locator('[data-testid="version-mismatch"]').count()).resolves.toBe(0);
  await page.goto(`${webUrl}/clusters/Ta3H4-anion?v=old-version`);
  await expect(page.locator('[data-testid="version-mismatch"]').textContent()).resolves.toContain('old-version');
});

test('φ above 1 is explained where it occurs (Mo8S4C⁻)', async () => {
  await page.goto(`${webUrl}/clusters/Mo8S4C-anion`);
  await expect(page.locator('[data-testid="phi-note"]').textContent()).resolves.toMatch(/capture-limited/);
  await page.goto(`${webUrl}/clusters/Mo4S2-anion`);
  await expect(page.locator('[data-testid="phi-note"]').count()).resolves.toBe(0);
});

test('the about page states the licences, α(N₂), the k_L formula, and carries schema.org Dataset metadata', async () => {
  await page.goto(`${webUrl}/about`);
  // The page streams in after its loading state.
  await page.locator('#licence').waitFor();
  const text = await page.locator('main').textContent();
  expect(text).toContain('CC BY 4.0');
  expect(text).toContain('α(N₂) = 1.74 Å³');
  expect(text).toMatch(/k\s*L = 2π q √\(α \/ μ\)/);
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld['@type']).toBe('Dataset');
  expect(ld.license).toBe('https://creativecommons.org/licenses/by/4.0/');
  expect(ld.version).toBeTruthy();
  expect(ld.isBasedOn.identifier).toBe('https://doi.org/10.1021/acscatal.5c01379');
});
