import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An atom of a computed structure, with its GFN2-xTB properties.' })
export class Atom {
  @Field(() => Int, { description: '0-based index within the structure.' }) index!: number;
  @Field() element!: string;
  @Field(() => Int) atomicNumber!: number;
  @Field() isMetal!: boolean;
  @Field(() => Float) xAngstrom!: number;
  @Field(() => Float) yAngstrom!: number;
  @Field(() => Float) zAngstrom!: number;
  @Field(() => Float, { description: 'GFN2-xTB partial charge (e).' }) partialCharge!: number;
  @Field(() => Float, { description: 'GFN2-xTB covalent coordination number.' }) coordinationNumber!: number;
  @Field(() => Float, { nullable: true, description: 'Sum of Wiberg bond orders of this atom.' }) wibergValence!: number | null;
  @Field(() => Float, { nullable: true, description: 'GFN2-xTB atomic static polarizability α(0) (atomic units).' }) polarizabilityAu!: number | null;
}

@ObjectType({ description: 'A bond of the structure graph (rule: see Structure.bondRule). a < b.' })
export class Bond {
  @Field(() => Int) a!: number;
  @Field(() => Int) b!: number;
  @Field(() => Float, { description: 'GFN2-xTB Wiberg bond order (0 when xtb reports none for the pair).' }) order!: number;
  @Field(() => Float) lengthAngstrom!: number;
}

@ObjectType({ description: 'A computed 3D structure (isomer) of a cluster.' })
export class Structure {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: '0 = lowest energy; higher ranks are distinct low-lying isomers (different bond graphs).' }) rank!: number;
  @Field() method!: string;
  @Field() program!: string;
  @Field() programVersion!: string;
  @Field(() => Int, { description: 'Spin multiplicity used for the calculation.' }) multiplicity!: number;
  @Field({ description: '"published" or the rule that chose it.' }) multiplicitySource!: string;
  @Field(() => Float) energyHartree!: number;
  @Field(() => Float, { description: 'Energy above the lowest isomer (kcal/mol).' }) relativeEnergyKcalPerMol!: number;
  @Field(() => Float, { nullable: true }) homoLumoGapEv!: number | null;
  @Field(() => Float, { nullable: true }) dipoleDebye!: number | null;
  @Field(() => Float, { nullable: true, description: 'Molecular static polarizability α(0) (atomic units).' }) polarizabilityAu!: number | null;
  @Field(() => [Atom]) atoms!: Atom[];
  @Field(() => [Bond]) bonds!: Bond[];
  @Field({ description: 'Search settings as JSON (seeds, starts, optimisation level, energy window…).' }) settings!: string;
}
