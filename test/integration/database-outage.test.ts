import { embeddedOptions } from '../../server/src/db/database';
import { startEmbeddedNeo4j } from '../../server/src/db/neo4j-launcher';
import { gql } from '../helpers/graphql';
import { startTestStack, type TestStack } from '../helpers/stack';

// Its own stack: this test stops and restarts Neo4j, which must not disturb the shared one.
let stack: TestStack;
let restarted: Awaited<ReturnType<typeof startEmbeddedNeo4j>> | undefined;

beforeAll(async () => {
  stack = await startTestStack({ NEO4J_ACQUIRE_TIMEOUT_MS: '2000' });
}, 180000);

afterAll(async () => {
  await restarted?.stop();
  await stack?.stop();
}, 60000);

const query = '{ clusters(filter: {formula: "Ta3S*"}) { totalCount } }';
// Never asked while the database was up, so the read cache cannot answer it.
const uncached = '{ clusters(filter: {formula: "Mo?S*"}) { totalCount } }';

it('answers SERVICE_UNAVAILABLE while Neo4j is down, keeps running, and recovers when it is back', async () => {
  const up = await gql(query, {}, stack.api.url);
  expect(up.body.data!.clusters.totalCount).toBeGreaterThan(0);

  await stack.db.embedded!.stop();
  const down = await gql(uncached, {}, stack.api.url);
  expect(down.status).toBe(503);
  expect(down.body.errors![0].extensions!.code).toBe('SERVICE_UNAVAILABLE');
  expect(down.body.errors![0].message).not.toMatch(/bolt|neo4j:\/\/|ECONNREFUSED|MATCH/i);
  const health = await fetch(`${stack.api.url}/health`);
  expect(health.status).toBe(503);
  // The catalog only changes with the dataset version: what was answered stays answerable.
  const cached = await gql(query, {}, stack.api.url);
  expect(cached.status).toBe(200);
  expect(cached.body.data!.clusters.totalCount).toBe(up.body.data!.clusters.totalCount);

  restarted = await startEmbeddedNeo4j(embeddedOptions(stack.cfg, () => undefined));
  let again = await gql(query, {}, stack.api.url);
  // The driver may hand out one stale pooled connection before it notices the new server.
  for (let i = 0; i < 5 && again.status !== 200; i++) again = await gql(query, {}, stack.api.url);
  expect(again.status).toBe(200);
  expect(again.body.data!.clusters.totalCount).toBe(up.body.data!.clusters.totalCount);
}, 240000);
