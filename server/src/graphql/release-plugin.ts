import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, valueFromASTUntyped, type OperationDefinitionNode } from 'graphql';
import type { GraphQLContext } from './context';
import { ErrorCode } from './errors';

/** Description of the `release` argument of every catalog field that reads a release (this plugin applies it to the whole request). */
export const RELEASE_ARG = 'Release to read (see `releases`); default the latest. One request reads one release; `extensions.release` names it.';

/** Root fields that read the catalog and take `release`. */
export const RELEASED_FIELDS = new Set(['cluster', 'clusterByFormula', 'clusters', 'facets', 'motifSearch', 'dataset']);

/** The release named by the operation's root fields (literal or variable); null when none names one. */
export function requestedRelease(operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): number | null {
  const named = new Set<unknown>();
  for (const sel of operation.selectionSet.selections) {
    if (sel.kind !== Kind.FIELD || !RELEASED_FIELDS.has(sel.name.value)) continue;
    const arg = sel.arguments?.find((a) => a.name.value === 'release');
    if (!arg) continue;
    const value = valueFromASTUntyped(arg.value, variables ?? {});
    if (value != null) named.add(value);
  }
  if (named.size > 1) {
    throw new GraphQLError(`one request reads one release; this one names ${[...named].join(' and ')} (send one request per release)`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, argument: 'release', http: { status: 400 } },
    });
  }
  const [value] = named;
  return value === undefined ? null : (value as number);
}

/**
 * Sets `contextValue.release` before execution, so every field of the request (loaders, nested
 * measurements) reads the same release, and refuses releases that do not exist.
 */
export const releasePlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request, contextValue }) {
        if (!operation) return;
        const release = requestedRelease(operation, request.variables);
        if (release === null) return;
        const latest = await contextValue.services.releases.latest();
        if (!Number.isInteger(release) || release < 1 || release > latest) {
          throw new GraphQLError(`release ${String(release).slice(0, 20)} does not exist; releases are numbered 1 to ${latest}`, {
            extensions: { code: ErrorCode.BAD_USER_INPUT, argument: 'release', http: { status: 400 } },
          });
        }
        contextValue.readScope.release = release;
        contextValue.readScope.answeredRelease = release;
      },
    };
  },
};
