/** Messages between the main thread (inference-worker.ts) and the ORT worker (ort-worker.ts). */

export interface WireTensor {
  data: Float32Array;
  dims: number[];
}

export interface WorkerInit {
  modelPath: string;
  intraOpNumThreads: number;
  /** Scheduling niceness of the worker thread and the ORT threads it starts (Linux: per thread). */
  niceness: number;
}

export type ToWorker = { type: 'run'; id: number; feeds: Record<string, WireTensor>; fetches?: string[] } | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; inputNames: string[]; outputNames: string[] }
  | { type: 'initError'; message: string }
  | { type: 'result'; id: number; outputs: Record<string, WireTensor>; runMs: number }
  | { type: 'runError'; id: number; message: string };
