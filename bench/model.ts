/**
 * npm run bench:model — ONNX Runtime (through the production ModelService, worker thread
 * included) against itself and against PyTorch, plus exact Shapley latency.
 *
 *   1. 216 catalog clusters in one ORT call vs one call per cluster (throughput ratio)
 *   2. ORT vs PyTorch CPU on the same 216-cluster batch (PyTorch via /usr/bin/python3)
 *   3. exact atom Shapley values (2^n coalitions) for the largest catalog cluster and a 14-atom graph
 *   4. through GraphQL (the built API in its own process, own embedded Neo4j with the real catalog):
 *      `prediction` of one cluster p50/p99, `explain` ATOM of the largest cluster, and the API's
 *      event-loop delay p99 while predictions run vs while cheap queries run (ratio)
 *
 * Environment: MODELS_DIR (default models/served/), STRUCTURES_DIR (default seed/structures/data),
 * BENCH_THREADS (comma list of ORT intra-op thread counts, default "1,2"), PYTHON (default /usr/bin/python3).
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { ModelService, type ClusterStructureInput, type ModelGraph } from '../server/src/ml';
import { readFileSync, rmSync } from 'node:fs';
import { startApiProcess } from './api-stack';
import { fmt as fmtStat, summarize } from './stats';

// Runs from bench/ (tsx) or dist/bench/ (compiled).
const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
const MODEL_DIR = process.env.MODELS_DIR ?? path.join(ROOT, 'models', 'served');
const STRUCTURES_DIR = process.env.STRUCTURES_DIR ?? path.join(ROOT, 'seed', 'structures', 'data');
const THREADS = (process.env.BENCH_THREADS ?? '1,2').split(',').map(Number);
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';

function readStructure(id: string): ClusterStructureInput {
  const file = JSON.parse(readFileSync(path.join(STRUCTURES_DIR, `${id}.json`), 'utf8'));
  const isomer = file.isomers.reduce((a: { rank: number }, b: { rank: number }) => (b.rank < a.rank ? b : a));
  return { isomer, charge: file.charge, multiplicity: file.multiplicity };
}

async function time<T>(fn: () => Promise<T>, reps: number): Promise<{ medianMs: number; minMs: number }> {
  await fn();
  const t: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = process.hrtime.bigint();
    await fn();
    t.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  t.sort((a, b) => a - b);
  return { medianMs: t[Math.floor(t.length / 2)], minMs: t[0] };
}

function mergeFragments(a: ClusterStructureInput, b: ClusterStructureInput, take: number): ClusterStructureInput {
  const n = a.isomer.atoms.length;
  const keep = new Set(Array.from({ length: take }, (_, i) => i));
  return {
    charge: a.charge,
    multiplicity: a.multiplicity,
    isomer: {
      ...a.isomer,
      atoms: [...a.isomer.atoms, ...b.isomer.atoms.filter((_, i) => keep.has(i))],
      bonds: [...a.isomer.bonds, ...b.isomer.bonds.filter((x) => keep.has(x.a) && keep.has(x.b)).map((x) => ({ ...x, a: x.a + n, b: x.b + n }))],
    },
  };
}

const fmt = (x: number, d = 1) => x.toFixed(d);

async function main(): Promise<void> {
  console.log(`bench:model  host: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
  const rows: string[][] = [];
  let largest: ModelGraph | null = null;
  let fourteen: ModelGraph | null = null;
  for (const threads of THREADS) {
    const model = await ModelService.load({ modelDir: MODEL_DIR, intraOpNumThreads: threads });
    const ids = model.manifest.training.clusterIds;
    const graphs = ids.map((id) => model.featurize(readStructure(id), id));
    const batch = await time(() => model.predict(graphs), 20);
    const runOnly: number[] = [];
    for (let r = 0; r < 20; r++) {
      await model.predict(graphs);
      runOnly.push(model.lastInferenceMs ?? Number.NaN);
    }
    runOnly.sort((a, b) => a - b);
    const runMs = runOnly[10];
    const single = await time(async () => {
      for (const g of graphs) await model.predict([g]);
    }, 3);
    const torch = JSON.parse(
      execFileSync(PYTHON, [path.join(ROOT, 'models', 'training', 'bench_torch.py'), '--model-dir', MODEL_DIR, '--threads', String(threads)], {
        encoding: 'utf8',
      }),
    ) as { medianMs: number; torch: string };
    rows.push([
      String(threads),
      fmt(batch.medianMs, 2),
      fmt(runMs, 2),
      fmt((ids.length / batch.medianMs) * 1000, 0),
      fmt(single.medianMs, 1),
      fmt((ids.length / single.medianMs) * 1000, 0),
      fmt(single.medianMs / batch.medianMs, 1) + '×',
      fmt(torch.medianMs, 2),
      fmt(torch.medianMs / runMs, 2) + '×',
    ]);

    const order = [...graphs].sort((a, b) => b.atomCount - a.atomCount);
    largest = order[0];
    const largestId = ids[graphs.indexOf(largest)];
    if (!fourteen) {
      const base = readStructure(largestId);
      const pad = 14 - base.isomer.atoms.length;
      fourteen = pad > 0 ? model.featurize(mergeFragments(base, readStructure(ids[0]), pad), '14-atom') : largest;
    }
    const shapLargest = await time(() => model.shapleyAtoms(largest!), 5);
    const shap14 = await time(() => model.shapleyAtoms(fourteen!), 5);
    console.log(
      `threads=${threads}: exact Shapley, ${largest.atomCount} atoms (${largestId}, ${2 ** largest.atomCount} coalitions): ` +
        `${shapLargest.medianMs.toFixed(0)} ms; 14 atoms (${largestId} + ${14 - largest.atomCount} atoms of ${ids[0]}, ` +
        `${2 ** 14} coalitions): ${shap14.medianMs.toFixed(0)} ms  [median of 5]`,
    );
    await model.close();
  }
  const head = ['ORT thr', 'batch ms', 'run() ms', 'clust/s', 'per-call ms', 'clust/s', 'batch gain', 'torch ms', 'torch/run()'];
  console.log('\n216 clusters: one ORT call for all vs one call per cluster; PyTorch CPU (same threads) on the same batch');
  console.log(head.map((h) => h.padStart(13)).join(''));
  for (const r of rows) console.log(r.map((c) => c.padStart(13)).join(''));
  console.log(
    "('batch ms' and 'per-call ms' are what a caller of ModelService.predict waits: validation, packing, worker round trip;\n" +
      " 'run() ms' is session.run alone inside the worker. Medians of 20 (batch), 3 (per-call loop), 20 (PyTorch) runs.)",
  );
  await graphqlArms();
}

// inSamplePrediction: the served model runs for it (the headline `prediction` is a stored held-out value).
const PREDICTION_QUERY = `query ($id: ID!) { cluster(id: $id) { id inSamplePrediction { log10K1 log10K1Std memberLog10K1 modelVersion } } }`;
const EXPLAIN_QUERY = `query ($id: ID!) { explain(clusterId: $id, level: ATOM) { method fullLog10K1 emptyLog10K1 atoms { index value } } }`;
const CHEAP_QUERY = `query ($id: ID!) { cluster(id: $id) { id formula log10K1 } }`;

/** What the three queries select; each response fills the part its query asks for. */
interface Data {
  cluster?: {
    id: string;
    formula?: string;
    log10K1?: number;
    inSamplePrediction?: { log10K1: number; log10K1Std: number; memberLog10K1: number[]; modelVersion: string } | null;
  } | null;
  explain?: { method: string; fullLog10K1: number; emptyLog10K1: number; atoms: Array<{ index: number; value: number }> };
}

interface Body {
  data?: Data | null;
  errors?: Array<{ message: string }>;
}

/** GraphQL timings against the built API (npm run build), checking every response body. */
async function graphqlArms(): Promise<void> {
  const manifest = JSON.parse(readFileSync(path.join(MODEL_DIR, 'manifest.json'), 'utf8'));
  const ids: string[] = manifest.training.clusterIds;
  const members: number = manifest.ensemble?.members ?? manifest.members;
  const dataDir = path.join(ROOT, '.data', 'bench-model-neo4j');
  console.log('\nthrough GraphQL: starting the built API with its own embedded Neo4j (real catalog) and this model…');
  const api = await startApiProcess(dataDir, { MODELS_DIR: MODEL_DIR });
  const post = async (query: string, variables: Record<string, unknown>) => {
    const t0 = performance.now();
    const res = await fetch(`${api.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as Body;
    const ms = performance.now() - t0;
    if (body.errors?.length || !body.data) throw new Error(`GraphQL error: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
    return { ms, data: body.data };
  };
  const checkPrediction = (data: Data, id: string) => {
    const p = data.cluster?.inSamplePrediction;
    if (data.cluster?.id !== id || !p || !Number.isFinite(p.log10K1) || !(p.log10K1Std >= 0) || p.memberLog10K1.length !== members) {
      throw new Error(`${id}: unexpected prediction ${JSON.stringify(data).slice(0, 200)}`);
    }
  };
  const eventLoop = async () =>
    (await (await fetch(`${api.apiUrl}/health/event-loop?reset=1`)).json()) as { windowS: number; p50Ms: number; p99Ms: number; maxMs: number };
  try {
    // Warm-up: plans, JIT, ORT session.
    for (const id of ids.slice(0, 20)) checkPrediction((await post(PREDICTION_QUERY, { id })).data, id);

    // One cluster per request, cycling through all 216 so no answer is a repeat of the previous one.
    const predictionMs: number[] = [];
    for (let i = 0; i < 432; i++) {
      const id = ids[i % ids.length];
      const r = await post(PREDICTION_QUERY, { id });
      checkPrediction(r.data, id);
      predictionMs.push(r.ms);
    }
    const cheapMs: number[] = [];
    for (let i = 0; i < 216; i++) {
      const id = ids[i];
      const r = await post(CHEAP_QUERY, { id });
      if (r.data.cluster?.id !== id) throw new Error(`${id}: unexpected cluster ${JSON.stringify(r.data)}`);
      cheapMs.push(r.ms);
    }
    const p = summarize(predictionMs);
    const c = summarize(cheapMs);
    console.log(`  prediction of one cluster (cluster(id){prediction}), ${p.n} requests: p50 ${fmtStat(p.p50, 1)} ms, p99 ${fmtStat(p.p99, 1)} ms`);
    console.log(`  same cluster query without prediction, ${c.n} requests: p50 ${fmtStat(c.p50, 1)} ms, p99 ${fmtStat(c.p99, 1)} ms`);

    // explain ATOM for the largest catalog cluster (exact Shapley up to 14 atoms).
    const atomsOf = (id: string) => readStructure(id).isomer.atoms.length;
    const largest = ids.reduce((a, b) => (atomsOf(b) > atomsOf(a) ? b : a));
    const explainMs: number[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await post(EXPLAIN_QUERY, { id: largest });
      const e = r.data.explain!;
      const sum = e.atoms.reduce((s: number, a: { value: number }) => s + a.value, 0);
      // Efficiency: the Shapley values add up to f(all) − f(none).
      if (e.atoms.length !== atomsOf(largest) || Math.abs(sum - (e.fullLog10K1 - e.emptyLog10K1)) > 1e-3) {
        throw new Error(`explain ${largest}: ${e.atoms.length} atoms, Σφ ${sum} vs ${e.fullLog10K1 - e.emptyLog10K1}`);
      }
      if (i > 0) explainMs.push(r.ms);
    }
    const x = summarize(explainMs);
    console.log(
      `  explain ATOM, largest catalog cluster ${largest} (${atomsOf(largest)} atoms), ${x.n} requests: p50 ${fmtStat(x.p50, 0)} ms, p99 ${fmtStat(x.p99, 0)} ms`,
    );

    // Event-loop delay: the same request pattern (4 concurrent clients for 8 s), cheap queries vs predictions.
    const load = async (query: string, check: (data: Data, id: string) => void) => {
      await eventLoop();
      const until = performance.now() + 8000;
      let n = 0;
      await Promise.all(
        Array.from({ length: 4 }, async (_, client) => {
          for (let i = client; performance.now() < until; i += 4) {
            const id = ids[i % ids.length];
            check((await post(query, { id })).data, id);
            n++;
          }
        }),
      );
      return { ...(await eventLoop()), requests: n };
    };
    const idle = await load(CHEAP_QUERY, (data, id) => {
      if (data.cluster?.id !== id) throw new Error(`${id}: unexpected cluster`);
    });
    const busy = await load(PREDICTION_QUERY, checkPrediction);
    console.log(`  event-loop delay, 4 clients × 8 s (resolution 10 ms, so an idle loop reads ≈ 10 ms):`);
    console.log(`    without predictions (cluster query): p50 ${idle.p50Ms} ms, p99 ${idle.p99Ms} ms, max ${idle.maxMs} ms, ${idle.requests} requests`);
    console.log(`    while predictions run:               p50 ${busy.p50Ms} ms, p99 ${busy.p99Ms} ms, max ${busy.maxMs} ms, ${busy.requests} requests`);
    console.log(`    p99 ratio ${fmt(busy.p99Ms / idle.p99Ms, 2)} (target ≤ 1.5)`);
    console.log(
      `\nsummary: prediction p50/p99 ${fmtStat(p.p50, 1)}/${fmtStat(p.p99, 1)} ms; explain ATOM (${atomsOf(largest)} atoms) p50 ${fmtStat(x.p50, 0)} ms; ` +
        `event-loop p99 ${busy.p99Ms} vs ${idle.p99Ms} ms (ratio ${fmt(busy.p99Ms / idle.p99Ms, 2)})`,
    );
  } finally {
    await api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
