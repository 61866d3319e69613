import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from './cluster-connection.type';
import { Cluster } from './cluster.type';
import { Atom, Bond } from './structure.type';

@ObjectType({ description: 'A cluster whose lowest-energy structure contains the motif.' })
export class MotifHit {
  @Field(() => Cluster) cluster!: Cluster;
  @Field(() => Int, { description: 'Number of distinct mappings (automorphic images count separately).' }) matchCount!: number;
  @Field(() => [[Int]], {
    description: 'Each match maps pattern atom i to the structure atom index matches[k][i]; sorted, at most maxMatchesPerCluster.',
  })
  matches!: number[][];
  @Field(() => Int, {
    description:
      'Number of distinct occurrences: mappings with the same structure atoms and the same image bonds (automorphic images, e.g. M–S–M read both ways) count once. What a chemist counts.',
  })
  distinctMatchCount!: number;
  @Field(() => [[Int]], { description: 'One mapping per distinct occurrence (its smallest), sorted; at most maxMatchesPerCluster.' })
  distinctMatches!: number[][];
}

@ObjectType()
export class MotifHitEdge {
  @Field() cursor!: string;
  @Field(() => MotifHit) node!: MotifHit;
}

@ObjectType({ description: 'Clusters matching a motif, in id order. totalCount is computed only when asked for.' })
export class MotifSearchConnection {
  @Field(() => [MotifHitEdge]) edges!: MotifHitEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

export enum SubgraphKind {
  WHOLE = 'WHOLE',
  METAL_CORE = 'METAL_CORE',
  LIGAND_SHELL = 'LIGAND_SHELL',
  NEIGHBORHOOD = 'NEIGHBORHOOD',
}
registerEnumType(SubgraphKind, {
  name: 'SubgraphKind',
  description:
    'WHOLE: all atoms. METAL_CORE: metal atoms and metal–metal bonds. LIGAND_SHELL: non-metal atoms and the bonds among them. NEIGHBORHOOD: atoms within `hops` bonds of `atomIndex`. All are induced subgraphs of the structure graph.',
});

@ObjectType({
  description:
    'An induced subgraph of a structure with GFN2-xTB charge statistics. chargePolarization = population standard deviation of the atomic partial charges within the subgraph, √(Σ(q_i − q̄)²/n) in e.',
})
export class SubgraphPart {
  @Field(() => SubgraphKind) kind!: SubgraphKind;
  @Field() clusterId!: string;
  @Field(() => Int) structureRank!: number;
  @Field(() => [Atom]) atoms!: Atom[];
  @Field(() => [Bond]) bonds!: Bond[];
  @Field(() => Float, { description: 'Σ q_i (e).' }) totalCharge!: number;
  @Field(() => Float, { description: 'Mean partial charge (e).' }) meanCharge!: number;
  @Field(() => Float, { description: 'Population standard deviation of partial charges (e).' }) chargePolarization!: number;
  @Field(() => Float, { description: 'max q_i − min q_i (e).' }) chargeRange!: number;
}

@ObjectType({ description: 'A subgraph and its connected components.' })
export class Subgraph extends SubgraphPart {
  @Field(() => [SubgraphPart]) components!: SubgraphPart[];
}
