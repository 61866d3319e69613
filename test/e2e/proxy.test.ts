import { webStack } from './helpers/stack-info';

const { webUrl } = webStack();

test('the site proxies GraphQL on its own origin, versions included', async () => {
  const res = await fetch(`${webUrl}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query($id: ID!) { cluster(id: $id) { formula charge } }', variables: { id: 'Mo5S2-anion' } }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { data: { cluster: { formula: string; charge: number } }; extensions: { datasetVersion: string } };
  expect(body.data.cluster).toEqual({ formula: 'Mo5S2', charge: -1 });
  expect(body.extensions.datasetVersion).toMatch(/^mou2025-cluster-n2@/);
});

test('API input errors pass through the proxy with their code and position', async () => {
  const res = await fetch(`${webUrl}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ clusters(filter: { formula: "Ta3S(" }) { totalCount } }' }),
  });
  const body = (await res.json()) as { errors: Array<{ extensions: { code: string; argument: string; position: number } }> };
  expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.formula', position: 5 });
});

test('bulk downloads are served from the site origin', async () => {
  const csv = await fetch(`${webUrl}/download/clusters.csv`);
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
  const text = await csv.text();
  expect(text.split('\n')[0]).toMatch(/id/);
  expect(text).toContain('Mo5S2-anion');
  const json = await fetch(`${webUrl}/download/clusters.json`);
  expect(json.status).toBe(200);
  const missing = await fetch(`${webUrl}/download/secrets.txt`);
  expect(missing.status).toBe(404);
});
