import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/** A caller's own id is kept when it looks like one (so traces join up), never when it could forge log lines. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

export function requestId(req: IncomingMessage): string {
  const supplied = req.headers['x-request-id'];
  return typeof supplied === 'string' && SANE_REQUEST_ID.test(supplied) ? supplied : randomUUID();
}

/**
 * One log line per request with its id, status and time; `req.log` is a child logger carrying the
 * id for everything logged while answering. The id goes back as `X-Request-Id`.
 */
export function requestLog(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const id = requestId(req);
      res.setHeader('x-request-id', id);
      return id;
    },
    // Only what helps: bodies and most headers may carry hostile input or keys.
    serializers: {
      req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url?.slice(0, 200),
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    // A 5xx the app chose (database down: 503) is a warning; only a thrown error is an error.
    customLogLevel: (_req, res, err) =>
      err || (res as ServerResponse & { err?: unknown }).err ? 'error' : res.statusCode >= 500 ? 'warn' : res.statusCode >= 400 ? 'info' : 'debug',
    // pino-http invents an Error (with a stack of its own) for every 5xx; keep only real ones.
    customErrorObject: (_req, res, error, value) =>
      (res as ServerResponse & { err?: unknown }).err || !/^failed with status code/.test(error.message)
        ? value
        : { res: value.res, responseTime: value.responseTime },
  });
}

const requestLogger = new AsyncLocalStorage<Logger>();

/** After requestLog: code deep in a request (Apollo's error formatter) logs with the request's id. */
export function bindRequestLog(req: Request, _res: Response, next: NextFunction): void {
  requestLogger.run((req as Request & { log: Logger }).log, next);
}

/** The current request's logger, or the given fallback outside a request. */
export function currentLog(fallback: Logger): Logger {
  return requestLogger.getStore() ?? fallback;
}
