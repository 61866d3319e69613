/**
 * npm run bench:model — ONNX Runtime (through the production ModelService, worker thread
 * included) against itself and against PyTorch, plus exact Shapley latency.
 *
 *   1. 216 catalog clusters in one ORT call vs one call per cluster (throughput ratio)
 *   2. ORT vs PyTorch CPU on the same 216-cluster batch (PyTorch via /usr/bin/python3)
 *   3. exact atom Shapley values (2^n coalitions) for the largest catalog cluster and a 14-atom graph
 *
 * Environment: MODELS_DIR (default models/), STRUCTURES_DIR (default seed/structures/data),
 * BENCH_THREADS (comma list of ORT intra-op thread counts, default "1,2"), PYTHON (default /usr/bin/python3).
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { ModelService, type ClusterStructureInput, type ModelGraph } from '../server/src/ml';
import { readFileSync } from 'node:fs';

// Runs from bench/ (tsx) or dist/bench/ (compiled).
const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
const MODEL_DIR = process.env.MODELS_DIR ?? path.join(ROOT, 'models');
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
      bonds: [
        ...a.isomer.bonds,
        ...b.isomer.bonds.filter((x) => keep.has(x.a) && keep.has(x.b)).map((x) => ({ ...x, a: x.a + n, b: x.b + n })),
      ],
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
      execFileSync(PYTHON, [path.join(ROOT, 'models', 'bench_torch.py'), '--model-dir', MODEL_DIR, '--threads', String(threads)], {
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
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
