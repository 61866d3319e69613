import { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { DatabaseUnavailableError } from '../db/executor';
import { translateServiceErrors } from './error-middleware';
import { MotifPatternError, validateMotifPattern } from '../chem/motif-pattern';
import type { MotifHitView, SubgraphResult } from '../services/structure.service';
import { ClusterFilter } from './cluster-filter.input';
import { parseClusterFilter } from './cluster-filter.parse';
import { RELEASE_ARG } from './release-plugin';
import type { GraphQLContext } from './context';
import { badInput, checkLength, ErrorCode, MAX_ID_LENGTH } from './errors';
import { MotifPatternInput } from './motif.input';
import { MotifSearchConnection, Subgraph, SubgraphKind } from './motif.type';
import { encodeCursor, pageWindow } from './pagination';

export const MAX_MATCHES_PER_CLUSTER = 1000;
const MAX_HOPS = 6;

interface MotifConnectionSource {
  edges: Array<{ cursor: string; node: MotifHitView }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  count: () => Promise<number>;
}

/**
 * A motif search that runs out of its time budget does so because of the pattern the client
 * sent (a catalog search is an index seek): a client error, not a server fault.
 */
export const patternTimeoutIsClientError: MiddlewareFn = async (_action, next) => {
  try {
    return await next();
  } catch (err) {
    if (err instanceof DatabaseUnavailableError && err.reason === 'TIMEOUT') {
      throw new GraphQLError('this motif needs more than the search time budget allows; use fewer atoms, name elements instead of classes, or add a filter', {
        extensions: { code: ErrorCode.PATTERN_TOO_EXPENSIVE, http: { status: 422 } },
      });
    }
    throw err;
  }
};

@UseMiddleware(translateServiceErrors)
@Resolver(() => MotifSearchConnection)
export class MotifResolver {
  @UseMiddleware(patternTimeoutIsClientError)
  @Query(() => MotifSearchConnection, {
    description: 'Clusters whose lowest-energy structure contains the motif, with every match. Combine with any catalog filter. Neo4j time budget 10 s.',
  })
  async motifSearch(
    @Arg('pattern', () => MotifPatternInput) patternInput: MotifPatternInput,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => ClusterFilter, { nullable: true }) filter?: ClusterFilter,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('maxMatchesPerCluster', () => Int, { nullable: true, defaultValue: 50 }) maxMatchesPerCluster?: number,
    @Arg('release', () => Int, { nullable: true, description: RELEASE_ARG }) _release?: number | null,
  ): Promise<MotifConnectionSource> {
    let pattern;
    try {
      pattern = validateMotifPattern(patternInput);
    } catch (err) {
      if (err instanceof MotifPatternError) throw badInput(`pattern.${err.path}`, err.message);
      throw err;
    }
    const criteria = { ...parseClusterFilter(filter), release: ctx.readScope.release };
    const page = pageWindow(first, after);
    const maxMatches = maxMatchesPerCluster ?? 50;
    if (maxMatches < 1 || maxMatches > MAX_MATCHES_PER_CLUSTER) {
      throw badInput('maxMatchesPerCluster', `must be between 1 and ${MAX_MATCHES_PER_CLUSTER}, got ${maxMatches}`);
    }
    const hits = await ctx.services.structures.motifPage(pattern, criteria, page.offset, page.limit + 1, maxMatches);
    const shown = hits.slice(0, page.limit);
    const edges = shown.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node }));
    return {
      edges,
      pageInfo: {
        hasNextPage: hits.length > page.limit,
        hasPreviousPage: page.offset > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
      count: () => ctx.services.structures.motifCount(pattern, criteria),
    };
  }

  @UseMiddleware(patternTimeoutIsClientError)
  @FieldResolver(() => Int, { description: 'Clusters matching, over all pages (a second query; ask only when needed).' })
  totalCount(@Root() source: MotifConnectionSource): Promise<number> {
    return source.count();
  }

  @Query(() => Subgraph, {
    nullable: true,
    description: 'A subgraph of a cluster structure with its components and charge polarization; null when the cluster or isomer does not exist.',
  })
  async subgraph(
    @Arg('clusterId', () => ID) clusterId: string,
    @Arg('kind', () => SubgraphKind) kind: SubgraphKind,
    @Ctx() ctx: GraphQLContext,
    @Arg('atomIndex', () => Int, { nullable: true, description: 'Centre atom (NEIGHBORHOOD only).' }) atomIndex?: number,
    @Arg('hops', () => Int, { nullable: true, defaultValue: 1, description: 'Bond distance (NEIGHBORHOOD only), 0–6.' }) hops?: number,
    @Arg('isomerRank', () => Int, { nullable: true, defaultValue: 0 }) isomerRank?: number,
  ): Promise<SubgraphResult | null> {
    checkLength('clusterId', clusterId, MAX_ID_LENGTH);
    if (kind === SubgraphKind.NEIGHBORHOOD) {
      if (atomIndex == null) throw badInput('atomIndex', 'is required for NEIGHBORHOOD');
      if (hops == null || hops < 0 || hops > MAX_HOPS) throw badInput('hops', `must be between 0 and ${MAX_HOPS}, got ${hops}`);
    }
    const isomers = await ctx.loaders.isomersByCluster.load(clusterId);
    const structure = isomers.find((s) => s.rank === (isomerRank ?? 0));
    if (!structure) return null;
    if (kind === SubgraphKind.NEIGHBORHOOD && (atomIndex! < 0 || atomIndex! >= structure.atoms.length)) {
      throw badInput('atomIndex', `must be between 0 and ${structure.atoms.length - 1} for ${clusterId}, got ${atomIndex}`);
    }
    return ctx.services.structures.subgraph(structure, kind, { atomIndex: atomIndex ?? undefined, hops: hops ?? 1 });
  }
}
