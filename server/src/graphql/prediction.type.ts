import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Cluster } from './cluster.type';
import { Structure } from './structure.type';

@ObjectType({ description: 'Whether a structure lies where the model was trained. Catalog (training) clusters are inside by construction.' })
export class ApplicabilityDomain {
  @Field() inDomain!: boolean;
  @Field(() => [String], { description: 'Why it is outside (empty when inside).' }) reasons!: string[];
  @Field(() => [String], { description: 'Known limits that apply even inside the domain, e.g. the poor homonuclear → heteronuclear transfer.' })
  caveats!: string[];
  @Field(() => [String], { description: 'Elements the model never saw.' }) unknownElements!: string[];
  @Field(() => Int) atomCount!: number;
  @Field(() => Int) trainingAtomCountMin!: number;
  @Field(() => Int) trainingAtomCountMax!: number;
  @Field({ description: 'Nearest training cluster in the model embedding (the cluster itself excluded).' }) nearestTrainingClusterId!: string;
  @Field(() => Float, { description: 'Euclidean distance of z-scored embeddings to it.' }) nearestDistance!: number;
  @Field(() => Float, { description: 'Distances above this (a percentile of training nearest-neighbour distances) are out of domain.' })
  distanceThreshold!: number;
  @Field(() => Float) distancePercentile!: number;
}

export enum PredictionKind {
  HELD_OUT = 'HELD_OUT',
  IN_SAMPLE = 'IN_SAMPLE',
  NEW_STRUCTURE = 'NEW_STRUCTURE',
}
registerEnumType(PredictionKind, {
  name: 'PredictionKind',
  description:
    'HELD_OUT: made by evaluation models that never saw the cluster (see `protocol`); comparable with the measurement. IN_SAMPLE: the served model on a cluster it was trained on (optimistic). NEW_STRUCTURE: the served model on a structure outside the catalog.',
});

export enum CaptureLimitKind {
  LANGEVIN = 'LANGEVIN',
  NEUTRAL_GAS_KINETIC = 'NEUTRAL_GAS_KINETIC',
}
registerEnumType(CaptureLimitKind, {
  name: 'CaptureLimitKind',
  description:
    'LANGEVIN: ion–induced-dipole capture rate k_L of the ion with N2. NEUTRAL_GAS_KINETIC: a fixed 1e-9 cm³ molecule⁻¹ s⁻¹, above the hard-sphere collision rate of these clusters at 300 K.',
});

@ObjectType({
  description:
    'A conformal prediction interval for log10 k1 (models/served/calibration.json): split-conformal on the held-out residuals of every seed repeat of the evaluation, calibrated separately for homonuclear and heteronuclear clusters.',
})
export class PredictionInterval {
  @Field(() => Float, { description: 'Nominal coverage, 0.68 or 0.95.' }) confidence!: number;
  @Field(() => Float) lowLog10K1!: number;
  @Field(() => Float, { description: 'Never above the capture limit.' }) highLog10K1!: number;
  @Field({ description: 'False when widened by a fixed factor for an embedding outlier, outside what the calibration covers.' })
  calibrated!: boolean;
}

@ObjectType({ description: 'Upper bound on k1: every capture reacts.' })
export class CaptureLimit {
  @Field(() => CaptureLimitKind) kind!: CaptureLimitKind;
  @Field(() => Float) log10K1!: number;
  @Field(() => Float) k1Cm3PerMoleculeS!: number;
}

@ObjectType({ description: 'GIN ensemble prediction of log10 k1 for N2 (k1 in cm³ molecule⁻¹ s⁻¹).' })
export class Prediction {
  @Field(() => PredictionKind, { description: 'Held out, in-sample, or a new structure: what this number may be compared with.' }) kind!: PredictionKind;
  @Field(() => String, { nullable: true, description: 'HELD_OUT: evaluation protocol key (c = leave one metal family out).' }) protocol!: string | null;
  @Field(() => String, { nullable: true }) protocolTitle!: string | null;
  @Field(() => String, { nullable: true, description: 'HELD_OUT: the split that held the cluster out (its metal family).' }) heldOutSplit!: string | null;
  @Field({ description: 'The reactant this rate is for: always "N2" (the model predicts N2 rates only).' }) reactant!: string;
  @Field(() => Float, { description: 'Ensemble mean of log10 k1 with N2, never above the capture limit.' }) log10K1!: number;
  @Field(() => Float, { description: 'Ensemble mean before the capture-limit bound.' }) unboundedLog10K1!: number;
  @Field({ description: 'The ensemble mean exceeded the capture limit and was set to it.' }) cappedAtCaptureLimit!: boolean;
  @Field(() => CaptureLimit) captureLimit!: CaptureLimit;
  @Field(() => PredictionInterval, { description: '68 % conformal prediction interval.' }) interval68!: PredictionInterval;
  @Field(() => PredictionInterval, { description: '95 % conformal prediction interval.' }) interval95!: PredictionInterval;
  @Field(() => Float, {
    description: 'Ensemble standard deviation of log10 k1 (disagreement between members; far narrower than the real error: use the intervals).',
  })
  log10K1Std!: number;
  @Field(() => Float, { description: '10^log10K1 in cm³ molecule⁻¹ s⁻¹.' }) k1Cm3PerMoleculeS!: number;
  @Field(() => [Float], { description: 'Each ensemble member’s log10 k1 (empty for HELD_OUT).' }) memberLog10K1!: number[];
  @Field() modelVersion!: string;
  @Field(() => ApplicabilityDomain) domain!: ApplicabilityDomain;
}

@ObjectType({
  description:
    'What the model predicted for a catalog cluster while that cluster was held out of training, under one evaluation protocol (from models/served/oof-predictions.json).',
})
export class HeldOutPrediction {
  @Field({ description: 'Evaluation protocol key: a (10-fold CV, homonuclear), b (homonuclear → heteronuclear), c (leave one metal family out).' })
  protocol!: string;
  @Field() protocolTitle!: string;
  @Field({ description: 'The fold or split that held the cluster out.' }) split!: string;
  @Field(() => Float, { description: 'Ensemble mean of log10 k1 from the models that did not see this cluster.' }) log10K1!: number;
  @Field(() => Float, { description: 'Standard deviation over those ensemble members.' }) log10K1Std!: number;
}

@ObjectType()
export class SimilarCluster {
  @Field(() => Cluster) cluster!: Cluster;
  @Field(() => Float, { description: 'Cosine similarity of z-scored GIN graph embeddings (−1..1).' }) similarity!: number;
  @Field(() => Float) distance!: number;
}

@InputType({ description: 'A structure not in the catalog.' })
export class StructureInput {
  @Field({ description: 'XYZ file text (Å); at most 50 atoms.' }) xyz!: string;
  @Field(() => Int) charge!: number;
  @Field(() => Int, { description: 'Spin multiplicity 2S+1, consistent with the electron count.' }) multiplicity!: number;
  @Field({ defaultValue: false, description: 'Optimise the geometry with GFN2-xTB first (slower) instead of a single point.' }) optimize!: boolean;
}

@ObjectType()
export class PredictResult {
  @Field(() => Prediction) prediction!: Prediction;
  @Field(() => Structure, { description: 'The GFN2-xTB-featurized structure (optimised if asked).' }) structure!: Structure;
  @Field(() => [SimilarCluster], { description: 'Nearest catalog clusters by model embedding.' }) nearest!: SimilarCluster[];
  @Field(() => Float) xtbWallTimeMs!: number;
  @Field(() => Float, {
    description:
      'Electronic temperature (K) of the GFN2-xTB SCC that featurized the structure: 300, or 1000 when the SCC does not converge at 300 (the catalog structure search does the same).',
  })
  xtbElectronicTemperatureK!: number;
}

export enum AttributionLevel {
  ATOM = 'ATOM',
  BOND = 'BOND',
  SUBGRAPH = 'SUBGRAPH',
}
registerEnumType(AttributionLevel, {
  name: 'AttributionLevel',
  description:
    'ATOM: Shapley values of atoms (exact up to 14 atoms, permutation sampling with standard errors above); they sum to f(all) − f(none). BOND: change in prediction when one bond is removed from the adjacency. SUBGRAPH: metal core, ligand shell and their connected components.',
});

@ObjectType()
export class AtomAttribution {
  @Field(() => Int) index!: number;
  @Field() element!: string;
  @Field(() => Float, { description: 'Shapley value in log10 k1 units.' }) value!: number;
  @Field(() => Float, { nullable: true, description: 'Standard error (sampling only).' }) standardError!: number | null;
}

@ObjectType()
export class BondAttribution {
  @Field(() => Int) a!: number;
  @Field(() => Int) b!: number;
  @Field(() => [String]) elements!: string[];
  @Field(() => Float) log10K1Without!: number;
  @Field(() => Float, { description: 'full − without: positive when the bond raises the predicted rate.' }) delta!: number;
}

@ObjectType()
export class SubgraphAttribution {
  @Field() name!: string;
  @Field() kind!: string;
  @Field(() => [Int]) atoms!: number[];
  @Field(() => Float, { description: 'Σ of member atoms’ Shapley values.' }) shapleySum!: number;
  @Field(() => Float, { description: 'f(S) − f(∅): the subgraph alone.' }) coalitionValue!: number;
  @Field(() => Float, { description: 'f(N) − f(N∖S): what the cluster loses without it.' }) removalEffect!: number;
  @Field(() => Float, { description: 'Σ partial charges (e).' }) totalCharge!: number;
  @Field(() => Float, { description: 'Population SD of partial charges within the subgraph (e).' }) chargePolarization!: number;
}

@ObjectType()
export class Explanation {
  @Field(() => AttributionLevel) level!: AttributionLevel;
  @Field() method!: string;
  @Field() modelVersion!: string;
  @Field(() => Float, { description: 'Predicted log10 k1 with every atom present.' }) fullLog10K1!: number;
  @Field(() => Float, { nullable: true, description: 'Prediction with every atom masked (the Shapley baseline).' }) emptyLog10K1!: number | null;
  @Field(() => [AtomAttribution]) atoms!: AtomAttribution[];
  @Field(() => [BondAttribution]) bonds!: BondAttribution[];
  @Field(() => [SubgraphAttribution]) subgraphs!: SubgraphAttribution[];
}

@ObjectType({ description: 'The model card: what was trained, on what, and how well it does.' })
export class ModelCard {
  @Field() name!: string;
  @Field() version!: string;
  @Field(() => Int) members!: number;
  @Field(() => Int) opset!: number;
  @Field(() => Int) trainingClusterCount!: number;
  @Field() trainingDataSha256!: string;
  @Field(() => Int, { description: 'The catalog release the model was trained on. Clusters released later are predicted as new structures.' })
  trainedOnRelease!: number;
  @Field({ description: 'The reactant whose rate the model predicts: "N2" only. Measurements with other reactants are not predicted.' }) reactant!: string;
  @Field(() => [String]) trainingElements!: string[];
  @Field(() => Int) trainingAtomCountMin!: number;
  @Field(() => Int) trainingAtomCountMax!: number;
  @Field(() => Float) domainDistanceThreshold!: number;
  @Field(() => GraphQLJSONObject, { description: 'Evaluation metrics per protocol and baseline (see models/served/model-card.json).' }) metrics!: Record<
    string,
    unknown
  >;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The full model card file.' }) card!: Record<string, unknown> | null;
}
