import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum Nuclearity {
  HOMONUCLEAR = 'homonuclear',
  HETERONUCLEAR = 'heteronuclear',
}
registerEnumType(Nuclearity, { name: 'Nuclearity', description: 'One metal element (homonuclear) or two (heteronuclear).' });

@ObjectType({ description: 'How many atoms of one element a cluster has.' })
export class ElementCount {
  @Field() element!: string;
  @Field(() => Int) count!: number;
  @Field({ description: 'Metal (the cluster core) or non-metal (ligand). Metalloids count as non-metals.' }) isMetal!: boolean;
}

@ObjectType({ description: 'A publication or compiled data set that reports measurements.' })
export class Source {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: 'Null for a contributed source cited without a DOI.' }) doi!: string | null;
  @Field() citation!: string;
  @Field(() => String, { nullable: true }) url!: string | null;
}

@ObjectType({ description: 'A measured rate constant of a cluster with a reactant.' })
export class Measurement {
  @Field(() => ID) id!: string;
  @Field({ description: 'Reaction partner, e.g. "N2".' }) reactant!: string;
  @Field(() => Float, { description: 'Measured bimolecular rate constant k1 in cm³ molecule⁻¹ s⁻¹.' }) k1Cm3PerMoleculeS!: number;
  @Field(() => Float, { description: 'log10 of k1 (k1 in cm³ molecule⁻¹ s⁻¹).' }) log10K1!: number;
  @Field(() => Source) source!: Source;
}

@ObjectType({ description: 'A gas-phase metal cluster of the catalog.' })
export class Cluster {
  @Field(() => ID, { description: 'Stable, URL-safe id: canonical formula + charge word, e.g. "Mo5S2-anion".' }) id!: string;
  @Field({ description: 'Canonical formula (published element order, counts of 1 omitted).' }) formula!: string;
  @Field({ description: 'The name exactly as the source published it, charge mark included.' }) publishedName!: string;
  @Field(() => Int, { description: 'Net charge in elementary charges.' }) charge!: number;
  @Field(() => Int, { nullable: true, description: 'Spin multiplicity 2S+1 where the source published it (the homonuclear clusters).' })
  multiplicity!: number | null;
  @Field(() => [ElementCount]) composition!: ElementCount[];
  // Published as `size` since the first release (API, downloads); everything inside calls the number of atoms atomCount.
  @Field(() => Int, { name: 'size', description: 'Number of atoms.' }) atomCount!: number;
  @Field(() => Int) metalAtomCount!: number;
  @Field(() => [String], { description: 'Metal elements in formula order.' }) metals!: string[];
  @Field(() => [String], { description: 'Non-metal (ligand) elements in formula order.' }) ligands!: string[];
  @Field({ description: 'The set of metal elements, e.g. "Fe-V".' }) metalFamily!: string;
  @Field(() => Nuclearity) nuclearity!: Nuclearity;
  @Field(() => Float, { description: 'Mass from standard atomic weights, in u (Da).' }) massU!: number;
  @Field(() => Int, { nullable: true, description: "The source authors' 10-fold cross-validation fold (homonuclear clusters)." })
  cvFold!: number | null;
  @Field(() => String, { nullable: true, description: "The source authors' DFT isomer id." }) authorsIsomerId!: string | null;
  @Field(() => Float, { nullable: true, description: 'Measured log10 k1 for N2 (mean of the measurements, k1 in cm³ molecule⁻¹ s⁻¹).' })
  log10K1!: number | null;
  @Field(() => Float, { nullable: true, description: 'Measured k1 for N2 in cm³ molecule⁻¹ s⁻¹ (10^log10K1).' })
  k1Cm3PerMoleculeS!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Langevin capture rate with N2 in cm³ molecule⁻¹ s⁻¹: k_L = 2π q √(α/μ) (CGS), α(N2) = 1.74 Å³, μ the cluster–N2 reduced mass. Null for neutral clusters.',
  })
  langevinRateCm3PerMoleculeS!: number | null;
  @Field(() => Float, { nullable: true, description: 'Reaction efficiency φ = k1 / k_L (dimensionless). Null for neutral clusters.' })
  efficiency!: number | null;
  @Field({ description: 'Whether a computed 3D structure is stored.' }) hasStructure!: boolean;
  @Field(() => Int, { description: 'The release in which this version of the record first appeared (1: the published seed).' }) fromRelease!: number;
}
