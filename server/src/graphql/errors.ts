import { GraphQLError } from 'graphql';

/** Stable codes clients can switch on. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  TIMEOUT: 'QUERY_TIMEOUT',
  MODEL_UNAVAILABLE: 'MODEL_UNAVAILABLE',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
} as const;

/** A client error about one input: names the argument path (e.g. `filter.formula`). */
export function badInput(argumentPath: string, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(`${argumentPath}: ${message}`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, argument: argumentPath, ...extra, http: { status: 400 } },
  });
}

/** A client error whose message is written for the person who typed the input, without the argument path. */
export function badInputMessage(argumentPath: string, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, argument: argumentPath, ...extra, http: { status: 400 } },
  });
}

export function serviceUnavailable(message: string, code: string = ErrorCode.SERVICE_UNAVAILABLE): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 503 } } });
}
