import { execFile } from 'node:child_process';
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
