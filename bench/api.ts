import autocannon from 'autocannon';
import neo4j from 'neo4j-driver';
import path from 'node:path';
import { clusterSearchQuery } from '../server/src/db/cluster-query';
import { startApiProcess } from './api-stack';
import { fmt, summarize } from './stats';

/**
 * `npm run bench:api`: the same composition search as (a) raw Cypher through neo4j-driver and
 * (b) GraphQL over HTTP, both at concurrency 16, interleaved over several rounds, every response
 * body checked. Prints p50/p99, throughput, errors and the GraphQL/raw ratios.
 */
const CONCURRENCY = 16;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const SECONDS_PER_ROUND = Number(process.env.BENCH_SECONDS ?? 5);
const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

const GRAPHQL = `{ clusters(filter: {formula: "Mo2-5S*"}, orderBy: {field: LOG10K1, direction: DESC}, first: 20) { totalCount edges { node { id formula charge log10K1 } } } }`;

async function main() {
  console.log(`bench:api — ${ROUNDS} rounds × ${SECONDS_PER_ROUND} s per arm, concurrency ${CONCURRENCY}`);
  const stack = await startApiProcess(path.join(ROOT, '.data', 'bench-api-neo4j'));
  const driver = neo4j.driver(stack.boltUri, neo4j.auth.basic('neo4j', stack.password), { disableLosslessIntegers: true });
  try {
    // The raw arm runs exactly the Cypher the API runs, and projects the same four fields.
    const query = clusterSearchQuery(
      {
        elementCounts: [
          { element: 'Mo', min: 2, max: 5 },
          { element: 'S', min: 0, max: null },
        ],
        onlyElements: ['Mo', 'S'],
      },
      { field: 'LOG10K1', direction: 'DESC' },
      { offset: 0, limit: 20 },
    );
    const runRaw = async () => {
      const r = await driver.executeQuery(query.cypher, query.params, { database: 'neo4j', routing: 'READ' });
      const row = r.records[0];
      return { total: row.get('total') as number, ids: (row.get('nodes') as Array<{ id: string }>).map((n) => n.id) };
    };
    const expectedRaw = await runRaw();
    const gqlBody = JSON.stringify({ query: GRAPHQL });
    const expectedHttp = await (
      await fetch(`${stack.apiUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: gqlBody })
    ).text();
    const parsed = JSON.parse(expectedHttp);
    if (parsed.errors || parsed.data.clusters.totalCount !== expectedRaw.total) throw new Error(`arms disagree before the run: ${expectedHttp.slice(0, 300)}`);
    if (JSON.stringify(parsed.data.clusters.edges.map((e: { node: { id: string } }) => e.node.id)) !== JSON.stringify(expectedRaw.ids)) {
      throw new Error('GraphQL and raw Cypher return different clusters');
    }
    console.log(`query: ${expectedRaw.total} matching clusters, first page of ${expectedRaw.ids.length}`);

    // Warm both paths (JIT, page cache, query plan cache).
    for (let i = 0; i < 200; i++) await runRaw();
    await autocannon({
      url: `${stack.apiUrl}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: gqlBody,
      connections: CONCURRENCY,
      duration: 2,
    });

    const raw = { lat: [] as number[], errors: 0, requests: 0, seconds: 0 };
    const http = { errors: 0, requests: 0, seconds: 0, mismatches: 0, non2xx: 0 };
    // autocannon reports percentiles per run, not samples: keep each round's figures.
    const httpRounds: Array<{ p50: number; p99: number }> = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // (a) raw Cypher: 16 workers in a closed loop for the round's duration.
      const deadline = performance.now() + SECONDS_PER_ROUND * 1000;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (performance.now() < deadline) {
            const s = performance.now();
            try {
              const got = await runRaw();
              if (got.total !== expectedRaw.total || got.ids.join() !== expectedRaw.ids.join()) raw.errors++;
            } catch {
              raw.errors++;
            }
            raw.lat.push(performance.now() - s);
            raw.requests++;
          }
        }),
      );
      raw.seconds += (performance.now() - t0) / 1000;

      // (b) GraphQL over HTTP; a body that differs from the expected answer counts as an error.
      const r = await autocannon({
        url: `${stack.apiUrl}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: gqlBody,
        connections: CONCURRENCY,
        duration: SECONDS_PER_ROUND,
        expectBody: expectedHttp,
      });
      http.mismatches += r.mismatches;
      http.non2xx += r.non2xx;
      http.errors += r.errors + r.timeouts;
      http.requests += r.requests.total;
      http.seconds += SECONDS_PER_ROUND;
      httpRounds.push({ p50: r.latency.p50, p99: r.latency.p99 });
      const rr = summarize(raw.lat);
      console.log(`round ${round}: raw (cumulative) p50 ${fmt(rr.p50)} ms · GraphQL p50 ${r.latency.p50} ms p99 ${r.latency.p99} ms`);
    }

    const rawStats = summarize(raw.lat);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const httpP50 = median(httpRounds.map((r) => r.p50));
    const httpP99 = median(httpRounds.map((r) => r.p99));
    const rawRps = raw.requests / raw.seconds;
    const httpRps = http.requests / http.seconds;
    console.log('\narm              p50 ms   p99 ms   req/s    errors');
    console.log(`raw Cypher       ${fmt(rawStats.p50).padStart(6)}   ${fmt(rawStats.p99).padStart(6)}   ${fmt(rawRps, 0).padStart(6)}   ${raw.errors}`);
    console.log(
      `GraphQL (HTTP)   ${fmt(httpP50).padStart(6)}   ${fmt(httpP99).padStart(6)}   ${fmt(httpRps, 0).padStart(6)}   ${http.errors + http.mismatches + http.non2xx} (mismatched bodies ${http.mismatches}, non-2xx ${http.non2xx})`,
    );
    console.log(
      `\nratios GraphQL/raw: p50 ${fmt(httpP50 / rawStats.p50)}× (target ≤ 1.5) · p99 ${fmt(httpP99 / rawStats.p99)}× (target ≤ 2) · throughput ${fmt(httpRps / rawRps)}×`,
    );
    console.log('(GraphQL p50/p99: median over rounds of autocannon per-round percentiles; raw: percentiles over all samples)');
  } finally {
    await driver.close();
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
