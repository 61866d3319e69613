/** Stable codes from the API (`extensions.code`) plus the ones the web client adds itself. */
export type ApiErrorCode = 'BAD_USER_INPUT' | 'SERVICE_UNAVAILABLE' | 'QUERY_TOO_COMPLEX' | 'API_UNREACHABLE' | 'INTERNAL_SERVER_ERROR' | (string & {});

export interface ApiErrorDetail {
  message: string;
  code: ApiErrorCode;
  /** The input the API rejected, e.g. "filter.formula". */
  argument?: string;
  /** 1-based character position inside that input, when the API names one. */
  position?: number;
  /** Complete inputs the user may have meant, e.g. ["Co", "CO"] for "co". */
  alternatives?: string[];
  /** Response path of a field error, e.g. ["cluster", "prediction"]. */
  path?: Array<string | number>;
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly argument?: string;
  readonly position?: number;
  readonly alternatives?: string[];
  readonly details: ApiErrorDetail[];

  constructor(details: ApiErrorDetail[]) {
    const first = details[0] ?? { message: 'Unknown API error', code: 'INTERNAL_SERVER_ERROR' };
    super(first.message);
    this.name = 'ApiError';
    this.code = first.code;
    this.argument = first.argument;
    this.position = first.position;
    this.alternatives = first.alternatives;
    this.details = details;
  }

  /** The API could not be reached or said it cannot answer now: a banner, not a form error. */
  get isOutage(): boolean {
    return this.code === 'API_UNREACHABLE' || this.code === 'SERVICE_UNAVAILABLE';
  }
}

interface RawGraphQLError {
  message?: unknown;
  path?: unknown;
  extensions?: { code?: unknown; argument?: unknown; position?: unknown; alternatives?: unknown };
}

export function toApiError(errors: unknown): ApiError {
  const list = Array.isArray(errors) ? (errors as RawGraphQLError[]) : [];
  const details = list.map((e): ApiErrorDetail => ({
    message: typeof e.message === 'string' ? e.message : 'Unknown API error',
    code: typeof e.extensions?.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR',
    argument: typeof e.extensions?.argument === 'string' ? e.extensions.argument : undefined,
    position: typeof e.extensions?.position === 'number' ? e.extensions.position : undefined,
    alternatives: Array.isArray(e.extensions?.alternatives)
      ? e.extensions.alternatives.filter((a): a is string => typeof a === 'string').slice(0, 5)
      : undefined,
    path: Array.isArray(e.path) ? (e.path as Array<string | number>) : undefined,
  }));
  return new ApiError(details.length ? details : [{ message: 'The API answered without data', code: 'INTERNAL_SERVER_ERROR' }]);
}

export function unreachable(message = 'The ClusterAtlas API is not reachable right now.'): ApiError {
  return new ApiError([{ message, code: 'API_UNREACHABLE' }]);
}

/** The first field error whose path starts with `prefix` (e.g. ["cluster", "prediction"]). */
export function fieldError(errors: ApiErrorDetail[], ...prefix: Array<string | number>): ApiErrorDetail | undefined {
  return errors.find((e) => e.path && prefix.every((p, i) => e.path?.[i] === p));
}

/** Any field error at a path ending in `field` (list indices in between are ignored). */
export function errorAtField(errors: ApiErrorDetail[], field: string): ApiErrorDetail | undefined {
  return errors.find((e) => e.path?.includes(field));
}
