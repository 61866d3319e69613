import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType()
export class StringBucket {
  @Field() value!: string;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class IntBucket {
  @Field(() => Int) value!: number;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Counts for a catalog sidebar, over the clusters matching the filter.' })
export class CatalogFacets {
  @Field(() => Int) total!: number;
  @Field(() => [StringBucket], { description: 'Clusters containing each element.' }) byElement!: StringBucket[];
  @Field(() => [IntBucket]) byCharge!: IntBucket[];
  // Published as `bySize` (public API); inside, the number of atoms is atomCount.
  @Field(() => [IntBucket], { name: 'bySize', description: 'Clusters per number of atoms.' }) byAtomCount!: IntBucket[];
  @Field(() => [StringBucket]) byNuclearity!: StringBucket[];
  @Field(() => [StringBucket], { description: 'Clusters per set of metal elements, e.g. "Fe-V".' }) byMetalFamily!: StringBucket[];
  @Field(() => [StringBucket], { description: 'Clusters with at least one measurement per reactant, e.g. "N2", "CO".' }) byReactant!: StringBucket[];
  @Field(() => Float, { nullable: true }) log10K1Min!: number | null;
  @Field(() => Float, { nullable: true }) log10K1Max!: number | null;
}

@ObjectType({ description: 'Which data answered: changes whenever the seed does.' })
export class DatasetInfo {
  @Field() name!: string;
  @Field({ description: 'Version of the published seed (release 1), a hash of its files.' }) version!: string;
  @Field(() => Int, { description: 'The release these counts describe (the one the request reads).' }) release!: number;
  @Field(() => Int, { description: 'Clusters in that release.' }) clusterCount!: number;
  @Field(() => Int, { description: 'Computed structures (isomers) in that release.' }) structureCount!: number;
  @Field(() => Int, { description: 'Measurements in that release.' }) measurementCount!: number;
}
