/// <reference lib="dom" />
import { openBrowser, screenshot, watchErrors, type Page, type Session } from './helpers/browser';
import { webStack } from './helpers/stack-info';
import { PREDICT_LIMITS } from '../../server/src/services/prediction.service';

const { webUrl, apiUrl } = webStack();
let session: Session;
let page: Page;
let errors: string[];

async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<{ data: T | null; errors?: Array<{ extensions?: { code?: string } }> }> {
  const send = () => fetch(apiUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  // A read: safe to send again when a pooled connection turned out closed before it was used.
  const res = await send().catch(send);
  return (await res.json()) as { data: T | null; errors?: Array<{ extensions?: { code?: string } }> };
}

let withStructure: { id: string; formula: string; charge: number; structure: { xyz: string; multiplicity: number } } | undefined;

beforeAll(async () => {
  const { data } = await api<{ clusters: { edges: Array<{ node: NonNullable<typeof withStructure> }> } }>(
    '{ clusters(filter: { hasStructure: true }, first: 1) { edges { node { id formula charge structure { xyz multiplicity } } } } }',
  );
  withStructure = data?.clusters.edges[0]?.node;
  session = await openBrowser();
  page = await session.context.newPage();
  errors = watchErrors(page);
});
afterAll(async () => session?.close());
afterEach(() => expect(errors).toEqual([]));

test('the seeded catalog has at least one computed structure to show', () => {
  expect(withStructure).toBeDefined();
});

test('a cluster with a structure draws it in a 3D canvas, and the colouring can change', async () => {
  await page.goto(`${webUrl}/clusters/${withStructure!.id}`);
  const canvas = page.locator('.viewer-canvas canvas');
  await canvas.waitFor({ timeout: 30000 });
  await page.locator('.viewer-canvas[data-viewer-ready="true"]').waitFor();
  const box = await canvas.boundingBox();
  expect(box!.width).toBeGreaterThan(200);
  expect(box!.height).toBeGreaterThan(150);
  // Non-blank: the WebGL drawing has more than one colour.
  const colours = await canvas.evaluate((c: HTMLCanvasElement) => {
    const copy = document.createElement('canvas');
    copy.width = c.width;
    copy.height = c.height;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(c, 0, 0);
    const px = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < px.length; i += 4 * 97) seen.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
    return seen.size;
  });
  expect(colours).toBeGreaterThan(3);
  await page.selectOption('.viewer-toolbar select', 'charge');
  await expect(page.locator('.viewer figcaption').textContent()).resolves.toContain('partial charge');
  await expect(page.locator('button', { hasText: 'XYZ' }).first().isEnabled()).resolves.toBe(true);
  await screenshot(page, 'e2e-cluster-3d');
});

test('motif search M-X (metal bonded to non-metal) lists clusters with the matched atoms highlighted', async () => {
  await page.goto(`${webUrl}/motif`);
  await page.fill('#motif', 'M-X');
  await page.click('form[aria-label="Motif"] button[type="submit"]');
  await page.waitForURL(/\/motif\?p=M-X/);
  const hits = page.locator('[data-motif-hit]');
  await hits.first().waitFor();
  expect(await hits.count()).toBeGreaterThanOrEqual(1);
  const highlighted = await page.locator('[data-motif-highlight]').first().getAttribute('data-motif-highlight');
  expect(highlighted!.split(',')).toHaveLength(2);
  await page.locator('[data-motif-highlight] .viewer-canvas[data-viewer-ready="true"]').first().waitFor({ timeout: 30000 });
  await screenshot(page, 'e2e-motif');
});

test('an invalid motif is explained next to the box', async () => {
  // Syntax errors are caught by the page, element names by the API: both land beside the box.
  await page.goto(`${webUrl}/motif?p=${encodeURIComponent('Mo--S')}`);
  await expect(page.locator('#motif-error').textContent()).resolves.toMatch(/expected an atom at position 4/);
  await page.goto(`${webUrl}/motif?p=${encodeURIComponent('Mo-Qq-S')}`);
  await expect(page.locator('#motif-error').textContent()).resolves.toMatch(/Qq/);
  await expect(page.locator('#motif').getAttribute('aria-invalid')).resolves.toBe('true');
});

test('predict: the form states and checks the atom limit the API reports, not a copy', async () => {
  const { data } = await api<{ limits: { predict: { maxAtoms: number; maxCharge: number } } }>('{ limits { predict { maxAtoms maxCharge } } }');
  const { maxAtoms, maxCharge } = data!.limits.predict;
  expect(maxAtoms).toBe(PREDICT_LIMITS.maxAtoms);
  await page.goto(`${webUrl}/predict`);
  await expect(page.locator('#xyz-help [data-testid="max-atoms"]').textContent()).resolves.toBe(String(maxAtoms));
  await page.fill('#xyz', `${maxAtoms + 1}\ntoo many\n${'C 0 0 0\n'.repeat(maxAtoms + 1)}`);
  await page.click('form button[type="submit"]');
  await expect(page.locator('#xyz-error').textContent()).resolves.toBe(`Line 1 says ${maxAtoms + 1} atoms; at most ${maxAtoms} are accepted.`);
  await page.fill('#xyz', '3\nthree\nMo 0 0 0\nS 2.3 0 0\nMo 4.6 0 0\n');
  await page.fill('#charge', String(-(maxCharge + 1)));
  await page.click('form button[type="submit"]');
  await expect(page.locator('#charge-error').textContent()).resolves.toContain(`between −${maxCharge} and +${maxCharge}`);
  await page.fill('#charge', '-1');
});

test('predict: an invalid XYZ is rejected next to the input', async () => {
  await page.goto(`${webUrl}/predict`);
  await page.fill('#xyz', '2\nbad file\nMo 0 0 0\nZz 1 2 3\n');
  await page.click('form button[type="submit"]');
  await expect(page.locator('#xyz-error').textContent()).resolves.toBe('Line 4: "Zz" is not an element symbol.');
  await expect(page.locator('#xyz').getAttribute('aria-invalid')).resolves.toBe('true');
  await page.fill('#xyz', '3\nthree atoms promised\nMo 0 0 0\nS 2.3 0 0\n');
  await page.click('form button[type="submit"]');
  await expect(page.locator('#xyz-error').textContent()).resolves.toMatch(/says 3 atoms, but 2 atom lines/);
  await expect(page.locator('[data-predict-result]').count()).resolves.toBe(0);
  await screenshot(page, 'e2e-predict-invalid');
});

test('predict: a valid XYZ gives a prediction, or a clear statement that the model is not loaded', async () => {
  const model = await api<{ model: { version: string } }>('{ model { version } }');
  await page.goto(`${webUrl}/predict`);
  await page.fill('#xyz', withStructure!.structure.xyz);
  await page.fill('#charge', String(withStructure!.charge));
  await page.fill('#multiplicity', String(withStructure!.structure.multiplicity));
  await page.click('form button[type="submit"]');
  if (model.data?.model) {
    await page.locator('[data-predict-result="ready"] [data-prediction="ready"]').waitFor({ timeout: 120000 });
    await expect(page.locator('[data-predict-result] [data-prediction="ready"]').getAttribute('data-kind')).resolves.toBe('NEW_STRUCTURE');
    await expect(page.locator('[data-predict-result] [data-prediction-kind]').textContent()).resolves.toBe('new structure');
    await expect(page.locator('[data-predict-result] [data-interval="68"]').textContent()).resolves.toMatch(/^\[−\d+\.\d\d, −\d+\.\d\d\]$/);
    await expect(page.locator('[data-predict-result] [data-interval="95"]').textContent()).resolves.toMatch(/^\[−\d+\.\d\d, −\d+\.\d\d\]$/);
    // No measurement to compare with, so no residual.
    await expect(page.locator('[data-predict-result] [data-residual]').count()).resolves.toBe(0);
    await page.locator('[data-predict-result] .viewer-canvas[data-viewer-ready="true"]').waitFor({ timeout: 30000 });
    expect(await page.locator('[data-predict-result] li a[href^="/clusters/"]').count()).toBeGreaterThan(0);

    // A new, invalid input removes the previous result instead of leaving it under the new input.
    await page.fill('#xyz', '2\nbad file\nMo 0 0 0\nZz 1 2 3\n');
    await page.click('form button[type="submit"]');
    await page.locator('#xyz-error').waitFor();
    await expect(page.locator('[data-predict-result]').count()).resolves.toBe(0);
  } else {
    await expect(page.locator('#predict-error').textContent()).resolves.toContain('model is not loaded');
  }
  await screenshot(page, 'e2e-predict-valid');
});

test('predict: a 50-atom Mo grid is refused plainly as outside the model, with no number shown', async () => {
  const model = await api<{ model: { version: string } }>('{ model { version } }');
  if (!model.data?.model) return; // the refusal needs the model's training ranges
  const grid = Array.from({ length: 50 }, (_, i) => `Mo ${(i % 5) * 2.7} ${(Math.floor(i / 5) % 5) * 2.7} ${Math.floor(i / 25) * 2.7}`);
  await page.goto(`${webUrl}/predict`);
  await page.fill('#xyz', `50\ngrid\n${grid.join('\n')}\n`);
  await page.fill('#charge', '-1');
  await page.fill('#multiplicity', '2');
  await page.click('form button[type="submit"]');
  await expect(page.locator('#predict-refusal').textContent()).resolves.toMatch(/50 atoms is outside the training range 2–13/);
  await expect(page.locator('[data-predict-result]').count()).resolves.toBe(0);
  await screenshot(page, 'e2e-predict-refused');
});

test('with a model served, the cluster page shows the held-out prediction with its kind, both intervals, the domain verdict and attributions', async () => {
  const model = await api<{ model: { version: string } }>('{ model { version } }');
  await page.goto(`${webUrl}/clusters/${withStructure!.id}`);
  if (!model.data?.model) {
    // Without a model the page says so in place of each model-derived section.
    await expect(page.locator('[data-prediction="unavailable"]').textContent()).resolves.toContain('not loaded');
    return;
  }
  const panel = page.locator('[data-prediction="ready"]');
  await expect(panel.getAttribute('data-kind')).resolves.toBe('HELD_OUT');
  await expect(panel.locator('[data-prediction-kind]').textContent()).resolves.toBe('held out (protocol c)');
  await expect(panel.locator('[data-interval="68"]').textContent()).resolves.toMatch(/^\[−\d+\.\d\d, −\d+\.\d\d\]$/);
  await expect(panel.locator('[data-interval="95"]').textContent()).resolves.toMatch(/^\[−\d+\.\d\d, −\d+\.\d\d\]$/);
  // Held out, so the difference to the measurement is meaningful and shown; catalog clusters are in domain.
  await expect(panel.locator('[data-residual]').count()).resolves.toBe(1);
  await expect(panel.locator('[data-domain]').textContent()).resolves.toBe('inside');
  // Every catalog cluster is held out twice: by its fold (a) or the transfer split (b), and by its family (c).
  await expect(page.locator('[data-held-out] tbody tr').count()).resolves.toBe(2);
  await expect(page.locator('[data-held-out] tbody').textContent()).resolves.toMatch(/leave-one-family-out/);
  await page.locator('[data-attributions="ready"] tbody tr').first().waitFor({ timeout: 120000 });
  await page.selectOption('.viewer-toolbar select', 'attribution');
  await expect(page.locator('.viewer figcaption').textContent()).resolves.toContain('Shapley');
  await screenshot(page, 'e2e-cluster-prediction');
});

test('with a model served, trends shows the model card (and the parity plot when out-of-fold predictions exist)', async () => {
  const model = await api<{ model: { version: string } }>('{ model { version } }');
  await page.goto(`${webUrl}/trends`);
  if (!model.data?.model) {
    await expect(page.locator('[data-not-available="Model card"]').count()).resolves.toBe(1);
    return;
  }
  await expect(page.locator('[data-model-card]').getAttribute('data-model-card')).resolves.toBe(model.data.model.version);
  // Calibration plot: one line per protocol, and the nested coverage table beside it.
  await expect(page.locator('[data-calibration-plot] [data-protocol]').count()).resolves.toBe(3);
  await expect(page.locator('[data-coverage-table] tbody tr').count()).resolves.toBe(3);
  await expect(page.locator('[data-model-card]').textContent()).resolves.toMatch(/per-metal additive/);
  // Every protocol's table gives RMSE over the seed repeats (mean ± sd) and the family-mean reference.
  await expect(page.locator('[data-model-card] th', { hasText: /^RMSE over 3 seeds$/ }).count()).resolves.toBe(3);
  await expect(page.locator('[data-model-card]').textContent()).resolves.toMatch(/\d\.\d{3} ± \d\.\d{3}/);
  await expect(page.locator('[data-family-mean-oracle]').count()).resolves.toBe(3);
  const parity = page.locator('[data-parity-points]');
  if (await parity.count()) {
    await page.locator('[data-parity-points] [data-plot-status="ready"], [data-parity-points][data-plot-status="ready"]').first().waitFor();
    expect(Number(await parity.getAttribute('data-parity-points'))).toBeGreaterThan(10);
  }
  await screenshot(page, 'e2e-trends-model');
});
