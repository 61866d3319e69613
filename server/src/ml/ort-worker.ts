import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import * as ort from 'onnxruntime-node';
import type { FromWorker, ToWorker, WireTensor, WorkerInit } from './worker-protocol';

/**
 * Worker-thread entry: owns the single ORT session so inference never blocks the event loop
 * of the API. Runs are serialised; tensors are created here, in the worker's own realm, from
 * Float32Arrays transferred by the main thread.
 */

const init = workerData as WorkerInit;
const port = parentPort;
if (!port) throw new Error('ort-worker.ts must run in a worker thread');

function post(msg: FromWorker, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(msg, transfer);
}

/**
 * Lowers this thread's priority before ORT starts its intra-op threads, which inherit it. On Linux
 * a nice value belongs to a thread (setpriority(PRIO_PROCESS, 0) acts on the caller), so the API's
 * event loop keeps its own. Elsewhere it may lower the whole process, so it is applied only on Linux.
 */
function lowerPriority(niceness: number): void {
  if (!niceness || process.platform !== 'linux') return;
  try {
    os.setPriority(niceness);
  } catch {
    // Not permitted in some containers; inference still works, only without the lower priority.
  }
}

async function main(): Promise<void> {
  lowerPriority(init.niceness);
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(init.modelPath, {
      executionProviders: ['cpu'],
      intraOpNumThreads: init.intraOpNumThreads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
      // Spinning threads would burn the second core between requests on a 2-core host.
      extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
    });
  } catch (err) {
    post({ type: 'initError', message: (err as Error).message });
    return;
  }
  post({ type: 'ready', inputNames: [...session.inputNames], outputNames: [...session.outputNames] });

  let queue: Promise<void> = Promise.resolve();
  port!.on('message', (msg: ToWorker) => {
    if (msg.type === 'close') {
      queue = queue.then(async () => {
        await session.release();
        port!.close();
      });
      return;
    }
    queue = queue.then(async () => {
      try {
        const feeds: Record<string, ort.Tensor> = {};
        for (const [name, t] of Object.entries(msg.feeds)) feeds[name] = new ort.Tensor('float32', t.data, t.dims);
        const t0 = performance.now();
        const result = msg.fetches ? await session.run(feeds, msg.fetches) : await session.run(feeds);
        const runMs = performance.now() - t0;
        const outputs: Record<string, WireTensor> = {};
        const transfer: ArrayBuffer[] = [];
        for (const [name, t] of Object.entries(result)) {
          // A copy we own: ORT's output may sit in memory that cannot be transferred.
          const data = new Float32Array(t.data as Float32Array);
          outputs[name] = { data, dims: [...t.dims] };
          transfer.push(data.buffer as ArrayBuffer);
        }
        post({ type: 'result', id: msg.id, outputs, runMs }, transfer);
      } catch (err) {
        post({ type: 'runError', id: msg.id, message: (err as Error).message });
      }
    });
  });
}

void main();
