import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export interface EventLoopDelay {
  windowS: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * Event-loop delay of the API process, for operators and `npm run bench:model`: model inference
 * runs in a worker thread precisely so that this stays flat while predictions run. Each read
 * returns the window since the previous read and starts a new one.
 */
export class EventLoopMonitor {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  private windowStart = performance.now();

  constructor() {
    this.histogram.enable();
  }

  readAndReset(): EventLoopDelay {
    const h = this.histogram;
    const ms = (ns: number) => Math.round((ns / 1e6) * 100) / 100;
    const result = {
      windowS: Math.round((performance.now() - this.windowStart) / 100) / 10,
      p50Ms: ms(h.percentile(50)),
      p99Ms: ms(h.percentile(99)),
      maxMs: ms(h.max),
    };
    h.reset();
    this.windowStart = performance.now();
    return result;
  }

  stop(): void {
    this.histogram.disable();
  }
}
