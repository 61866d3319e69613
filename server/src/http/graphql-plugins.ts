import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { GraphQLContext } from '../graphql/context';
import { ErrorCode } from '../graphql/errors';
import { estimateQueryCost, queryCostError, type CostOptions } from '../graphql/query-cost';

export type Versions = () => { datasetVersion: string; modelVersion?: string | null; release?: number };

/** `release` is the release that answered: the one the request named, else the latest. */
export function versionExtensions(
  versions: Versions,
  answeredRelease?: number,
): { datasetVersion: string; modelVersion: string | null; release: number | null } {
  const v = versions();
  return { datasetVersion: v.datasetVersion, modelVersion: v.modelVersion ?? null, release: answeredRelease ?? v.release ?? null };
}

export function versionPlugin(versions: Versions): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              ...versionExtensions(versions, contextValue?.readScope?.answeredRelease),
            };
          }
        },
      };
    },
  };
}

/**
 * Subscriptions are not served (no websocket transport): said so before anything runs, as a
 * client error. Queries and mutations pass; mutations check their caller's role themselves.
 */
export const queryOnlyPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation && operation.operation === 'subscription') {
          throw new GraphQLError('subscription operations are not supported: send a query or a mutation over HTTP POST', {
            extensions: { code: ErrorCode.OPERATION_NOT_SUPPORTED, http: { status: 400 } },
          });
        }
      },
    };
  },
};

/** Cost is computed on every request (variables change it), before execution. */
export function costPlugin(options: () => CostOptions = () => ({})): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const report = estimateQueryCost(document, operation, request.variables ?? {}, options());
          if (report.rejected) throw queryCostError(report);
        },
      };
    },
  };
}

/** Messages of Apollo's own 4xx errors that carry no code, and the code each gets. */
const APOLLO_CLIENT_ERRORS: Array<[RegExp, string]> = [
  [/^provided sha does not match query/, ErrorCode.PERSISTED_QUERY_HASH_MISMATCH],
  [/^Unsupported persisted query version/, 'PERSISTED_QUERY_VERSION_UNSUPPORTED'],
];

/**
 * The status a formatted error was sent with: Apollo strips `extensions.http` before
 * formatError, so it is read from the original error.
 */
function httpStatusOf(error: unknown): number | undefined {
  const status = (error as GraphQLError | undefined)?.extensions?.http as { status?: number } | undefined;
  return status?.status;
}

/**
 * Client errors keep their message and code (Apollo's code-less 4xx errors get one); unknown
 * errors may carry Cypher or internals: logged, and the client learns nothing specific.
 */
export function formatGraphQLError(log: (message: string, err?: unknown) => void, development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    const status = httpStatusOf(error);
    if ((code === ErrorCode.INTERNAL || code === undefined) && status !== undefined && status >= 400 && status < 500) {
      const known = APOLLO_CLIENT_ERRORS.find(([pattern]) => pattern.test(formatted.message));
      return { message: formatted.message, extensions: { code: known?.[1] ?? ErrorCode.BAD_REQUEST } };
    }
    if (code === ErrorCode.INTERNAL || code === undefined) {
      log('unexpected error while answering a GraphQL request:', error);
      if (!development) return { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL }, path: formatted.path };
    }
    return formatted;
  };
}
