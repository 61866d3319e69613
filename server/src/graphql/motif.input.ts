import { Field, Float, InputType, Int, registerEnumType } from 'type-graphql';

export enum AtomClass {
  METAL = 'METAL',
  NONMETAL = 'NONMETAL',
  ANY = 'ANY',
}
registerEnumType(AtomClass, { name: 'AtomClass', description: 'METAL (metal atoms), NONMETAL (ligand atoms, metalloids included) or ANY.' });

@InputType({ description: 'A pattern atom: an element, or a class (default ANY).' })
export class MotifAtomInput {
  @Field(() => String, { nullable: true, description: 'Element symbol, e.g. "Mo".' }) element?: string | null;
  @Field(() => AtomClass, { nullable: true, description: 'Used when no element is given.' }) atomClass?: AtomClass | null;
}

@InputType({ description: 'A pattern bond between pattern atoms a and b (0-based indices into atoms).' })
export class MotifBondInput {
  @Field(() => Int) a!: number;
  @Field(() => Int) b!: number;
  @Field(() => Float, { nullable: true, description: 'Minimum Wiberg bond order (default 0: any bond of the structure graph).' })
  minOrder?: number | null;
}

@InputType({
  description:
    'A structural motif: at most 8 atoms and 12 bonds. Matching is injective (distinct atoms) and NOT induced: the pattern bonds must exist, further bonds between matched atoms are allowed.',
})
export class MotifPatternInput {
  @Field(() => [MotifAtomInput]) atoms!: MotifAtomInput[];
  @Field(() => [MotifBondInput], { nullable: true }) bonds?: MotifBondInput[] | null;
}
