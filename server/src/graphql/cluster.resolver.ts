import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { translateServiceErrors } from './error-middleware';
import { canonicalFormula, FormulaError } from '../chem/formula';
import { MAX_PATTERN_LENGTH as MAX_FORMULA_LENGTH } from '../chem/formula-pattern';
import type { ClusterView } from '../services/catalog.service';
import { ClusterConnection } from './cluster-connection.type';
import { ClusterFilter, ClusterOrder, ClusterOrderField, SortDirection } from './cluster-filter.input';
import { parseClusterFilter, readComposition } from './cluster-filter.parse';
import { CompositionReading } from './composition.type';
import { Cluster, Measurement } from './cluster.type';
import type { GraphQLContext } from './context';
import { badInput, checkLength, MAX_ID_LENGTH } from './errors';
import { CatalogFacets, DatasetInfo } from './facets.type';
import { pageWindow, toConnection } from './pagination';
import { RELEASE_ARG } from './release-plugin';

@UseMiddleware(translateServiceErrors)
@Resolver(() => Cluster)
export class ClusterResolver {
  @Query(() => Cluster, { nullable: true, description: 'A cluster by id; null when there is none.' })
  async cluster(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('release', () => Int, { nullable: true, description: RELEASE_ARG }) _release?: number | null,
  ): Promise<ClusterView | null> {
    checkLength('id', id, MAX_ID_LENGTH);
    return ctx.loaders.clusterById.load(id);
  }

  @Query(() => Cluster, { nullable: true, description: 'A cluster by formula (any element order of counts, e.g. "Rh1Co3H2") and charge.' })
  async clusterByFormula(
    @Arg('formula') formula: string,
    @Arg('charge', () => Int) charge: number,
    @Ctx() ctx: GraphQLContext,
    @Arg('release', () => Int, { nullable: true, description: RELEASE_ARG }) _release?: number | null,
  ): Promise<ClusterView | null> {
    checkLength('formula', formula, MAX_FORMULA_LENGTH);
    let canonical: string;
    try {
      canonical = canonicalFormula(formula);
    } catch (err) {
      if (err instanceof FormulaError) throw badInput('formula', err.message, { position: err.position });
      throw err;
    }
    return ctx.services.catalog.byFormula(canonical, charge, ctx.readScope.release);
  }

  @Query(() => ClusterConnection, { description: `Search the catalog. \`first\` is at most 100.` })
  async clusters(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => ClusterFilter, { nullable: true }) filter?: ClusterFilter,
    @Arg('orderBy', () => ClusterOrder, { nullable: true }) orderBy?: ClusterOrder,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('release', () => Int, { nullable: true, description: RELEASE_ARG }) _release?: number | null,
  ) {
    const criteria = { ...parseClusterFilter(filter), release: ctx.readScope.release };
    const page = pageWindow(first, after);
    const order = orderBy ?? { field: ClusterOrderField.FORMULA, direction: SortDirection.ASC };
    const { total, clusters } = await ctx.services.catalog.search(criteria, order, page);
    for (const c of clusters) ctx.loaders.clusterById.prime(c.id, c);
    return toConnection(clusters, total, page.offset);
  }

  @Query(() => CatalogFacets, { description: 'Counts by element, charge, size, nuclearity and metal family over the filtered catalog.' })
  async facets(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => ClusterFilter, { nullable: true }) filter?: ClusterFilter,
    @Arg('release', () => Int, { nullable: true, description: RELEASE_ARG }) _release?: number | null,
  ) {
    const f = await ctx.services.catalog.facets({ ...parseClusterFilter(filter), release: ctx.readScope.release });
    const buckets = <K>(list: Array<{ key: K; count: number }>) => list.map((b) => ({ value: b.key, count: b.count }));
    return {
      total: f.total,
      byElement: buckets(f.byElement),
      byCharge: buckets(f.byCharge),
      byAtomCount: buckets(f.byAtomCount),
      byNuclearity: buckets(f.byNuclearity),
      byMetalFamily: buckets(f.byMetalFamily),
      byReactant: buckets(f.byReactant),
      log10K1Min: f.log10K1Min,
      log10K1Max: f.log10K1Max,
    };
  }

  @Query(() => CompositionReading, {
    description:
      'Reads a composition pattern as `filter.formula` does (charges such as "Mo5S2-" or "Mo5S2 anion", symbols in any case when unambiguous). Errors carry `position` and, for case-ambiguous input such as "co", `alternatives`.',
  })
  composition(@Arg('text') text: string): CompositionReading {
    const p = readComposition(text, 'text');
    return { text: p.text, charge: p.charge, caseCorrected: p.caseCorrected, elements: p.ranges };
  }

  @Query(() => DatasetInfo, { nullable: true, description: 'The dataset and the counts of the release being read (default: the latest).' })
  async dataset(@Ctx() ctx: GraphQLContext, @Arg('release', () => Int, { nullable: true, description: RELEASE_ARG }) _release?: number | null) {
    const [seed, number] = await Promise.all([ctx.services.catalog.dataset(), ctx.readScope.release ?? ctx.services.releases.latest()]);
    if (!seed) return null;
    const release = await ctx.services.releases.get(number);
    return {
      name: seed.name,
      version: seed.version,
      release: number,
      clusterCount: release?.clusterCount ?? seed.clusterCount,
      structureCount: release?.structureCount ?? seed.structureCount,
      measurementCount: release?.measurementCount ?? seed.clusterCount,
    };
  }

  @FieldResolver(() => [Measurement], { description: 'Measured rate constants with their sources.' })
  measurements(@Root() cluster: ClusterView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.measurementsByCluster.load(cluster.id);
  }
}
