/// <reference lib="dom" />
import { randomBytes } from 'node:crypto';
import { usersCli } from './helpers/users-cli';
import { openBrowser, screenshot, seriousViolations, watchErrors, type Session } from './helpers/browser';
import { webStack } from './helpers/stack-info';

/**
 * Signing in on the website with a key made by `npm run users`, managing a contributor as a
 * curator, and signing out, in Chromium against the built API and site.
 */
const stack = webStack();
const { webUrl } = stack;
const apiService = stack.services.find((s) => s.name === 'api')!;
const KEY = /ca_[0-9a-f]{16}_[A-Za-z0-9_-]{43}/;

async function viewerWith(key: string): Promise<{ status: number; name: string | null }> {
  const res = await fetch(apiService.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: '{ viewer { name } }' }),
  });
  const body = (await res.json()) as { data?: { viewer: { name: string } | null } | null };
  return { status: res.status, name: body.data?.viewer?.name ?? null };
}

describe('website sign-in and account management', () => {
  let session: Session;
  const run = randomBytes(3).toString('hex');
  const curatorName = `e2e-curator-${run}`;
  const contributorName = `e2e-contrib-${run}`;
  let curatorKey: string;

  beforeAll(async () => {
    const out = await usersCli(stack, ['create-user', '--name', curatorName, '--role', 'curator']);
    curatorKey = KEY.exec(out)![0];
    session = await openBrowser();
  }, 120_000);
  afterAll(async () => session?.close());

  test('a curator signs in with a key, manages a contributor, and signs out', async () => {
    const page = await session.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${webUrl}/sign-in`);
    await expect(page.getByTestId('session-indicator').textContent()).resolves.toBe('Sign in');

    await page.getByLabel('API key', { exact: true }).fill(curatorKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in-as').waitFor();
    expect(await page.getByTestId('signed-in-as').textContent()).toBe(`Signed in as ${curatorName} (curator).`);
    // The header is a server component: it shows the session after the refresh.
    await page.getByTestId('session-indicator').filter({ hasText: curatorName }).waitFor();
    expect(await page.getByTestId('session-indicator').textContent()).toBe(`Signed in as ${curatorName} (curator)`);
    expect(await page.locator('body').textContent()).not.toContain(curatorKey);
    await screenshot(page, 'sign-in-signed-in');
    expect(await seriousViolations(page)).toEqual([]);

    // The cookie is the API's: HttpOnly (scripts cannot read it), SameSite=Strict, whole site.
    const cookies = await session.context.cookies(webUrl);
    const cookie = cookies.find((c) => c.name === 'ca_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', secure: false });
    expect(await page.evaluate(() => document.cookie)).not.toContain('ca_session');

    // A change sent with the cookie alone, as a forged request would be, is refused.
    const forged = await page.evaluate(async () => {
      const r = await fetch('/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation { createUser(input: {name: "forged-by-script", role: CONTRIBUTOR}) { user { id } } }' }),
      });
      return { status: r.status, code: ((await r.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code };
    });
    expect(forged).toEqual({ status: 403, code: 'CSRF_TOKEN_INVALID' });

    await page.getByRole('link', { name: 'Manage accounts and keys' }).click();
    await page.getByRole('heading', { name: 'New account' }).waitFor();
    // Curators create contributors only.
    await expect(page.getByLabel('Role').isDisabled()).resolves.toBe(true);
    await page.getByLabel('Name').fill(contributorName);
    await page.getByLabel('Key label').fill('bench laptop');
    await page.getByRole('button', { name: 'Create account and key' }).click();
    await page.getByTestId('new-key').waitFor();
    const contributorKey = KEY.exec((await page.getByTestId('new-key').textContent())!)![0];
    const row = page.getByTestId(`user-${contributorName}`);
    await row.waitFor();
    expect(await row.textContent()).toContain('contributor');
    await screenshot(page, 'account-users');
    expect(await seriousViolations(page)).toEqual([]);
    await expect(viewerWith(contributorKey)).resolves.toEqual({ status: 200, name: contributorName });

    // Shown once: a reload shows the key's id, never the key.
    await page.reload();
    await row.waitFor();
    expect(await page.locator('body').textContent()).not.toContain(contributorKey);
    expect(await row.textContent()).toContain(contributorKey.slice(3, 19));

    await row.getByRole('button', { name: 'Revoke bench laptop' }).click();
    await row.getByText(/revoked/).waitFor();
    await expect(viewerWith(contributorKey)).resolves.toMatchObject({ status: 401 });

    await row.getByRole('button', { name: `Disable ${contributorName}` }).click();
    await row.getByRole('button', { name: `Enable ${contributorName}` }).waitFor();
    expect(await row.textContent()).toContain('disabled');

    await page.goto(`${webUrl}/sign-in`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key', { exact: true }).waitFor();
    await page.getByTestId('session-indicator').filter({ hasText: 'Sign in' }).waitFor();
    expect((await session.context.cookies(webUrl)).find((c) => c.name === 'ca_session')).toBeUndefined();
    expect(errors).toEqual([]);
  }, 120_000);

  test('a contributor is told that account management needs the curator role', async () => {
    const out = await usersCli(stack, ['create-user', '--name', `e2e-reader-${run}`, '--role', 'contributor']);
    const key = KEY.exec(out)![0];
    const page = await session.context.newPage();
    await page.goto(`${webUrl}/sign-in`);
    await page.getByLabel('API key', { exact: true }).fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in-as').waitFor();
    expect(await page.getByRole('link', { name: 'Manage accounts and keys' }).count()).toBe(0);
    await page.goto(`${webUrl}/account/users`);
    await page.getByText('Managing accounts needs the curator role').waitFor();
  }, 60_000);

  test('a wrong key is refused on the page without being shown back', async () => {
    const fresh = await openBrowser();
    try {
      const page = await fresh.context.newPage();
      await page.goto(`${webUrl}/sign-in`);
      const wrong = `ca_0123456789abcdef_${'A'.repeat(43)}`;
      await page.getByLabel('API key', { exact: true }).fill(wrong);
      await page.getByRole('button', { name: 'Sign in' }).click();
      // Next's route announcer is an (empty) alert too.
      const alert = page.locator('p[role="alert"]');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('API key not accepted');
      expect(await page.locator('body').textContent()).not.toContain(wrong);
    } finally {
      await fresh.close();
    }
  }, 60_000);
});
