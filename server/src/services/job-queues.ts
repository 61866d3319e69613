import type { Config } from '../config';
import { FairQueue } from './fair-queue';
import { currentClient, currentSignal } from './request-client';

/** The API's bounded, fair job queues (README "Limits and admission control"). */
export function createJobQueues(cfg: Config) {
  const xtb = new FairQueue({
    name: 'xtb',
    concurrency: cfg.XTB_CONCURRENCY,
    maxQueued: cfg.XTB_QUEUE_MAX,
    maxPerClient: cfg.XTB_QUEUE_PER_CLIENT,
    initialJobMs: 5000,
  });
  const inference = new FairQueue({
    name: 'inference',
    concurrency: cfg.INFERENCE_CONCURRENCY,
    maxQueued: cfg.INFERENCE_QUEUE_MAX,
    maxPerClient: cfg.INFERENCE_QUEUE_PER_CLIENT,
    initialJobMs: 200,
  });
  const motif = new FairQueue({
    name: 'motif search',
    concurrency: cfg.MOTIF_CONCURRENCY,
    maxQueued: cfg.MOTIF_QUEUE_MAX,
    maxPerClient: cfg.MOTIF_QUEUE_PER_CLIENT,
    restFactor: cfg.MOTIF_REST_FACTOR,
    initialJobMs: 500,
  });
  return {
    xtb,
    motif,
    inference,
    /** For ModelService: each ORT call queued as the requesting client. */
    scheduleInference: <T>(task: () => Promise<T>) => inference.run(currentClient(), task, currentSignal()),
  };
}
