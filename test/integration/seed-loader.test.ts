import neo4j, { type Driver } from 'neo4j-driver';
import path from 'node:path';
import { loadCatalog } from '../../server/src/load/catalog-loader';
import { Executor } from '../../server/src/db/executor';
import { applyMigrations } from '../../server/src/db/migrations';
import { readSeedBundle } from '../../server/src/load/seed-file';
import { stackInfo } from '../helpers/stack-info';

const ROOT = path.join(__dirname, '..', '..');
let driver: Driver;
let executor: Executor;

beforeAll(() => {
  const info = stackInfo();
  driver = neo4j.driver(info.boltUri, neo4j.auth.basic(info.neo4jUser, info.neo4jPassword), { disableLosslessIntegers: true });
  executor = new Executor(driver, info.database, 60000);
});
afterAll(() => driver.close());

async function graphCounts() {
  const [row] = await executor.read<{ nodes: Record<string, number>; rels: Record<string, number> }>(
    {
      cypher: `CALL { MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS n ORDER BY l }
WITH collect([l, n]) AS nodes
CALL { MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n ORDER BY t }
WITH nodes, collect([t, n]) AS rels
RETURN nodes, rels`,
      params: {},
    },
    { purpose: 'test counts' },
  );
  return row;
}

describe('seed loader', () => {
  it('running it again leaves the same database (idempotent MERGE)', async () => {
    const before = await graphCounts();
    const bundle = readSeedBundle(path.join(ROOT, 'seed', 'data', 'clusters.json'), path.join(ROOT, 'seed', 'structures', 'data'));
    await loadCatalog(executor, bundle, { batchSize: 50 });
    expect(await graphCounts()).toEqual(before);
    const [cluster] = await executor.read<{ n: number }>({ cypher: 'MATCH (c:Cluster) RETURN count(c) AS n', params: {} }, { purpose: 'test' });
    expect(cluster.n).toBe(216);
  });

  it('applying the schema migrations twice changes nothing', async () => {
    const constraints = async () =>
      (await executor.read<{ name: string }>({ cypher: 'SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name', params: {} }, { purpose: 'test' })).map(
        (r) => r.name,
      );
    const first = await constraints();
    await applyMigrations(executor);
    expect(await constraints()).toEqual(first);
    expect(first).toEqual(expect.arrayContaining(['cluster_version', 'element_symbol', 'atom_id', 'structure_id', 'submission_id', 'release_number']));
  });
});
