import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { Nuclearity } from './cluster.type';

@InputType({ description: 'Inclusive integer bounds; either may be omitted.' })
export class IntRange {
  @Field(() => Int, { nullable: true }) min?: number | null;
  @Field(() => Int, { nullable: true }) max?: number | null;
}

@InputType({ description: 'Inclusive bounds; either may be omitted.' })
export class FloatRange {
  @Field(() => Float, { nullable: true }) min?: number | null;
  @Field(() => Float, { nullable: true }) max?: number | null;
}

@InputType({ description: 'Number of atoms of one element, e.g. {element: "Mo", min: 2, max: 5}.' })
export class ElementCountRangeInput {
  @Field() element!: string;
  @Field(() => Int, { nullable: true, description: 'Default 1 (the element must be present).' }) min?: number | null;
  @Field(() => Int, { nullable: true, description: 'Default unbounded.' }) max?: number | null;
}

@InputType({ description: 'Element set conditions; all given conditions must hold.' })
export class ElementSetFilter {
  @Field(() => [String], { nullable: true, description: 'Every one of these elements occurs.' }) allOf?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'At least one of these elements occurs.' }) anyOf?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'No element outside this set occurs.' }) only?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'None of these elements occurs.' }) noneOf?: string[] | null;
}

@InputType({ description: 'Catalog filter; all given conditions must hold.' })
export class ClusterFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Composition pattern. "Mo5S2" exact; "Mo2-5S2" a count range; "Mo?S2" any count ≥ 1; "Ta3S*" any count ≥ 0. Elements not named must be absent. A trailing charge ("Mo5S2-", "Mo5S2⁻", "Mo5S2^2-", "Mo5S2 anion") also filters by charge. Symbols may be typed in any case when that has one reading ("mo5s2"); "co" (Co or CO) is rejected with `extensions.alternatives`. At most 64 characters.',
  })
  formula?: string | null;
  @Field(() => [ElementCountRangeInput], { nullable: true }) elementCounts?: ElementCountRangeInput[] | null;
  @Field(() => ElementSetFilter, { nullable: true }) elements?: ElementSetFilter | null;
  @Field(() => [Int], { nullable: true, description: 'Net charges, e.g. [-1] for anions.' }) charges?: number[] | null;
  @Field(() => IntRange, { nullable: true, description: 'Number of atoms.' }) size?: IntRange | null;
  @Field(() => IntRange, { nullable: true, description: 'Number of metal atoms.' }) metalAtomCount?: IntRange | null;
  @Field(() => FloatRange, { nullable: true, description: 'Measured log10 k1 (k1 in cm³ molecule⁻¹ s⁻¹).' }) log10K1?: FloatRange | null;
  @Field(() => Nuclearity, { nullable: true }) nuclearity?: Nuclearity | null;
  @Field(() => [ID], { nullable: true, description: 'Only these cluster ids (at most 100).' }) ids?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Only clusters with (true) or without (false) a computed structure.' }) hasStructure?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Only clusters with a measurement of this reactant, e.g. "CO" (see `reactants`).' }) reactant?:
    string | null;
}

export enum ClusterOrderField {
  LOG10K1 = 'LOG10K1',
  // The API's name is SIZE; the value the server works with is the one internal name of the quantity.
  SIZE = 'ATOM_COUNT',
  FORMULA = 'FORMULA',
  METAL_ATOMS = 'METAL_ATOMS',
  CHARGE = 'CHARGE',
  EFFICIENCY = 'EFFICIENCY',
}
registerEnumType(ClusterOrderField, { name: 'ClusterOrderField' });

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });

@InputType({ description: 'Sort order; ties are broken by id. Missing values sort last.' })
export class ClusterOrder {
  @Field(() => ClusterOrderField) field!: ClusterOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction!: SortDirection;
}
