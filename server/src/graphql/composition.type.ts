import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How many atoms of one element a pattern allows; max null means unbounded.' })
export class ElementCountBounds {
  @Field() element!: string;
  @Field(() => Int) min!: number;
  @Field(() => Int, { nullable: true }) max!: number | null;
}

@ObjectType({ description: 'A composition pattern as the search reads it, so a site can say what it understood.' })
export class CompositionReading {
  @Field({ description: 'The pattern with capitalised symbols and without the charge, e.g. "Mo5S2" or "Mo2-5S*".' }) text!: string;
  @Field(() => Int, { nullable: true, description: 'The charge written after the composition (e.g. -1 for "Mo5S2-"); null when none was written.' })
  charge!: number | null;
  @Field({ description: 'True when the symbols were read ignoring case (e.g. "mo5s2").' }) caseCorrected!: boolean;
  @Field(() => [ElementCountBounds], { description: 'Elements in pattern order; elements not listed must be absent.' }) elements!: ElementCountBounds[];
}
