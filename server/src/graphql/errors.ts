import { GraphQLError } from 'graphql';

/** Stable codes clients can switch on; README.md ("Limits and errors") lists them with their HTTP statuses. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  QUERY_TOO_EXPENSIVE: 'QUERY_TOO_EXPENSIVE',
  TOO_MANY_EXPENSIVE_FIELDS: 'TOO_MANY_EXPENSIVE_FIELDS',
  INTROSPECTION_TOO_COMPLEX: 'INTROSPECTION_TOO_COMPLEX',
  PATTERN_TOO_EXPENSIVE: 'PATTERN_TOO_EXPENSIVE',
  OPERATION_NOT_SUPPORTED: 'OPERATION_NOT_SUPPORTED',
  BAD_REQUEST: 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_CHARSET: 'UNSUPPORTED_CHARSET',
  UNSUPPORTED_CONTENT_ENCODING: 'UNSUPPORTED_CONTENT_ENCODING',
  PERSISTED_QUERY_HASH_MISMATCH: 'PERSISTED_QUERY_HASH_MISMATCH',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  TIMEOUT: 'QUERY_TIMEOUT',
  MODEL_UNAVAILABLE: 'MODEL_UNAVAILABLE',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
} as const;

/** Text of the user's input fit to quote in a message: never more than `max` characters of it. */
export function quote(text: unknown, max = 40): string {
  const s = String(text);
  return s.length > max ? `${s.slice(0, max)}… (${s.length} characters)` : s;
}

/** A client error about one input: names the argument path (e.g. `filter.formula`). */
export function badInput(argumentPath: string, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(`${argumentPath}: ${message}`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, argument: argumentPath, ...extra, http: { status: 400 } },
  });
}

/** Cluster ids are formula + charge word, well under this. */
export const MAX_ID_LENGTH = 100;

/** Rejects a string argument longer than `max` before anything reads it. */
export function checkLength(argumentPath: string, value: string | null | undefined, max: number): void {
  if (value != null && value.length > max) throw badInput(argumentPath, `is ${value.length} characters long; the limit is ${max}`);
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
