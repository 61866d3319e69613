import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { QueueFullError } from '../services/fair-queue';

/** Stable codes of the admission layer (README "Limits and admission control"). */
export const AdmissionCode = {
  /** This client already has its share of a job queue: 429, retry when its own jobs are done. */
  TOO_MANY_JOBS: 'TOO_MANY_JOBS',
  /** The queue is full for everyone: 503, the server is busy. */
  SERVER_BUSY: 'SERVER_BUSY',
} as const;

export function queueFull(err: QueueFullError): GraphQLError {
  const status = err.scope === 'client' ? 429 : 503;
  return new GraphQLError(err.message, {
    extensions: {
      code: err.scope === 'client' ? AdmissionCode.TOO_MANY_JOBS : AdmissionCode.SERVER_BUSY,
      queue: err.queue,
      retryAfterS: err.retryAfterS,
      http: { status, headers: new HeaderMap([['retry-after', String(err.retryAfterS)]]) },
    },
  });
}
