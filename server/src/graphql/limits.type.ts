import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What `predict` and `explain` accept for a new structure.' })
export class PredictLimits {
  @Field(() => Int, { description: 'Atoms in one structure.' }) maxAtoms!: number;
  @Field(() => Int, { description: 'Largest |charge|.' }) maxCharge!: number;
  @Field(() => Int, { description: 'Characters of XYZ text.' }) maxXyzCharacters!: number;
  @Field(() => Float, { description: 'Shortest accepted distance between two atoms, Å.' }) minDistanceAngstrom!: number;
}

@ObjectType({ description: 'What `motifSearch` accepts as a pattern.' })
export class MotifLimits {
  @Field(() => Int) maxAtoms!: number;
  @Field(() => Int) maxBonds!: number;
  @Field(() => Float, { description: 'Largest `minOrder` of a bond (Wiberg bond order).' }) maxBondOrder!: number;
  @Field(() => Int, { description: 'Largest `maxMatchesPerCluster`.' }) maxMatchesPerCluster!: number;
}

@ObjectType({ description: 'The limits this API enforces on inputs, so clients can check before they send.' })
export class ApiLimits {
  @Field(() => Int, { description: 'Largest `first` of a connection.' }) maxPageSize!: number;
  @Field(() => Int, { description: '`first` when a connection is asked without one.' }) defaultPageSize!: number;
  @Field(() => Int, { description: 'Characters of a cluster id.' }) maxIdLength!: number;
  @Field(() => Int, { description: 'Characters of a formula or composition search text.' }) maxFormulaLength!: number;
  @Field(() => Int, { description: 'Entries of a list in a filter (ids, elements, charges).' }) maxFilterListLength!: number;
  @Field(() => Int, { description: 'Largest `k` of `similar`.' }) maxSimilar!: number;
  @Field(() => PredictLimits) predict!: PredictLimits;
  @Field(() => MotifLimits) motif!: MotifLimits;
}
