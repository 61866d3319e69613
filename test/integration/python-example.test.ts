import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gql } from '../helpers/graphql';
import { stackInfo } from '../helpers/stack-info';

const run = promisify(execFile);
const EXAMPLE = path.join(__dirname, '..', '..', 'docs', 'python', 'example.py');

// The "Use from Python" page shows this script; here it runs as written against the test stack.
test('the Python example pages through every cluster, loads DataFrames and downloads a release', async () => {
  const { apiUrl, datasetVersion } = stackInfo();
  const { stdout } = await run('/usr/bin/python3', [EXAMPLE, '--api', apiUrl], { timeout: 120000 });
  const summary = JSON.parse(stdout.trim().split('\n').pop()!);
  const total = (await gql('{ clusters(first: 0) { totalCount } }')).body.data!.clusters.totalCount;
  const moS = (await gql('{ clusters(filter: {formula: "Mo?S*", charges: [-1]}, first: 0) { totalCount } }')).body.data!.clusters.totalCount;
  expect(summary).toMatchObject({
    rows: total,
    total,
    pages: Math.ceil(total / 100),
    datasetVersion,
    moSAnions: moS,
    moSAnionsTotal: moS,
    releaseVersion: datasetVersion,
    releaseClusters: total,
    exportRows: moS,
  });
  expect(summary.heldOutColumns.length).toBeGreaterThan(0);
});

// Python's gql client with fetch_schema_from_transport=True sends the standard introspection query
// (issue 12: once refused by the depth limit). Installed with pip into .data/ (never into the system
// Python), once per machine.
test('the gql example discovers the schema from the URL and validates queries locally', async () => {
  const target = path.join(__dirname, '..', '..', '.data', 'python-gql');
  if (!existsSync(path.join(target, 'gql'))) {
    await run('/usr/bin/python3', ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--target', target, 'gql[requests]==4.4.0'], {
      timeout: 300000,
    });
  }
  const { stdout } = await run('/usr/bin/python3', [path.join(__dirname, '..', '..', 'docs', 'python', 'gql_example.py'), '--api', stackInfo().apiUrl], {
    timeout: 120000,
    env: { ...process.env, PYTHONPATH: target },
  });
  const out = JSON.parse(stdout.trim().split('\n').pop()!);
  const direct = (await gql('{ cluster(id: "Mo5S2-anion") { formula charge log10K1 } }')).body.data!.cluster;
  expect(out).toEqual({ cluster: direct, schemaHasCluster: true, refusedLocally: true });
}, 400000);
