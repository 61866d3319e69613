import neo4j, { type Driver } from 'neo4j-driver';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bulkImportCatalog, finishBulkImport } from '../../server/src/load/bulk-import';
import { currentDatasetVersion, loadCatalog } from '../../server/src/load/catalog-loader';
import { Executor } from '../../server/src/db/executor';
import { applyMigrations } from '../../server/src/db/migrations';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/src/db/neo4j-launcher';
import { readSeedBundle, type SeedBundle } from '../../server/src/load/seed-file';
import { freePort } from '../helpers/free-port';

/**
 * The offline bulk import and the online loader, each into a fresh embedded store of its own,
 * must leave the same graph: same labels, same nodes with the same property values and types,
 * same relationships between the same nodes.
 */
const ROOT = path.join(__dirname, '..', '..');
const PASSWORD = 'bulk-import-test-1234';
const quiet = () => undefined;

interface Store {
  dir: string;
  server: EmbeddedNeo4j;
  driver: Driver;
  executor: Executor;
}

let bundle: SeedBundle;
const dirs: string[] = [];
const stores: Store[] = [];
let bulk: Store;
let online: Store;

async function startStore(dir: string): Promise<Store> {
  const server = await startEmbeddedNeo4j({
    boltPort: await freePort(),
    dataDir: dir,
    password: PASSWORD,
    heapMb: 512,
    startTimeoutS: 180,
    txTimeoutMs: 120000,
    log: quiet,
  });
  const driver = neo4j.driver(server.uri, neo4j.auth.basic('neo4j', PASSWORD), { disableLosslessIntegers: true });
  const store = { dir, server, driver, executor: new Executor(driver, 'neo4j', 120000) };
  stores.push(store);
  await applyMigrations(store.executor);
  return store;
}

function tempStoreDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clusteratlas-bulk-test-'));
  dirs.push(dir);
  return path.join(dir, 'store');
}

beforeAll(async () => {
  bundle = readSeedBundle(path.join(ROOT, 'seed', 'data', 'clusters.json'), path.join(ROOT, 'seed', 'structures', 'data'));
  const bulkDir = tempStoreDir();
  const result = await bulkImportCatalog(bundle, { dataDir: bulkDir, log: quiet });
  [bulk, online] = await Promise.all([startStore(bulkDir), startStore(tempStoreDir())]);
  await finishBulkImport(bulk.executor, bundle, result);
  await loadCatalog(online.executor, bundle);
}, 600000);

afterAll(async () => {
  for (const store of stores) {
    await store.driver.close();
    await store.server.stop();
  }
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}, 120000);

const PROPS = (v: string) => `[k IN keys(${v}) | [k, ${v}[k], valueType(${v}[k])]]`;
/** The key each catalog node is found by, for naming relationship ends. */
const KEY = (v: string) => `coalesce(${v}.id, ${v}.symbol, ${v}.formula, ${v}.name)`;

/** Canonical text of every row, sorted: what both stores must agree on. */
const canonical = (rows: Array<Record<string, unknown>>) =>
  rows
    .map((row) => {
      const props = (row.props as Array<[string, unknown, string]>).sort((a, b) => a[0].localeCompare(b[0]));
      return JSON.stringify({ ...row, ...(row.labels ? { labels: [...(row.labels as string[])].sort() } : {}), props });
    })
    .sort();

async function counts(store: Store) {
  const [row] = await store.executor.read<{ labels: Array<[string, number]>; types: Array<[string, number]> }>(
    {
      cypher: `CALL { MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS n ORDER BY l }
WITH collect([l, n]) AS labels
CALL { MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n ORDER BY t }
RETURN labels, collect([t, n]) AS types`,
      params: {},
    },
    { purpose: 'test counts' },
  );
  return row;
}

describe('bulk import (neo4j-admin database import full) against the online loader', () => {
  it('holds the same labels and relationship types with the same counts', async () => {
    const [b, o] = await Promise.all([counts(bulk), counts(online)]);
    expect(b).toEqual(o);
    const isomers = [...bundle.structures.values()].flatMap((f) => f.isomers);
    expect(Object.fromEntries(o.labels)).toMatchObject({
      Cluster: 216,
      Measurement: 216,
      Dataset: 1,
      Source: 1,
      Reactant: 1,
      Structure: isomers.length,
      Atom: isomers.reduce((n, i) => n + i.atoms.length, 0),
    });
    expect(o.types.map(([t]) => t)).toEqual(['BOND', 'CONTAINS', 'HAS_ATOM', 'HAS_STRUCTURE', 'OF', 'REPORTED_IN', 'WITH']);
  });

  it('holds the same nodes: labels, property values and property types, label by label', async () => {
    const { labels } = await counts(online);
    for (const [label] of labels) {
      const query = { cypher: `MATCH (n:\`${label}\`) RETURN labels(n) AS labels, ${PROPS('n')} AS props`, params: {} };
      const [b, o] = await Promise.all([bulk.executor.read(query, { purpose: 'test nodes' }), online.executor.read(query, { purpose: 'test nodes' })]);
      expect({ label, nodes: canonical(b) }).toEqual({ label, nodes: canonical(o) });
    }
  });

  it('holds the same relationships between the same nodes, with the same properties', async () => {
    const { types } = await counts(online);
    for (const [type] of types) {
      const query = { cypher: `MATCH (a)-[r:\`${type}\`]->(b) RETURN ${KEY('a')} AS from, ${KEY('b')} AS to, ${PROPS('r')} AS props`, params: {} };
      const [b, o] = await Promise.all([bulk.executor.read(query, { purpose: 'test rels' }), online.executor.read(query, { purpose: 'test rels' })]);
      expect({ type, relationships: canonical(b) }).toEqual({ type, relationships: canonical(o) });
    }
  });

  it('stores numbers as FLOAT, lists as typed lists and keeps empty lists, as the JS driver does', async () => {
    const [row] = await bulk.executor.read<{ types: string[] }>(
      {
        cypher: `MATCH (c:Cluster {id: 'Rh2Co-anion'}) RETURN [valueType(c.charge), valueType(c.compositionCounts), valueType(c.ligands), valueType(c.multiplicity)] AS types`,
        params: {},
      },
      { purpose: 'test types' },
    );
    expect(row.types).toEqual(['FLOAT NOT NULL', 'LIST<FLOAT NOT NULL> NOT NULL', expect.stringMatching(/^LIST<NOTHING/), 'NULL']);
  });

  it('counts as seeded with the current graph model, its migrated indexes online', async () => {
    expect(await currentDatasetVersion(bulk.executor)).toEqual({ version: bundle.datasetVersion, current: true });
    const indexes = await bulk.executor.read<{ name: string; state: string }>(
      { cypher: 'SHOW INDEXES YIELD name, state RETURN name, state', params: {} },
      { purpose: 'test indexes' },
    );
    expect(indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['cluster_id', 'atom_id', 'cluster_element_set', 'bond_order']));
    expect(indexes.filter((i) => i.state !== 'ONLINE')).toEqual([]);
  });

  it('refuses to import into a store that already holds a database, and leaves it as it was', async () => {
    const before = await counts(bulk);
    await expect(bulkImportCatalog(bundle, { dataDir: bulk.dir, log: quiet })).rejects.toThrow(
      `The store at ${bulk.dir} already holds a Neo4j database (data/databases/neo4j, data/transactions/neo4j); the bulk import only fills an empty store and never overwrites data.`,
    );
    expect(await counts(bulk)).toEqual(before);
  });
});
