import type { MiddlewareFn } from 'type-graphql';
import { XtbError } from '../xtb';
import { DatabaseUnavailableError } from '../db/executor';
import { InvalidGraphError, ModelUnavailableError } from '../ml';
import { ClientGoneError, QueueFullError } from '../services/fair-queue';
import { currentSignal } from '../services/request-client';
import { OutOfDomainError, StructureInputError } from '../services/prediction.service';
import { queueFull } from './admission-errors';
import { badInput, ErrorCode, serviceUnavailable } from './errors';
import { GraphQLError } from 'graphql';
import { ContributionInputError } from '../services/contribution-input';
import { ContributionConflictError, SubmissionNotFoundError } from '../services/contribution.service';

/** Turns service-layer failures into client errors with stable codes, in one place. */
export const translateServiceErrors: MiddlewareFn = async (_action, next) => {
  try {
    return await next();
  } catch (err) {
    if (err instanceof QueueFullError) throw queueFull(err);
    // The client left, so its work was dropped or killed (an xtb run then reports TIMEOUT (aborted)):
    // nobody reads this answer, and the code keeps it out of the server-fault logs.
    if (err instanceof ClientGoneError || currentSignal()?.aborted)
      throw new GraphQLError('the client closed the connection before the answer was ready', {
        extensions: { code: 'CLIENT_CLOSED_REQUEST', http: { status: 499 } },
      });
    if (err instanceof ContributionInputError) throw badInput(err.field, err.message);
    if (err instanceof ContributionConflictError) throw new GraphQLError(err.message, { extensions: { code: ErrorCode.CONFLICT, http: { status: 409 } } });
    if (err instanceof SubmissionNotFoundError) throw new GraphQLError(err.message, { extensions: { code: ErrorCode.NOT_FOUND, http: { status: 404 } } });
    if (err instanceof DatabaseUnavailableError) {
      throw err.reason === 'TIMEOUT'
        ? serviceUnavailable('The query took longer than the database allows; narrow the filter or lower `first`.', ErrorCode.TIMEOUT)
        : serviceUnavailable('The database is unavailable right now; try again shortly.');
    }
    if (err instanceof ModelUnavailableError) throw serviceUnavailable(err.message, ErrorCode.MODEL_UNAVAILABLE);
    if (err instanceof StructureInputError) throw badInput(err.input, err.message, err.details);
    if (err instanceof OutOfDomainError) {
      throw new GraphQLError(`The model cannot predict this structure: ${err.message}`, {
        extensions: { code: 'OUT_OF_DOMAIN', argument: err.input, reasons: err.reasons, http: { status: 422 } },
      });
    }
    if (err instanceof InvalidGraphError) throw badInput(err.where, err.message, { reason: err.code });
    if (err instanceof XtbError) {
      if (err.kind === 'NOT_INSTALLED') throw serviceUnavailable(err.message, 'XTB_UNAVAILABLE');
      if (err.kind === 'INVALID_INPUT') throw badInput('structure', err.message);
      throw new GraphQLError(`GFN2-xTB could not treat this structure (${err.kind}): ${err.message}`, {
        extensions: { code: 'XTB_FAILED', reason: err.kind, http: { status: 422 } },
      });
    }
    throw err;
  }
};
