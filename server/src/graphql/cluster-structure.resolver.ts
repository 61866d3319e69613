import { Ctx, FieldResolver, Resolver, Root, UseMiddleware } from 'type-graphql';
import { translateServiceErrors } from './error-middleware';
import type { ClusterView } from '../services/catalog.service';
import { structureExtendedXyz, structureXyz, type StructureView } from '../services/structure.service';
import { BOND_TOLERANCE } from '../chem/geometry';
import { Cluster } from './cluster.type';
import type { GraphQLContext } from './context';
import { Structure } from './structure.type';

@UseMiddleware(translateServiceErrors)
@Resolver(() => Cluster)
export class ClusterStructureResolver {
  @FieldResolver(() => Structure, { nullable: true, description: 'The lowest-energy computed structure (GFN2-xTB).' })
  async structure(@Root() cluster: ClusterView, @Ctx() ctx: GraphQLContext): Promise<StructureView | null> {
    return (await ctx.loaders.isomersByCluster.load(cluster.id))[0] ?? null;
  }

  @FieldResolver(() => [Structure], { description: 'All stored isomers, lowest energy first.' })
  isomers(@Root() cluster: ClusterView, @Ctx() ctx: GraphQLContext): Promise<StructureView[]> {
    return ctx.loaders.isomersByCluster.load(cluster.id);
  }
}

@UseMiddleware(translateServiceErrors)
@Resolver(() => Structure)
export class StructureResolver {
  @FieldResolver(() => String, { description: 'The geometry as an XYZ file (Å).' })
  xyz(@Root() s: StructureView): string {
    return structureXyz(s);
  }

  @FieldResolver(() => String, { description: 'Extended XYZ with per-atom partial_charge and coordination_number columns.' })
  async extendedXyz(@Root() s: StructureView, @Ctx() ctx: GraphQLContext): Promise<string> {
    const cluster = await ctx.loaders.clusterById.load(s.clusterId);
    return structureExtendedXyz(s, cluster?.charge ?? null);
  }

  @FieldResolver(() => String, { description: 'How bonds of the structure graph are defined.' })
  bondRule(): string {
    return `bonded when distance ≤ ${BOND_TOLERANCE} × (sum of Pyykkö–Atsumi covalent radii); order = GFN2-xTB Wiberg bond order`;
  }
}
