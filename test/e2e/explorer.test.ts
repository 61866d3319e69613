/// <reference lib="dom" />
import { openBrowser, watchErrors, type Session } from './helpers/browser';
import { webStack } from './helpers/stack-info';
import { EXAMPLE_QUERIES } from '../../web/lib/api/examples';

const { webUrl } = webStack();
let session: Session;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(async () => session?.close());

test.each(EXAMPLE_QUERIES)('the explorer example "$title" runs against the live API without errors', async ({ query, variables }) => {
  const res = await fetch(`${webUrl}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables: variables ? JSON.parse(variables) : {} }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: unknown };
  expect(body.errors).toBeUndefined();
  expect(body.data).toBeTruthy();
});

test('GraphiQL loads from the site itself and runs the first example', async () => {
  const page = await session.context.newPage();
  const errors = watchErrors(page);
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(webUrl) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url());
  });
  // The explorer learns the schema as any client does: the standard introspection query, answered by the API.
  const introspection = page.waitForResponse((r) => r.url() === `${webUrl}/api/graphql` && (r.request().postData() ?? '').includes('__schema'), {
    timeout: 60000,
  });
  await page.goto(`${webUrl}/explorer`);
  await page.locator('.graphiql-container').waitFor();
  const introspected = await introspection;
  expect(introspected.status()).toBe(200);
  const schemaBody = (await introspected.json()) as {
    data?: { __schema?: { queryType: { name: string }; types: Array<{ name: string; fields: Array<{ name: string }> | null }> } };
    errors?: unknown;
  };
  expect(schemaBody.errors).toBeUndefined();
  const queryType = schemaBody.data!.__schema!.types.find((t) => t.name === schemaBody.data!.__schema!.queryType.name);
  expect(queryType?.fields?.map((f) => f.name)).toEqual(expect.arrayContaining(['clusters', 'limits', 'predict']));
  // Monaco mounts the query editor asynchronously (its workers load after GraphiQL renders);
  // a click before the editor holds the example runs nothing, so wait for the text itself.
  await page.locator('.graphiql-query-editor .view-lines', { hasText: 'SearchByFormula' }).waitFor({ timeout: 60000 });
  const response = page.locator('.graphiql-response', { hasText: 'totalCount' });
  for (let attempt = 0; attempt < 6 && !(await response.isVisible()); attempt++) {
    await page.locator('.graphiql-execute-button').click();
    await response.waitFor({ timeout: 10000 }).catch(() => undefined);
  }
  await response.waitFor({ timeout: 1000 });
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
});
