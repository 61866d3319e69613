import { freePort } from '../helpers/free-port';
import { openBrowser, screenshot, type Session } from './helpers/browser';
import { startWeb, stopServices, type Service } from './helpers/stack';
import { webStack } from './helpers/stack-info';

// A second production server whose API address has nothing listening: the outage path, for real.
let web: Service;
let session: Session;

beforeAll(async () => {
  const deadApi = `http://127.0.0.1:${await freePort()}/graphql`;
  web = await startWeb(webStack().tmpDir, deadApi, 'web-api-down');
  session = await openBrowser();
});
afterAll(async () => {
  await session?.close();
  if (web) await stopServices([web]);
});

test.each(['/', '/clusters/Mo5S2-anion', '/compare?ids=Ta3S2-neutral,Mo5S2-anion', '/trends', '/about'])(
  '%s shows the API-down banner instead of a blank page',
  async (path) => {
    const page = await session.context.newPage();
    const res = await page.goto(`${web.url}${path}`);
    expect(res?.status()).toBeLessThan(500);
    const alerts = await page.locator('[role="alert"]').allTextContents();
    expect(alerts.join(' ')).toContain('The ClusterAtlas API is unavailable');
    await expect(page.locator('header.site-header').isVisible()).resolves.toBe(true);
    if (path === '/') await screenshot(page, 'e2e-api-down');
    await page.close();
  },
);

test('the GraphQL proxy answers 503 SERVICE_UNAVAILABLE when the API is down', async () => {
  const res = await fetch(`${web.url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"query":"{ dataset { version } }"}',
  });
  expect(res.status).toBe(503);
  const body = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
  expect(body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
});
