import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ModelUnavailableError } from './errors';
import type { FromWorker, ToWorker, WireTensor, WorkerInit } from './worker-protocol';

/**
 * Main-thread handle on the ORT worker thread. The compiled build runs ort-worker.js directly;
 * from TypeScript sources (Jest) there is no .js beside this file, so a tiny bootstrap
 * transpiles ort-worker.ts with the project's own `typescript` package inside the worker.
 */

const TS_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const ts = require(workerData.__typescript);
require.extensions['.ts'] = (module, filename) => {
  const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(out.outputText, filename);
};
require(workerData.__entry);
`;

function spawn(init: WorkerInit): Worker {
  const js = path.join(__dirname, 'ort-worker.js');
  if (existsSync(js)) return new Worker(js, { workerData: init });
  const entry = path.join(__dirname, 'ort-worker.ts');
  return new Worker(TS_BOOTSTRAP, {
    eval: true,
    workerData: { ...init, __entry: entry, __typescript: require.resolve('typescript') },
  });
}

interface Pending {
  resolve: (outputs: Record<string, WireTensor>) => void;
  reject: (err: Error) => void;
}

export class InferenceWorker {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private failure: ModelUnavailableError | null = null;
  private closed = false;
  /** Duration of the last session.run() inside the worker (diagnostics and benchmarks). */
  lastRunMs: number | null = null;

  private constructor(
    private readonly worker: Worker,
    readonly inputNames: readonly string[],
    readonly outputNames: readonly string[],
  ) {
    worker.on('message', (msg: FromWorker) => this.onMessage(msg));
    worker.on('error', (err) => this.fail(`ORT worker crashed: ${err.message}`, err));
    worker.on('exit', (code) => {
      if (!this.closed) this.fail(`ORT worker exited unexpectedly (code ${code})`);
    });
    // Idle workers must not keep a script alive; ref() again while a run is in flight.
    worker.unref();
  }

  static start(modelPath: string, intraOpNumThreads: number, niceness = 0): Promise<InferenceWorker> {
    return new Promise((resolve, reject) => {
      let worker: Worker;
      try {
        worker = spawn({ modelPath, intraOpNumThreads, niceness });
      } catch (err) {
        reject(new ModelUnavailableError(`cannot start the ORT worker: ${(err as Error).message}`, { cause: err }));
        return;
      }
      const onError = (err: Error) => {
        cleanup();
        reject(new ModelUnavailableError(`ORT worker failed to start: ${err.message}`, { cause: err }));
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new ModelUnavailableError(`ORT worker exited during start-up (code ${code})`));
      };
      const onMessage = (msg: FromWorker) => {
        cleanup();
        if (msg.type === 'ready') {
          resolve(new InferenceWorker(worker, msg.inputNames, msg.outputNames));
        } else {
          void worker.terminate();
          const detail = msg.type === 'initError' ? msg.message : `unexpected message ${msg.type}`;
          reject(new ModelUnavailableError(`ONNX Runtime cannot load ${modelPath}: ${detail}`));
        }
      };
      const cleanup = () => {
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.off('message', onMessage);
      };
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.once('message', onMessage);
    });
  }

  /** Runs the session once. The feeds' buffers are transferred (detached) to the worker. */
  run(feeds: Record<string, WireTensor>, fetches?: readonly string[]): Promise<Record<string, WireTensor>> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new ModelUnavailableError('the model has been closed'));
    const id = this.nextId++;
    const transfer = Object.values(feeds).map((t) => t.data.buffer as ArrayBuffer);
    const msg: ToWorker = { type: 'run', id, feeds, ...(fetches ? { fetches: [...fetches] } : {}) };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage(msg, transfer);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.ref();
    this.worker.postMessage({ type: 'close' } satisfies ToWorker);
    const timer = setTimeout(() => void this.worker.terminate(), 5000);
    await exited;
    clearTimeout(timer);
    for (const p of this.pending.values()) p.reject(new ModelUnavailableError('the model was closed during a run'));
    this.pending.clear();
  }

  private onMessage(msg: FromWorker): void {
    if (msg.type !== 'result' && msg.type !== 'runError') return;
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    if (this.pending.size === 0) this.worker.unref();
    if (msg.type === 'result') {
      this.lastRunMs = msg.runMs;
      p.resolve(msg.outputs);
    } else p.reject(new Error(`ONNX Runtime run failed: ${msg.message}`));
  }

  private fail(message: string, cause?: unknown): void {
    this.failure = new ModelUnavailableError(message, { cause });
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
  }
}
