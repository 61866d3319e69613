import type { MiddlewareFn } from 'type-graphql';
import { DatabaseUnavailableError } from '../db/executor';
import { ErrorCode, serviceUnavailable } from './errors';

/** Turns service-layer failures into client errors with stable codes, in one place. */
export const translateServiceErrors: MiddlewareFn = async (_action, next) => {
  try {
    return await next();
  } catch (err) {
    if (err instanceof DatabaseUnavailableError) {
      throw err.reason === 'TIMEOUT'
        ? serviceUnavailable('The query took longer than the database allows; narrow the filter or lower `first`.', ErrorCode.TIMEOUT)
        : serviceUnavailable('The database is unavailable right now; try again shortly.');
    }
    throw err;
  }
};
