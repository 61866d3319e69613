import type { Request } from 'express';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export interface EventLoopDelay {
  windowS: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * Event-loop delay of the API process, for operators and `npm run bench:model`: model inference
 * runs in a worker thread precisely so that this stays flat while predictions run. A read
 * returns the window since the last reset; only operators on this machine reset it (app.ts), so
 * one public caller cannot wipe the figures another is watching.
 */
export class EventLoopMonitor {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  private windowStart = performance.now();

  constructor() {
    this.histogram.enable();
  }

  readAndReset(): EventLoopDelay {
    const result = this.read();
    this.histogram.reset();
    this.windowStart = performance.now();
    return result;
  }

  read(): EventLoopDelay {
    const h = this.histogram;
    const ms = (ns: number) => Math.round((ns / 1e6) * 100) / 100;
    const result = {
      windowS: Math.round((performance.now() - this.windowStart) / 100) / 10,
      p50Ms: ms(h.percentile(50)),
      p99Ms: ms(h.percentile(99)),
      maxMs: ms(h.max),
    };
    return result;
  }

  stop(): void {
    this.histogram.disable();
  }
}

/** The TCP peer is this machine and no proxy forwarded the request for someone else. */
export function isLoopbackPeer(req: Request): boolean {
  const addr = req.socket.remoteAddress ?? '';
  const loopback = addr === '::1' || addr.startsWith('127.') || addr.startsWith('::ffff:127.');
  return loopback && req.headers['x-forwarded-for'] === undefined && req.headers.forwarded === undefined;
}
