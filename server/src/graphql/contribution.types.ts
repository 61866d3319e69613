import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { K1_UNITS, PRESSURE_UNITS, TECHNIQUES } from '../services/contribution-input';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const K1Unit = enumOf(Object.keys(K1_UNITS) as Array<keyof typeof K1_UNITS>);
registerEnumType(K1Unit, {
  name: 'K1Unit',
  description:
    'Unit of a submitted rate constant: cm³ molecule⁻¹ s⁻¹, m³ molecule⁻¹ s⁻¹, cm³ mol⁻¹ s⁻¹ or L mol⁻¹ s⁻¹ (M⁻¹ s⁻¹). Stored in cm³ molecule⁻¹ s⁻¹.',
});
export const PressureUnit = enumOf(Object.keys(PRESSURE_UNITS) as Array<keyof typeof PRESSURE_UNITS>);
registerEnumType(PressureUnit, { name: 'PressureUnit', description: 'Pa, Torr or mbar; stored in Pa.' });
export const Technique = enumOf(TECHNIQUES);
registerEnumType(Technique, { name: 'Technique', description: 'How the rate was measured (add detail in techniqueDetail).' });

export enum SubmissionKind {
  MEASUREMENT = 'MEASUREMENT',
  CLUSTER = 'CLUSTER',
}
registerEnumType(SubmissionKind, { name: 'SubmissionKind', description: 'A new measurement of a catalog cluster, or a new cluster.' });
export enum SubmissionStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  RELEASED = 'RELEASED',
}
registerEnumType(SubmissionStatus, {
  name: 'SubmissionStatus',
  description: 'PENDING review → APPROVED or REJECTED; APPROVED → RELEASED by the next release.',
});
export enum StructureState {
  NOT_NEEDED = 'NOT_NEEDED',
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}
registerEnumType(StructureState, { name: 'StructureState', description: 'The GFN2-xTB structure job of a new cluster.' });
export enum ReviewDecision {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
}
registerEnumType(ReviewDecision, { name: 'ReviewDecision' });

@InputType({ description: 'A measured rate constant of a cluster with a reactant.' })
export class MeasurementSubmissionInput {
  @Field({ description: 'Reactant formula, e.g. "N2", "CO" (see `reactants`).' }) reactant!: string;
  @Field(() => Float, { description: 'Rate constant k1 in k1Unit.' }) k1!: number;
  @Field(() => K1Unit) k1Unit!: keyof typeof K1_UNITS;
  @Field(() => Float, { nullable: true, description: 'Absolute 1σ uncertainty of k1, in k1Unit.' }) k1Uncertainty?: number | null;
  @Field(() => Float, { nullable: true }) temperatureK?: number | null;
  @Field(() => Float, { nullable: true }) pressure?: number | null;
  @Field(() => PressureUnit, { nullable: true }) pressureUnit?: keyof typeof PRESSURE_UNITS | null;
  @Field(() => Technique) technique!: (typeof TECHNIQUES)[number];
  @Field(() => String, { nullable: true }) techniqueDetail?: string | null;
  @Field(() => String, { nullable: true, description: 'DOI of the source, e.g. "10.1021/jacsau.5c00451".' }) doi?: string | null;
  @Field({ description: 'Citation of the source as text.' }) citation!: string;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Set when k1 is above the capture limit on purpose; then explain why.' }) exceedsCaptureLimit?:
    boolean | null;
  @Field(() => String, { nullable: true }) captureLimitExplanation?: string | null;
}

@InputType({ description: 'A cluster named by formula and charge.' })
export class ClusterRefInput {
  @Field({ description: 'Formula, e.g. "Mo5S2".' }) formula!: string;
  @Field(() => Int) charge!: number;
  @Field(() => Int, { nullable: true, description: 'Spin multiplicity 2S+1, when known.' }) multiplicity?: number | null;
}

@InputType({ description: 'A new cluster, with an optional structure and measurements.' })
export class ClusterSubmissionInput extends ClusterRefInput {
  @Field(() => String, { nullable: true, description: 'XYZ structure (optimised with GFN2-xTB on arrival); without it a GFN2-xTB structure search runs.' })
  xyz?: string | null;
  @Field(() => [MeasurementSubmissionInput], { nullable: true }) measurements?: MeasurementSubmissionInput[] | null;
}

@ObjectType({ description: 'A measurement as submitted, in catalog units.' })
export class SubmittedMeasurement {
  @Field() reactant!: string;
  @Field(() => Float) k1Cm3PerMoleculeS!: number;
  @Field(() => Float) log10K1!: number;
  @Field(() => Float, { nullable: true }) k1UncertaintyCm3PerMoleculeS!: number | null;
  @Field(() => Float, { nullable: true }) temperatureK!: number | null;
  @Field(() => Float, { nullable: true }) pressurePa!: number | null;
  @Field(() => Technique) technique!: string;
  @Field(() => String, { nullable: true }) techniqueDetail!: string | null;
  @Field(() => String, { nullable: true }) doi!: string | null;
  @Field() citation!: string;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => Float, { description: 'The capture limit the rate was checked against.' }) captureLimitCm3PerMoleculeS!: number;
  @Field(() => String, { nullable: true }) captureLimitExplanation!: string | null;
}

@ObjectType({ description: 'One change a submission makes to the catalog record.' })
export class FieldChange {
  @Field() field!: string;
  @Field(() => String, { nullable: true }) before!: string | null;
  @Field(() => String, { nullable: true }) after!: string | null;
}

@ObjectType({ description: 'Something a person did: submitted, commented, approved, rejected, published.' })
export class AuditEvent {
  @Field(() => ID) id!: string;
  @Field() action!: string;
  @Field() at!: string;
  @Field() actorName!: string;
  @Field(() => String, { nullable: true }) comment!: string | null;
}

@ObjectType({ description: 'The structure job of a new cluster.' })
export class StructureJob {
  @Field(() => StructureState) state!: StructureState;
  @Field(() => Float, { description: '0–1 while running.' }) progress!: number;
  @Field(() => Int) attempts!: number;
  @Field(() => String, { nullable: true, description: 'Why the job failed (after its last retry).' }) error!: string | null;
  @Field(() => Int, { nullable: true, description: 'Isomers found, once completed.' }) isomerCount!: number | null;
  @Field(() => Float, { nullable: true }) lowestEnergyHartree!: number | null;
  @Field(() => String, { nullable: true, description: 'Lowest isomer as XYZ, once completed.' }) xyz!: string | null;
}

@ObjectType({ description: 'A contribution waiting for review, decided, or released.' })
export class Submission {
  @Field(() => ID) id!: string;
  @Field(() => SubmissionKind) kind!: SubmissionKind;
  @Field(() => SubmissionStatus) status!: SubmissionStatus;
  @Field(() => ID) clusterId!: string;
  @Field() formula!: string;
  @Field(() => Int) charge!: number;
  @Field(() => Int, { nullable: true }) multiplicity!: number | null;
  @Field() createdAt!: string;
  @Field() updatedAt!: string;
  @Field() submittedByName!: string;
  @Field(() => [SubmittedMeasurement]) measurements!: SubmittedMeasurement[];
  @Field(() => String, { nullable: true, description: 'The XYZ the contributor sent, if any.' }) submittedXyz!: string | null;
  @Field(() => Int, { nullable: true, description: 'The release that published it.' }) releaseNumber!: number | null;
}

@ObjectType()
export class SubmissionPage {
  @Field(() => Int) totalCount!: number;
  @Field(() => [Submission]) items!: Submission[];
}

@ObjectType({ description: 'Downloads of one release.' })
export class ReleaseDownloads {
  @Field() json!: string;
  @Field() csv!: string;
  @Field({ description: 'All lowest-energy structures as one extended-XYZ file.' }) extendedXyz!: string;
  @Field({ description: 'All isomers as XYZ files in one tar.gz archive.' }) xyzArchive!: string;
}

@ObjectType({ description: 'A numbered, immutable release of the catalog.' })
export class Release {
  @Field(() => Int) number!: number;
  @Field() publishedAt!: string;
  @Field() changelog!: string;
  @Field(() => Int) clusterCount!: number;
  @Field(() => Int) measurementCount!: number;
  @Field(() => Int) structureCount!: number;
  @Field(() => [String]) reactants!: string[];
  @Field() datasetVersion!: string;
  @Field(() => String, { nullable: true }) publishedByName!: string | null;
  @Field(() => Int) submissionCount!: number;
  @Field(() => ReleaseDownloads) downloads!: ReleaseDownloads;
}

@ObjectType({ description: 'A reactant contributions may report rates for, with what bounds its capture rate.' })
export class ReactantInfo {
  @Field() formula!: string;
  @Field() name!: string;
  @Field(() => Float) polarizabilityAngstrom3!: number;
  @Field(() => Float) dipoleDebye!: number;
  @Field(() => Float) massU!: number;
}
