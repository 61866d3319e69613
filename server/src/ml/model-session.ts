import { packBatch, packCoalitions, packCompactCoalitions, type BatchItem, type BatchTensors, type TensorDims } from './batch';
import { ModelUnavailableError } from './errors';
import type { ModelGraph } from './featurize';
import { InferenceWorker } from './inference-worker';
import type { Manifest } from './manifest';
import type { WireTensor } from './worker-protocol';

export const OUT_MEAN = 'log10k1_mean';
export const OUT_MEMBERS = 'log10k1_members';
export const OUT_EMBEDDING = 'embedding';
export const INPUTS = ['atom_features', 'adjacency', 'atom_mask', 'global_features'] as const;

export interface SessionOptions {
  intraOpNumThreads: number;
  niceness: number;
  maxFloatsPerCall: number;
  schedule: <T>(task: () => Promise<T>) => Promise<T>;
}

/**
 * One ORT worker thread running the model file, checked against the manifest at start: packs
 * graphs and coalitions into calls within the float budget and runs each call when the
 * schedule gives it a turn.
 */
export class ModelSession {
  private constructor(
    private readonly manifest: Manifest,
    private readonly worker: InferenceWorker,
    readonly dims: TensorDims,
    readonly embeddingDim: number,
    private readonly options: SessionOptions,
  ) {}

  /** Starts the worker, then checks the graph's input/output names and a probe's output shapes. */
  static async start(modelPath: string, manifest: Manifest, dims: TensorDims, embeddingDim: number, options: SessionOptions): Promise<ModelSession> {
    const worker = await InferenceWorker.start(modelPath, options.intraOpNumThreads, options.niceness);
    const session = new ModelSession(manifest, worker, dims, embeddingDim, options);
    try {
      session.checkSessionNames();
      await session.checkOutputShapes();
    } catch (err) {
      await worker.close();
      throw err;
    }
    return session;
  }

  /** Time of the last session.run() in the worker. */
  get lastRunMs(): number | null {
    return this.worker.lastRunMs;
  }

  async close(): Promise<void> {
    await this.worker.close();
  }

  floatsPerGraph(n: number): number {
    return n * this.dims.atomFeatureCount + n * n + n + this.dims.globalFeatureCount;
  }

  /** Consecutive runs of items within maxFloatsPerCall and, if given, within a size ratio (for sorted items). */
  *chunks(items: BatchItem[], maxPaddingRatio = Infinity): Generator<BatchItem[]> {
    let start = 0;
    while (start < items.length) {
      let end = start;
      let nMax = 0;
      const nFirst = Math.max(1, items[start].graph.atomCount);
      while (end < items.length) {
        nMax = Math.max(nMax, items[end].graph.atomCount);
        const floats = (end - start + 1) * this.floatsPerGraph(nMax);
        if (end > start && (floats > this.options.maxFloatsPerCall || nMax > nFirst * maxPaddingRatio)) break;
        end++;
      }
      yield items.slice(start, end);
      start = end;
    }
  }

  async evaluateItems(items: BatchItem[]): Promise<Float64Array> {
    const out = new Float64Array(items.length);
    let offset = 0;
    for (const chunk of this.chunks(items)) {
      const res = await this.run(() => packBatch(chunk, this.dims), [OUT_MEAN]);
      out.set(res[OUT_MEAN].data, offset);
      offset += chunk.length;
    }
    return out;
  }

  /** Coalition values with each coalition packed as its own subgraph, grouped by atom count. */
  async evaluateCompactCoalitions(graph: ModelGraph, masks: Uint8Array, n: number): Promise<Float64Array> {
    const C = masks.length / n;
    const byAtomCount: number[][] = Array.from({ length: n + 1 }, () => []);
    for (let c = 0; c < C; c++) {
      let k = 0;
      for (let i = 0; i < n; i++) k += masks[c * n + i];
      byAtomCount[k].push(c);
    }
    const out = new Float64Array(C);
    // The empty coalition has no atoms to pack: evaluate it masked, as before.
    if (byAtomCount[0].length) {
      const empty = await this.evaluateCoalitions(graph, new Uint8Array(n), n);
      for (const c of byAtomCount[0]) out[c] = empty[0];
    }
    for (let k = 1; k <= n; k++) {
      const rows = byAtomCount[k];
      const per = Math.max(1, Math.floor(this.options.maxFloatsPerCall / this.floatsPerGraph(k)));
      for (let start = 0; start < rows.length; start += per) {
        const part = rows.slice(start, start + per);
        const res = await this.run(() => packCompactCoalitions(graph, masks, part, k, this.dims), [OUT_MEAN]);
        part.forEach((c, b) => (out[c] = res[OUT_MEAN].data[b]));
      }
    }
    return out;
  }

  async evaluateCoalitions(graph: ModelGraph, masks: Uint8Array, n: number): Promise<Float64Array> {
    const C = masks.length / n;
    const per = Math.max(1, Math.floor(this.options.maxFloatsPerCall / this.floatsPerGraph(n)));
    const out = new Float64Array(C);
    for (let start = 0; start < C; start += per) {
      const count = Math.min(per, C - start);
      const res = await this.run(() => packCoalitions(graph, masks, start, count, this.dims), [OUT_MEAN]);
      out.set(res[OUT_MEAN].data, start);
    }
    return out;
  }

  /** Packing happens when the call's turn comes, so waiting calls hold no tensors. */
  run(pack: () => BatchTensors, fetches: readonly string[]): Promise<Record<string, WireTensor>> {
    return this.options.schedule(() => this.runNow(pack(), fetches));
  }

  private runNow(batch: BatchTensors, fetches: readonly string[]): Promise<Record<string, WireTensor>> {
    const { batchSize: B, atomSlots: N } = batch;
    const F = this.dims.atomFeatureCount;
    const G = this.dims.globalFeatureCount;
    return this.worker.run(
      {
        atom_features: { data: batch.atomFeatures, dims: [B, N, F] },
        adjacency: { data: batch.adjacency, dims: [B, N, N] },
        atom_mask: { data: batch.atomMask, dims: [B, N] },
        global_features: { data: batch.globalFeatures, dims: [B, G] },
      },
      fetches,
    );
  }

  private checkSessionNames(): void {
    const problems: string[] = [];
    const wantIn = this.manifest.onnx.inputs.map((t) => t.name);
    const wantOut = this.manifest.onnx.outputs.map((t) => t.name);
    const missingIn = wantIn.filter((n) => !this.worker.inputNames.includes(n));
    const extraIn = this.worker.inputNames.filter((n) => !wantIn.includes(n));
    const missingOut = [OUT_MEAN, OUT_MEMBERS, OUT_EMBEDDING].filter((n) => !this.worker.outputNames.includes(n));
    if (missingIn.length) problems.push(`inputs missing from the ONNX graph: ${missingIn.join(', ')}`);
    if (extraIn.length) problems.push(`ONNX graph inputs not in the manifest: ${extraIn.join(', ')}`);
    if (missingOut.length) problems.push(`outputs missing from the ONNX graph: ${missingOut.join(', ')}`);
    const manifestOut = wantOut.filter((n) => !this.worker.outputNames.includes(n));
    if (manifestOut.length) problems.push(`manifest outputs not in the ONNX graph: ${manifestOut.join(', ')}`);
    if (problems.length) {
      throw new ModelUnavailableError(
        `ONNX graph does not match the manifest (graph inputs: ${this.worker.inputNames.join(', ')}; ` +
          `outputs: ${this.worker.outputNames.join(', ')}): ${problems.join('; ')}`,
      );
    }
  }

  /** A one-atom probe: output shapes must match the manifest's member count and embedding size. */
  private async checkOutputShapes(): Promise<void> {
    const { atomFeatureCount: F, globalFeatureCount: G } = this.dims;
    const probe: ModelGraph = {
      atomCount: 1,
      elements: ['X'],
      bonds: [],
      atomFeatures: new Float32Array(F),
      adjacency: new Float32Array(1),
      globalFeatures: new Float32Array(G),
    };
    let res: Record<string, WireTensor>;
    try {
      res = await this.run(() => packBatch([{ graph: probe }], this.dims), [OUT_MEAN, OUT_MEMBERS, OUT_EMBEDDING]);
    } catch (err) {
      throw new ModelUnavailableError(`probe inference failed: ${(err as Error).message}`, { cause: err });
    }
    const M = this.manifest.ensemble.members;
    const want: Record<string, number[]> = { [OUT_MEAN]: [1], [OUT_MEMBERS]: [1, M], [OUT_EMBEDDING]: [1, this.embeddingDim] };
    const bad = Object.entries(want)
      .filter(([name, dims]) => res[name].dims.join(',') !== dims.join(','))
      .map(([name, dims]) => `${name} has dims [${res[name].dims.join(', ')}], expected [${dims.join(', ')}]`);
    if (bad.length) throw new ModelUnavailableError(`ONNX outputs do not match the manifest: ${bad.join('; ')}`);
  }
}
