/// <reference lib="dom" />
/**
 * `npm run bench:web` — not a test. Production build, Debian Chromium headless, real stack.
 * Cold (fresh profile) and warm (same profile, cached assets) loads of home, a cluster page with a
 * structure and a compare page: first contentful paint and "3D viewer ready" from the Performance
 * API, and the JavaScript transferred per page (gzip, as served by `next start`).
 * Targets (issue 5): cluster page interactive 3D ≤ 1.5 s warm; home ≤ 250 kB JS gzip excluding the 3D chunk.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Response } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/e2e/helpers/browser';
import { removeTmp, startWebStack, stopServices } from '../test/e2e/helpers/stack';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Sample {
  fcpMs: number | null;
  viewerReadyMs: number | null;
  jsGzipBytes: number;
  viewerChunkGzipBytes: number;
}

async function measure(context: BrowserContext, url: string, waitForViewer: boolean): Promise<Sample> {
  const page = await context.newPage();
  let js = 0;
  let viewer = 0;
  const pending: Array<Promise<void>> = [];
  page.on('response', (res: Response) => {
    if (res.request().resourceType() !== 'script') return;
    pending.push(
      (async () => {
        const headers = await res.allHeaders();
        // From the memory/disk cache nothing is transferred: count only what came over the wire.
        if (res.fromServiceWorker() || res.status() === 304) return;
        const sizes = await res
          .request()
          .sizes()
          .catch(() => null);
        // A cached response reports -1: nothing crossed the network.
        const bytes = Math.max(0, sizes ? sizes.responseBodySize : Number(headers['content-length'] ?? 0));
        const body = await res.text().catch(() => '');
        const is3Dmol = body.includes('3Dmol.js') || body.includes('GLViewer');
        js += bytes;
        if (is3Dmol) viewer += bytes;
      })(),
    );
  });
  await page.goto(url, { waitUntil: 'load' });
  if (waitForViewer) await page.locator('.viewer-canvas[data-viewer-ready="true"]').first().waitFor({ timeout: 60000 });
  else await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  const timing = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const ready = performance.getEntriesByName('clusteratlas:viewer-ready')[0];
    return { fcp: fcp ? fcp.startTime : null, ready: ready ? ready.startTime : null };
  });
  await page.close();
  return { fcpMs: timing.fcp, viewerReadyMs: timing.ready, jsGzipBytes: js, viewerChunkGzipBytes: viewer };
}

function median(values: Array<number | null>): number | null {
  const v = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
  return v.length ? v[Math.floor(v.length / 2)] : null;
}

const ms = (v: number | null) => (v === null ? '—' : `${Math.round(v)} ms`);
const kb = (v: number) => `${(v / 1024).toFixed(1)} kB`;

async function main(): Promise<void> {
  console.log('bench:web: starting the stack (embedded Neo4j, API, next start)…');
  const stack = await startWebStack();
  try {
    const q = await fetch(stack.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ clusters(filter: { hasStructure: true }, first: 2) { edges { node { id } } } }' }),
    });
    const ids = ((await q.json()) as { data: { clusters: { edges: Array<{ node: { id: string } }> } } }).data.clusters.edges.map((e) => e.node.id);
    if (ids.length === 0) throw new Error('No cluster has a computed structure: the 3D timing needs one.');
    const pages = [
      { name: 'home', path: '/', viewer: false },
      { name: `cluster (${ids[0]})`, path: `/clusters/${ids[0]}`, viewer: true },
      { name: 'compare', path: `/compare?ids=${[...ids, 'Ta3S2-neutral'].slice(0, 2).join(',')}`, viewer: true },
    ];
    // Warm the server (first render compiles nothing in production, but fills Node's caches).
    for (const p of pages) await fetch(`${stack.webUrl}${p.path}`);
    console.log(`\n${RUNS} runs each; medians. JS = script bytes over the wire (gzip); 3D chunk counted separately.\n`);
    console.log(['page', 'mode', 'FCP', '3D ready', 'JS gzip', 'of which 3D'].join('\t'));
    for (const p of pages) {
      const cold: Sample[] = [];
      const warm: Sample[] = [];
      for (let i = 0; i < RUNS; i++) {
        const profile = mkdtempSync(path.join(os.tmpdir(), 'clusteratlas-bench-'));
        const context = await chromium.launchPersistentContext(profile, {
          executablePath: CHROMIUM,
          args: CHROMIUM_ARGS,
          headless: true,
          viewport: { width: 1280, height: 900 },
        });
        try {
          cold.push(await measure(context, `${stack.webUrl}${p.path}`, p.viewer));
          warm.push(await measure(context, `${stack.webUrl}${p.path}`, p.viewer));
        } finally {
          await context.close();
          rmSync(profile, { recursive: true, force: true });
        }
      }
      for (const [mode, samples] of [
        ['cold', cold],
        ['warm', warm],
      ] as const) {
        console.log(
          [
            p.name,
            mode,
            ms(median(samples.map((s) => s.fcpMs))),
            p.viewer ? ms(median(samples.map((s) => s.viewerReadyMs))) : 'n/a',
            kb(median(samples.map((s) => s.jsGzipBytes)) ?? 0),
            kb(median(samples.map((s) => s.viewerChunkGzipBytes)) ?? 0),
          ].join('\t'),
        );
      }
    }
    console.log('\nTargets: cluster 3D ready ≤ 1500 ms warm; home JS ≤ 250 kB gzip excluding the 3D chunk.');
  } finally {
    await stopServices(stack.services);
    removeTmp(stack.tmpDir);
  }
}

main().catch((err: Error) => {
  console.error(`bench:web: ${err.message}`);
  process.exit(1);
});
