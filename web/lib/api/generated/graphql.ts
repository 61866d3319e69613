/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** METAL (metal atoms), NONMETAL (ligand atoms, metalloids included) or ANY. */
export type AtomClass =
  | 'ANY'
  | 'METAL'
  | 'NONMETAL';

/** ATOM: Shapley values of atoms (exact up to 14 atoms, permutation sampling with standard errors above); they sum to f(all) − f(none). BOND: change in prediction when one bond is removed from the adjacency. SUBGRAPH: metal core, ligand shell and their connected components. */
export type AttributionLevel =
  | 'ATOM'
  | 'BOND'
  | 'SUBGRAPH';

/** LANGEVIN: ion–induced-dipole capture rate k_L of the ion with N2. NEUTRAL_GAS_KINETIC: a fixed 1e-9 cm³ molecule⁻¹ s⁻¹, above the hard-sphere collision rate of these clusters at 300 K. */
export type CaptureLimitKind =
  | 'LANGEVIN'
  | 'NEUTRAL_GAS_KINETIC';

/** Catalog filter; all given conditions must hold. */
export type ClusterFilter = {
  /** Net charges, e.g. [-1] for anions. */
  charges?: Array<number> | null | undefined;
  elementCounts?: Array<ElementCountRangeInput> | null | undefined;
  elements?: ElementSetFilter | null | undefined;
  /** Composition pattern. "Mo5S2" exact; "Mo2-5S2" a count range; "Mo?S2" any count ≥ 1; "Ta3S*" any count ≥ 0. Elements not named must be absent. A trailing charge ("Mo5S2-", "Mo5S2⁻", "Mo5S2^2-", "Mo5S2 anion") also filters by charge. Symbols may be typed in any case when that has one reading ("mo5s2"); "co" (Co or CO) is rejected with `extensions.alternatives`. At most 64 characters. */
  formula?: string | null | undefined;
  /** Only clusters with (true) or without (false) a computed structure. */
  hasStructure?: boolean | null | undefined;
  /** Only these cluster ids (at most 100). */
  ids?: Array<string | number> | null | undefined;
  /** Measured log10 k1 (k1 in cm³ molecule⁻¹ s⁻¹). */
  log10K1?: FloatRange | null | undefined;
  /** Number of metal atoms. */
  metalAtomCount?: IntRange | null | undefined;
  nuclearity?: Nuclearity | null | undefined;
  /** Only clusters with a measurement of this reactant, e.g. "CO" (see `reactants`). */
  reactant?: string | null | undefined;
  /** Number of atoms. */
  size?: IntRange | null | undefined;
};

/** Sort order; ties are broken by id. Missing values sort last. */
export type ClusterOrder = {
  direction?: SortDirection;
  field: ClusterOrderField;
};

export type ClusterOrderField =
  | 'CHARGE'
  | 'EFFICIENCY'
  | 'FORMULA'
  | 'LOG10K1'
  | 'METAL_ATOMS'
  | 'SIZE';

/** A cluster named by formula and charge. */
export type ClusterRefInput = {
  charge: number;
  /** Formula, e.g. "Mo5S2". */
  formula: string;
  /** Spin multiplicity 2S+1, when known. */
  multiplicity?: number | null | undefined;
};

/** A new cluster, with an optional structure and measurements. */
export type ClusterSubmissionInput = {
  charge: number;
  /** Formula, e.g. "Mo5S2". */
  formula: string;
  measurements?: Array<MeasurementSubmissionInput> | null | undefined;
  /** Spin multiplicity 2S+1, when known. */
  multiplicity?: number | null | undefined;
  /** XYZ structure (optimised with GFN2-xTB on arrival); without it a GFN2-xTB structure search runs. */
  xyz?: string | null | undefined;
};

export type CreateUserInput = {
  /** A label for the first key (at most 64 characters). */
  keyLabel?: string | null | undefined;
  /** 1-64 characters: letters, digits, space, dot, dash, underscore; unique. */
  name: string;
  /** Curators may create contributors only. */
  role: UserRole;
};

/** Number of atoms of one element, e.g. {element: "Mo", min: 2, max: 5}. */
export type ElementCountRangeInput = {
  element: string;
  /** Default unbounded. */
  max?: number | null | undefined;
  /** Default 1 (the element must be present). */
  min?: number | null | undefined;
};

/** Element set conditions; all given conditions must hold. */
export type ElementSetFilter = {
  /** Every one of these elements occurs. */
  allOf?: Array<string> | null | undefined;
  /** At least one of these elements occurs. */
  anyOf?: Array<string> | null | undefined;
  /** None of these elements occurs. */
  noneOf?: Array<string> | null | undefined;
  /** No element outside this set occurs. */
  only?: Array<string> | null | undefined;
};

/** Inclusive bounds; either may be omitted. */
export type FloatRange = {
  max?: number | null | undefined;
  min?: number | null | undefined;
};

/** Inclusive integer bounds; either may be omitted. */
export type IntRange = {
  max?: number | null | undefined;
  min?: number | null | undefined;
};

/** Unit of a submitted rate constant: cm³ molecule⁻¹ s⁻¹, m³ molecule⁻¹ s⁻¹, cm³ mol⁻¹ s⁻¹ or L mol⁻¹ s⁻¹ (M⁻¹ s⁻¹). Stored in cm³ molecule⁻¹ s⁻¹. */
export type K1Unit =
  | 'CM3_PER_MOLECULE_S'
  | 'CM3_PER_MOL_S'
  | 'L_PER_MOL_S'
  | 'M3_PER_MOLECULE_S';

/** A measured rate constant of a cluster with a reactant. */
export type MeasurementSubmissionInput = {
  captureLimitExplanation?: string | null | undefined;
  /** Citation of the source as text. */
  citation: string;
  /** DOI of the source, e.g. "10.1021/jacsau.5c00451". */
  doi?: string | null | undefined;
  /** Set when k1 is above the capture limit on purpose; then explain why. */
  exceedsCaptureLimit?: boolean | null | undefined;
  /** Rate constant k1 in k1Unit. */
  k1: number;
  /** Absolute 1σ uncertainty of k1, in k1Unit. */
  k1Uncertainty?: number | null | undefined;
  k1Unit: K1Unit;
  notes?: string | null | undefined;
  pressure?: number | null | undefined;
  pressureUnit?: PressureUnit | null | undefined;
  /** Reactant formula, e.g. "N2", "CO" (see `reactants`). */
  reactant: string;
  technique: Technique;
  techniqueDetail?: string | null | undefined;
  temperatureK?: number | null | undefined;
};

/** A pattern atom: an element, or a class (default ANY). */
export type MotifAtomInput = {
  /** Used when no element is given. */
  atomClass?: AtomClass | null | undefined;
  /** Element symbol, e.g. "Mo". */
  element?: string | null | undefined;
};

/** A pattern bond between pattern atoms a and b (0-based indices into atoms). */
export type MotifBondInput = {
  a: number;
  b: number;
  /** Minimum Wiberg bond order (default 0: any bond of the structure graph). */
  minOrder?: number | null | undefined;
};

/** A structural motif: at most 8 atoms and 12 bonds. Matching is injective (distinct atoms) and NOT induced: the pattern bonds must exist, further bonds between matched atoms are allowed. */
export type MotifPatternInput = {
  atoms: Array<MotifAtomInput>;
  bonds?: Array<MotifBondInput> | null | undefined;
};

/** One metal element (homonuclear) or two (heteronuclear). */
export type Nuclearity =
  | 'HETERONUCLEAR'
  | 'HOMONUCLEAR';

/** HELD_OUT: made by evaluation models that never saw the cluster (see `protocol`); comparable with the measurement. IN_SAMPLE: the served model on a cluster it was trained on (optimistic). NEW_STRUCTURE: the served model on a structure outside the catalog. */
export type PredictionKind =
  | 'HELD_OUT'
  | 'IN_SAMPLE'
  | 'NEW_STRUCTURE';

/** Pa, Torr or mbar; stored in Pa. */
export type PressureUnit =
  | 'MBAR'
  | 'PA'
  | 'TORR';

export type ReviewDecision =
  | 'APPROVE'
  | 'REJECT';

export type SortDirection =
  | 'ASC'
  | 'DESC';

/** A structure not in the catalog. */
export type StructureInput = {
  charge: number;
  /** Spin multiplicity 2S+1, consistent with the electron count. */
  multiplicity: number;
  /** Optimise the geometry with GFN2-xTB first (slower) instead of a single point. */
  optimize?: boolean;
  /** XYZ file text (Å); at most 50 atoms. */
  xyz: string;
};

/** The GFN2-xTB structure job of a new cluster. */
export type StructureState =
  | 'COMPLETED'
  | 'FAILED'
  | 'NOT_NEEDED'
  | 'QUEUED'
  | 'RUNNING';

/** WHOLE: all atoms. METAL_CORE: metal atoms and metal–metal bonds. LIGAND_SHELL: non-metal atoms and the bonds among them. NEIGHBORHOOD: atoms within `hops` bonds of `atomIndex`. All are induced subgraphs of the structure graph. */
export type SubgraphKind =
  | 'LIGAND_SHELL'
  | 'METAL_CORE'
  | 'NEIGHBORHOOD'
  | 'WHOLE';

/** A new measurement of a catalog cluster, or a new cluster. */
export type SubmissionKind =
  | 'CLUSTER'
  | 'MEASUREMENT';

/** PENDING review → APPROVED or REJECTED; APPROVED → RELEASED by the next release. */
export type SubmissionStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED'
  | 'RELEASED';

/** How the rate was measured (add detail in techniqueDetail). */
export type Technique =
  | 'FAST_FLOW_REACTOR'
  | 'FLOW_TUBE'
  | 'FT_ICR'
  | 'GUIDED_ION_BEAM'
  | 'ION_TRAP'
  | 'LINEAR_ION_TRAP'
  | 'OTHER'
  | 'SELECTED_ION_FLOW_TUBE';

/** Contributors submit data; curators also review it and manage contributors; admins also manage curators and admins. */
export type UserRole =
  | 'ADMIN'
  | 'CONTRIBUTOR'
  | 'CURATOR';

export type AccountKeyFragment = { id: string, label: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null };

export type AccountUserFragment = { id: string, name: string, role: UserRole, createdAt: string, disabledAt: string | null, keys: Array<{ id: string, label: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }> };

export type AccountUsersQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountUsersQuery = { viewer: { id: string, name: string, role: UserRole } | null, users: Array<{ id: string, name: string, role: UserRole, createdAt: string, disabledAt: string | null, keys: Array<{ id: string, label: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }> }> };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { user: { id: string, name: string, role: UserRole, createdAt: string, disabledAt: string | null, keys: Array<{ id: string, label: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }> }, created: { key: string } } };

export type CreateApiKeyMutationVariables = Exact<{
  userId: string | number;
  label?: string | null | undefined;
}>;


export type CreateApiKeyMutation = { createApiKey: { key: string, apiKey: { id: string, label: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } } };

export type RevokeApiKeyMutationVariables = Exact<{
  keyId: string | number;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { id: string, label: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } };

export type SetUserDisabledMutationVariables = Exact<{
  userId: string | number;
  disabled: boolean;
}>;


export type SetUserDisabledMutation = { setUserDisabled: { id: string, name: string, role: UserRole, createdAt: string, disabledAt: string | null, keys: Array<{ id: string, label: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }> } };

export type SubmissionSummaryFragment = { id: string, kind: SubmissionKind, status: SubmissionStatus, formula: string, charge: number, clusterId: string, createdAt: string, updatedAt: string, submittedByName: string, releaseNumber: number | null, structureJob: { state: StructureState, progress: number, attempts: number, error: string | null } | null };

export type SubmissionDetailFragment = { multiplicity: number | null, submittedXyz: string | null, id: string, kind: SubmissionKind, status: SubmissionStatus, formula: string, charge: number, clusterId: string, createdAt: string, updatedAt: string, submittedByName: string, releaseNumber: number | null, changes: Array<{ field: string, before: string | null, after: string | null }>, measurements: Array<{ reactant: string, k1Cm3PerMoleculeS: number, k1UncertaintyCm3PerMoleculeS: number | null, log10K1: number, temperatureK: number | null, pressurePa: number | null, technique: Technique, techniqueDetail: string | null, doi: string | null, citation: string, notes: string | null, captureLimitCm3PerMoleculeS: number, captureLimitExplanation: string | null }>, structureJob: { isomerCount: number | null, lowestEnergyHartree: number | null, xyz: string | null, state: StructureState, progress: number, attempts: number, error: string | null } | null, history: Array<{ id: string, action: string, at: string, actorName: string, comment: string | null }> };

export type SubmissionsQueryVariables = Exact<{
  status?: SubmissionStatus | null | undefined;
  mine?: boolean | null | undefined;
  first?: number | null | undefined;
}>;


export type SubmissionsQuery = { submissions: { totalCount: number, items: Array<{ id: string, kind: SubmissionKind, status: SubmissionStatus, formula: string, charge: number, clusterId: string, createdAt: string, updatedAt: string, submittedByName: string, releaseNumber: number | null, structureJob: { state: StructureState, progress: number, attempts: number, error: string | null } | null }> } };

export type SubmissionQueryVariables = Exact<{
  id: string | number;
}>;


export type SubmissionQuery = { submission: { multiplicity: number | null, submittedXyz: string | null, id: string, kind: SubmissionKind, status: SubmissionStatus, formula: string, charge: number, clusterId: string, createdAt: string, updatedAt: string, submittedByName: string, releaseNumber: number | null, changes: Array<{ field: string, before: string | null, after: string | null }>, measurements: Array<{ reactant: string, k1Cm3PerMoleculeS: number, k1UncertaintyCm3PerMoleculeS: number | null, log10K1: number, temperatureK: number | null, pressurePa: number | null, technique: Technique, techniqueDetail: string | null, doi: string | null, citation: string, notes: string | null, captureLimitCm3PerMoleculeS: number, captureLimitExplanation: string | null }>, structureJob: { isomerCount: number | null, lowestEnergyHartree: number | null, xyz: string | null, state: StructureState, progress: number, attempts: number, error: string | null } | null, history: Array<{ id: string, action: string, at: string, actorName: string, comment: string | null }> } };

export type SubmitFormQueryVariables = Exact<{ [key: string]: never; }>;


export type SubmitFormQuery = { reactants: Array<{ formula: string, name: string, massU: number, polarizabilityAngstrom3: number, dipoleDebye: number }> };

export type CompositionCheckQueryVariables = Exact<{
  text: string;
}>;


export type CompositionCheckQuery = { composition: { text: string, charge: number | null, caseCorrected: boolean, elements: Array<{ element: string, min: number, max: number | null }> } };

export type CatalogClusterCheckQueryVariables = Exact<{
  formula: string;
  charge: number;
}>;


export type CatalogClusterCheckQuery = { clusterByFormula: { id: string, formula: string, charge: number } | null };

export type SubmitMeasurementMutationVariables = Exact<{
  cluster: ClusterRefInput;
  measurement: MeasurementSubmissionInput;
  idempotencyKey?: string | null | undefined;
}>;


export type SubmitMeasurementMutation = { submitMeasurement: { id: string, status: SubmissionStatus } };

export type SubmitClusterMutationVariables = Exact<{
  cluster: ClusterSubmissionInput;
  idempotencyKey?: string | null | undefined;
}>;


export type SubmitClusterMutation = { submitCluster: { id: string, status: SubmissionStatus } };

export type ReviewSubmissionMutationVariables = Exact<{
  id: string | number;
  decision: ReviewDecision;
  comment?: string | null | undefined;
}>;


export type ReviewSubmissionMutation = { reviewSubmission: { multiplicity: number | null, submittedXyz: string | null, id: string, kind: SubmissionKind, status: SubmissionStatus, formula: string, charge: number, clusterId: string, createdAt: string, updatedAt: string, submittedByName: string, releaseNumber: number | null, changes: Array<{ field: string, before: string | null, after: string | null }>, measurements: Array<{ reactant: string, k1Cm3PerMoleculeS: number, k1UncertaintyCm3PerMoleculeS: number | null, log10K1: number, temperatureK: number | null, pressurePa: number | null, technique: Technique, techniqueDetail: string | null, doi: string | null, citation: string, notes: string | null, captureLimitCm3PerMoleculeS: number, captureLimitExplanation: string | null }>, structureJob: { isomerCount: number | null, lowestEnergyHartree: number | null, xyz: string | null, state: StructureState, progress: number, attempts: number, error: string | null } | null, history: Array<{ id: string, action: string, at: string, actorName: string, comment: string | null }> } };

export type CommentOnSubmissionMutationVariables = Exact<{
  id: string | number;
  text: string;
}>;


export type CommentOnSubmissionMutation = { commentOnSubmission: boolean };

export type ReleaseInfoFragment = { number: number, publishedAt: string, publishedByName: string | null, changelog: string, clusterCount: number, measurementCount: number, structureCount: number, submissionCount: number, reactants: Array<string>, datasetVersion: string, downloads: { json: string, csv: string, extendedXyz: string, xyzArchive: string } };

export type ReleasesQueryVariables = Exact<{ [key: string]: never; }>;


export type ReleasesQuery = { releases: Array<{ number: number, publishedAt: string, publishedByName: string | null, changelog: string, clusterCount: number, measurementCount: number, structureCount: number, submissionCount: number, reactants: Array<string>, datasetVersion: string, downloads: { json: string, csv: string, extendedXyz: string, xyzArchive: string } }> };

export type PublishReleaseMutationVariables = Exact<{
  changelog: string;
  idempotencyKey?: string | null | undefined;
}>;


export type PublishReleaseMutation = { publishRelease: { number: number, publishedAt: string, publishedByName: string | null, changelog: string, clusterCount: number, measurementCount: number, structureCount: number, submissionCount: number, reactants: Array<string>, datasetVersion: string, downloads: { json: string, csv: string, extendedXyz: string, xyzArchive: string } } };

export type ClusterSummaryFragment = { id: string, formula: string, charge: number, multiplicity: number | null, nuclearity: Nuclearity, metalFamily: string, metalAtomCount: number, log10K1: number | null, efficiency: number | null, hasStructure: boolean, atomCount: number, prediction: { kind: PredictionKind, log10K1: number, log10K1Std: number, interval68: { lowLog10K1: number, highLog10K1: number }, domain: { inDomain: boolean } } | null };

export type ClusterDetailFragment = { publishedName: string, metals: Array<string>, ligands: Array<string>, massU: number, cvFold: number | null, authorsIsomerId: string | null, k1Cm3PerMoleculeS: number | null, langevinRateCm3PerMoleculeS: number | null, id: string, formula: string, charge: number, multiplicity: number | null, nuclearity: Nuclearity, metalFamily: string, metalAtomCount: number, log10K1: number | null, efficiency: number | null, hasStructure: boolean, atomCount: number, composition: Array<{ element: string, count: number, isMetal: boolean }>, measurements: Array<{ id: string, reactant: string, log10K1: number, k1Cm3PerMoleculeS: number, source: { id: string, doi: string | null, citation: string, url: string | null } }>, prediction: { kind: PredictionKind, log10K1: number, log10K1Std: number, interval68: { lowLog10K1: number, highLog10K1: number }, domain: { inDomain: boolean } } | null };

export type SourceInfoFragment = { id: string, doi: string | null, citation: string, url: string | null };

export type FacetCountsFragment = { total: number, log10K1Min: number | null, log10K1Max: number | null, byCharge: Array<{ value: number, count: number }>, byElement: Array<{ value: string, count: number }>, byNuclearity: Array<{ value: string, count: number }>, byAtomCount: Array<{ value: number, count: number }> };

export type StructureFullFragment = { id: string, rank: number, method: string, program: string, programVersion: string, multiplicity: number, multiplicitySource: string, energyHartree: number, relativeEnergyKcalPerMol: number, homoLumoGapEv: number | null, dipoleDebye: number | null, bondRule: string, xyz: string, extendedXyz: string, atoms: Array<{ index: number, element: string, isMetal: boolean, xAngstrom: number, yAngstrom: number, zAngstrom: number, partialCharge: number, coordinationNumber: number }>, bonds: Array<{ a: number, b: number, order: number, lengthAngstrom: number }> };

export type ViewerAtomFragment = { index: number, element: string, isMetal: boolean, xAngstrom: number, yAngstrom: number, zAngstrom: number, partialCharge: number, coordinationNumber: number };

export type ViewerBondFragment = { a: number, b: number, order: number, lengthAngstrom: number };

export type PredictionInfoFragment = { kind: PredictionKind, protocol: string | null, protocolTitle: string | null, heldOutSplit: string | null, log10K1: number, unboundedLog10K1: number, cappedAtCaptureLimit: boolean, log10K1Std: number, k1Cm3PerMoleculeS: number, modelVersion: string, captureLimit: { kind: CaptureLimitKind, log10K1: number }, interval68: { confidence: number, lowLog10K1: number, highLog10K1: number, calibrated: boolean }, interval95: { confidence: number, lowLog10K1: number, highLog10K1: number, calibrated: boolean }, domain: { inDomain: boolean, reasons: Array<string>, caveats: Array<string>, nearestTrainingClusterId: string, nearestDistance: number, distanceThreshold: number, distancePercentile: number, unknownElements: Array<string> } };

export type IntervalInfoFragment = { confidence: number, lowLog10K1: number, highLog10K1: number, calibrated: boolean };

export type SubgraphInfoFragment = { kind: SubgraphKind, totalCharge: number, meanCharge: number, chargePolarization: number, chargeRange: number, atoms: Array<{ index: number, element: string }>, components: Array<{ totalCharge: number, chargePolarization: number, atoms: Array<{ index: number }> }> };

export type ExplanationInfoFragment = { level: AttributionLevel, method: string, modelVersion: string, fullLog10K1: number, emptyLog10K1: number | null, atoms: Array<{ index: number, element: string, value: number, standardError: number | null }>, bonds: Array<{ a: number, b: number, delta: number, elements: Array<string>, log10K1Without: number }>, subgraphs: Array<{ name: string, kind: string, atoms: Array<number>, shapleySum: number, removalEffect: number, coalitionValue: number, totalCharge: number, chargePolarization: number }> };

export type SearchPageQueryVariables = Exact<{
  filter?: ClusterFilter | null | undefined;
  orderBy?: ClusterOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  q?: string;
  hasQ?: boolean;
}>;


export type SearchPageQuery = { composition?: { text: string, charge: number | null, caseCorrected: boolean }, clusters: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, formula: string, charge: number, multiplicity: number | null, nuclearity: Nuclearity, metalFamily: string, metalAtomCount: number, log10K1: number | null, efficiency: number | null, hasStructure: boolean, atomCount: number, prediction: { kind: PredictionKind, log10K1: number, log10K1Std: number, interval68: { lowLog10K1: number, highLog10K1: number }, domain: { inDomain: boolean } } | null } }> }, matching: { total: number, log10K1Min: number | null, log10K1Max: number | null, byCharge: Array<{ value: number, count: number }>, byElement: Array<{ value: string, count: number }>, byNuclearity: Array<{ value: string, count: number }>, byAtomCount: Array<{ value: number, count: number }> }, catalog: { total: number, log10K1Min: number | null, log10K1Max: number | null, byCharge: Array<{ value: number, count: number }>, byElement: Array<{ value: string, count: number }>, byNuclearity: Array<{ value: string, count: number }>, byAtomCount: Array<{ value: number, count: number }> } };

export type SearchFacetsQueryVariables = Exact<{
  filter?: ClusterFilter | null | undefined;
}>;


export type SearchFacetsQuery = { matching: { total: number, log10K1Min: number | null, log10K1Max: number | null, byCharge: Array<{ value: number, count: number }>, byElement: Array<{ value: string, count: number }>, byNuclearity: Array<{ value: string, count: number }>, byAtomCount: Array<{ value: number, count: number }> }, catalog: { total: number, log10K1Min: number | null, log10K1Max: number | null, byCharge: Array<{ value: number, count: number }>, byElement: Array<{ value: string, count: number }>, byNuclearity: Array<{ value: string, count: number }>, byAtomCount: Array<{ value: number, count: number }> } };

export type SeriesQueryVariables = Exact<{
  filter: ClusterFilter;
  first: number;
}>;


export type SeriesQuery = { clusters: { edges: Array<{ node: { id: string, formula: string, charge: number, log10K1: number | null, atomCount: number, composition: Array<{ element: string, count: number, isMetal: boolean }> } }> } };

export type ClusterPageQueryVariables = Exact<{
  id: string | number;
}>;


export type ClusterPageQuery = { cluster: { publishedName: string, metals: Array<string>, ligands: Array<string>, massU: number, cvFold: number | null, authorsIsomerId: string | null, k1Cm3PerMoleculeS: number | null, langevinRateCm3PerMoleculeS: number | null, id: string, formula: string, charge: number, multiplicity: number | null, nuclearity: Nuclearity, metalFamily: string, metalAtomCount: number, log10K1: number | null, efficiency: number | null, hasStructure: boolean, atomCount: number, structure: { id: string, rank: number, method: string, program: string, programVersion: string, multiplicity: number, multiplicitySource: string, energyHartree: number, relativeEnergyKcalPerMol: number, homoLumoGapEv: number | null, dipoleDebye: number | null, bondRule: string, xyz: string, extendedXyz: string, atoms: Array<{ index: number, element: string, isMetal: boolean, xAngstrom: number, yAngstrom: number, zAngstrom: number, partialCharge: number, coordinationNumber: number }>, bonds: Array<{ a: number, b: number, order: number, lengthAngstrom: number }> } | null, isomers: Array<{ id: string, rank: number, relativeEnergyKcalPerMol: number, energyHartree: number, multiplicity: number, homoLumoGapEv: number | null, atoms: Array<{ index: number }> }>, prediction: { kind: PredictionKind, log10K1: number, log10K1Std: number, protocol: string | null, protocolTitle: string | null, heldOutSplit: string | null, unboundedLog10K1: number, cappedAtCaptureLimit: boolean, k1Cm3PerMoleculeS: number, modelVersion: string, interval68: { lowLog10K1: number, highLog10K1: number, confidence: number, calibrated: boolean }, domain: { inDomain: boolean, reasons: Array<string>, caveats: Array<string>, nearestTrainingClusterId: string, nearestDistance: number, distanceThreshold: number, distancePercentile: number, unknownElements: Array<string> }, captureLimit: { kind: CaptureLimitKind, log10K1: number }, interval95: { confidence: number, lowLog10K1: number, highLog10K1: number, calibrated: boolean } } | null, heldOutPredictions: Array<{ protocol: string, protocolTitle: string, split: string, log10K1: number, log10K1Std: number }> | null, composition: Array<{ element: string, count: number, isMetal: boolean }>, measurements: Array<{ id: string, reactant: string, log10K1: number, k1Cm3PerMoleculeS: number, source: { id: string, doi: string | null, citation: string, url: string | null } }> } | null, similar: Array<{ similarity: number, cluster: { id: string, formula: string, charge: number, multiplicity: number | null, nuclearity: Nuclearity, metalFamily: string, metalAtomCount: number, log10K1: number | null, efficiency: number | null, hasStructure: boolean, atomCount: number, prediction: { kind: PredictionKind, log10K1: number, log10K1Std: number, interval68: { lowLog10K1: number, highLog10K1: number }, domain: { inDomain: boolean } } | null } }> | null, metalCore: { kind: SubgraphKind, totalCharge: number, meanCharge: number, chargePolarization: number, chargeRange: number, atoms: Array<{ index: number, element: string }>, components: Array<{ totalCharge: number, chargePolarization: number, atoms: Array<{ index: number }> }> } | null, ligandShell: { kind: SubgraphKind, totalCharge: number, meanCharge: number, chargePolarization: number, chargeRange: number, atoms: Array<{ index: number, element: string }>, components: Array<{ totalCharge: number, chargePolarization: number, atoms: Array<{ index: number }> }> } | null };

export type ComparePageQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
  first: number;
}>;


export type ComparePageQuery = { clusters: { edges: Array<{ node: { publishedName: string, metals: Array<string>, ligands: Array<string>, massU: number, cvFold: number | null, authorsIsomerId: string | null, k1Cm3PerMoleculeS: number | null, langevinRateCm3PerMoleculeS: number | null, id: string, formula: string, charge: number, multiplicity: number | null, nuclearity: Nuclearity, metalFamily: string, metalAtomCount: number, log10K1: number | null, efficiency: number | null, hasStructure: boolean, atomCount: number, structure: { id: string, rank: number, method: string, program: string, programVersion: string, multiplicity: number, multiplicitySource: string, energyHartree: number, relativeEnergyKcalPerMol: number, homoLumoGapEv: number | null, dipoleDebye: number | null, bondRule: string, xyz: string, extendedXyz: string, atoms: Array<{ index: number, element: string, isMetal: boolean, xAngstrom: number, yAngstrom: number, zAngstrom: number, partialCharge: number, coordinationNumber: number }>, bonds: Array<{ a: number, b: number, order: number, lengthAngstrom: number }> } | null, prediction: { kind: PredictionKind, log10K1: number, log10K1Std: number, protocol: string | null, protocolTitle: string | null, heldOutSplit: string | null, unboundedLog10K1: number, cappedAtCaptureLimit: boolean, k1Cm3PerMoleculeS: number, modelVersion: string, interval68: { lowLog10K1: number, highLog10K1: number, confidence: number, calibrated: boolean }, domain: { inDomain: boolean, reasons: Array<string>, caveats: Array<string>, nearestTrainingClusterId: string, nearestDistance: number, distanceThreshold: number, distancePercentile: number, unknownElements: Array<string> }, captureLimit: { kind: CaptureLimitKind, log10K1: number }, interval95: { confidence: number, lowLog10K1: number, highLog10K1: number, calibrated: boolean } } | null, composition: Array<{ element: string, count: number, isMetal: boolean }>, measurements: Array<{ id: string, reactant: string, log10K1: number, k1Cm3PerMoleculeS: number, source: { id: string, doi: string | null, citation: string, url: string | null } }> } }> } };

export type ClusterIdByFormulaQueryVariables = Exact<{
  formula: string;
  charge: number;
}>;


export type ClusterIdByFormulaQuery = { clusterByFormula: { id: string } | null };

export type TrendsPageQueryVariables = Exact<{
  after?: string | null | undefined;
  first: number;
}>;


export type TrendsPageQuery = { clusters: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, formula: string, charge: number, metalAtomCount: number, metals: Array<string>, ligands: Array<string>, log10K1: number | null, atomCount: number } }> } };

export type DatasetQueryVariables = Exact<{ [key: string]: never; }>;


export type DatasetQuery = { dataset: { name: string, version: string, clusterCount: number, structureCount: number } | null };

export type AboutPageQueryVariables = Exact<{ [key: string]: never; }>;


export type AboutPageQuery = { withStructure: { edges: Array<{ node: { id: string, structure: { method: string, program: string, programVersion: string, bondRule: string, settings: string } | null } }> }, dataset: { name: string, version: string, clusterCount: number, structureCount: number } | null, clusters: { edges: Array<{ node: { measurements: Array<{ source: { id: string, doi: string | null, citation: string, url: string | null } }> } }> } };

export type ExplainClusterQueryVariables = Exact<{
  id: string | number;
}>;


export type ExplainClusterQuery = { atoms: { level: AttributionLevel, method: string, modelVersion: string, fullLog10K1: number, emptyLog10K1: number | null, atoms: Array<{ index: number, element: string, value: number, standardError: number | null }>, bonds: Array<{ a: number, b: number, delta: number, elements: Array<string>, log10K1Without: number }>, subgraphs: Array<{ name: string, kind: string, atoms: Array<number>, shapleySum: number, removalEffect: number, coalitionValue: number, totalCharge: number, chargePolarization: number }> } | null, subgraphs: { level: AttributionLevel, method: string, modelVersion: string, fullLog10K1: number, emptyLog10K1: number | null, atoms: Array<{ index: number, element: string, value: number, standardError: number | null }>, bonds: Array<{ a: number, b: number, delta: number, elements: Array<string>, log10K1Without: number }>, subgraphs: Array<{ name: string, kind: string, atoms: Array<number>, shapleySum: number, removalEffect: number, coalitionValue: number, totalCharge: number, chargePolarization: number }> } | null };

export type MotifSearchQueryVariables = Exact<{
  pattern: MotifPatternInput;
  filter?: ClusterFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MotifSearchQuery = { motifSearch: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { matchCount: number, distinctMatchCount: number, distinctMatches: Array<Array<number>>, cluster: { id: string, formula: string, charge: number, multiplicity: number | null, nuclearity: Nuclearity, metalFamily: string, metalAtomCount: number, log10K1: number | null, efficiency: number | null, hasStructure: boolean, atomCount: number, structure: { atoms: Array<{ index: number, element: string, isMetal: boolean, xAngstrom: number, yAngstrom: number, zAngstrom: number, partialCharge: number, coordinationNumber: number }>, bonds: Array<{ a: number, b: number, order: number, lengthAngstrom: number }> } | null, prediction: { kind: PredictionKind, log10K1: number, log10K1Std: number, interval68: { lowLog10K1: number, highLog10K1: number }, domain: { inDomain: boolean } } | null } } }> } };

export type PredictQueryVariables = Exact<{
  structure: StructureInput;
}>;


export type PredictQuery = { predict: { xtbWallTimeMs: number, prediction: { kind: PredictionKind, protocol: string | null, protocolTitle: string | null, heldOutSplit: string | null, log10K1: number, unboundedLog10K1: number, cappedAtCaptureLimit: boolean, log10K1Std: number, k1Cm3PerMoleculeS: number, modelVersion: string, captureLimit: { kind: CaptureLimitKind, log10K1: number }, interval68: { confidence: number, lowLog10K1: number, highLog10K1: number, calibrated: boolean }, interval95: { confidence: number, lowLog10K1: number, highLog10K1: number, calibrated: boolean }, domain: { inDomain: boolean, reasons: Array<string>, caveats: Array<string>, nearestTrainingClusterId: string, nearestDistance: number, distanceThreshold: number, distancePercentile: number, unknownElements: Array<string> } }, structure: { id: string, rank: number, method: string, program: string, programVersion: string, multiplicity: number, multiplicitySource: string, energyHartree: number, relativeEnergyKcalPerMol: number, homoLumoGapEv: number | null, dipoleDebye: number | null, bondRule: string, xyz: string, extendedXyz: string, atoms: Array<{ index: number, element: string, isMetal: boolean, xAngstrom: number, yAngstrom: number, zAngstrom: number, partialCharge: number, coordinationNumber: number }>, bonds: Array<{ a: number, b: number, order: number, lengthAngstrom: number }> }, nearest: Array<{ similarity: number, cluster: { id: string, formula: string, charge: number, multiplicity: number | null, nuclearity: Nuclearity, metalFamily: string, metalAtomCount: number, log10K1: number | null, efficiency: number | null, hasStructure: boolean, atomCount: number, prediction: { kind: PredictionKind, log10K1: number, log10K1Std: number, interval68: { lowLog10K1: number, highLog10K1: number }, domain: { inDomain: boolean } } | null } }> } };

export type ExplainStructureQueryVariables = Exact<{
  structure: StructureInput;
}>;


export type ExplainStructureQuery = { explain: { level: AttributionLevel, method: string, modelVersion: string, fullLog10K1: number, emptyLog10K1: number | null, atoms: Array<{ index: number, element: string, value: number, standardError: number | null }>, bonds: Array<{ a: number, b: number, delta: number, elements: Array<string>, log10K1Without: number }>, subgraphs: Array<{ name: string, kind: string, atoms: Array<number>, shapleySum: number, removalEffect: number, coalitionValue: number, totalCharge: number, chargePolarization: number }> } | null };

export type ModelCardQueryVariables = Exact<{ [key: string]: never; }>;


export type ModelCardQuery = { model: { name: string, version: string, members: number, opset: number, trainingClusterCount: number, trainingElements: Array<string>, trainingAtomCountMin: number, trainingAtomCountMax: number, trainingDataSha256: string, domainDistanceThreshold: number, metrics: Record<string, unknown>, card: Record<string, unknown> | null } };

export type ClusterXyzQueryVariables = Exact<{
  id: string | number;
}>;


export type ClusterXyzQuery = { cluster: { id: string, charge: number, structure: { xyz: string, multiplicity: number } | null } | null };

export type LimitsQueryVariables = Exact<{ [key: string]: never; }>;


export type LimitsQuery = { limits: { maxPageSize: number, defaultPageSize: number, maxIdLength: number, maxFormulaLength: number, maxFilterListLength: number, maxSimilar: number, predict: { maxAtoms: number, maxCharge: number, maxXyzCharacters: number, minDistanceAngstrom: number }, motif: { maxAtoms: number, maxBonds: number, maxBondOrder: number, maxMatchesPerCluster: number } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AccountKeyFragmentDoc = new TypedDocumentString(`
    fragment AccountKey on ApiKey {
  id
  label
  createdAt
  lastUsedAt
  revokedAt
}
    `, {"fragmentName":"AccountKey"}) as unknown as TypedDocumentString<AccountKeyFragment, unknown>;
export const AccountUserFragmentDoc = new TypedDocumentString(`
    fragment AccountUser on User {
  id
  name
  role
  createdAt
  disabledAt
  keys {
    ...AccountKey
  }
}
    fragment AccountKey on ApiKey {
  id
  label
  createdAt
  lastUsedAt
  revokedAt
}`, {"fragmentName":"AccountUser"}) as unknown as TypedDocumentString<AccountUserFragment, unknown>;
export const SubmissionSummaryFragmentDoc = new TypedDocumentString(`
    fragment SubmissionSummary on Submission {
  id
  kind
  status
  formula
  charge
  clusterId
  createdAt
  updatedAt
  submittedByName
  releaseNumber
  structureJob {
    state
    progress
    attempts
    error
  }
}
    `, {"fragmentName":"SubmissionSummary"}) as unknown as TypedDocumentString<SubmissionSummaryFragment, unknown>;
export const SubmissionDetailFragmentDoc = new TypedDocumentString(`
    fragment SubmissionDetail on Submission {
  ...SubmissionSummary
  multiplicity
  submittedXyz
  changes {
    field
    before
    after
  }
  measurements {
    reactant
    k1Cm3PerMoleculeS
    k1UncertaintyCm3PerMoleculeS
    log10K1
    temperatureK
    pressurePa
    technique
    techniqueDetail
    doi
    citation
    notes
    captureLimitCm3PerMoleculeS
    captureLimitExplanation
  }
  structureJob {
    isomerCount
    lowestEnergyHartree
    xyz
  }
  history {
    id
    action
    at
    actorName
    comment
  }
}
    fragment SubmissionSummary on Submission {
  id
  kind
  status
  formula
  charge
  clusterId
  createdAt
  updatedAt
  submittedByName
  releaseNumber
  structureJob {
    state
    progress
    attempts
    error
  }
}`, {"fragmentName":"SubmissionDetail"}) as unknown as TypedDocumentString<SubmissionDetailFragment, unknown>;
export const ReleaseInfoFragmentDoc = new TypedDocumentString(`
    fragment ReleaseInfo on Release {
  number
  publishedAt
  publishedByName
  changelog
  clusterCount
  measurementCount
  structureCount
  submissionCount
  reactants
  datasetVersion
  downloads {
    json
    csv
    extendedXyz
    xyzArchive
  }
}
    `, {"fragmentName":"ReleaseInfo"}) as unknown as TypedDocumentString<ReleaseInfoFragment, unknown>;
export const ClusterSummaryFragmentDoc = new TypedDocumentString(`
    fragment ClusterSummary on Cluster {
  id
  formula
  charge
  atomCount: size
  multiplicity
  nuclearity
  metalFamily
  metalAtomCount
  log10K1
  efficiency
  hasStructure
  prediction {
    kind
    log10K1
    log10K1Std
    interval68 {
      lowLog10K1
      highLog10K1
    }
    domain {
      inDomain
    }
  }
}
    `, {"fragmentName":"ClusterSummary"}) as unknown as TypedDocumentString<ClusterSummaryFragment, unknown>;
export const SourceInfoFragmentDoc = new TypedDocumentString(`
    fragment SourceInfo on Source {
  id
  doi
  citation
  url
}
    `, {"fragmentName":"SourceInfo"}) as unknown as TypedDocumentString<SourceInfoFragment, unknown>;
export const ClusterDetailFragmentDoc = new TypedDocumentString(`
    fragment ClusterDetail on Cluster {
  ...ClusterSummary
  publishedName
  composition {
    element
    count
    isMetal
  }
  metals
  ligands
  massU
  cvFold
  authorsIsomerId
  k1Cm3PerMoleculeS
  langevinRateCm3PerMoleculeS
  measurements {
    id
    reactant
    log10K1
    k1Cm3PerMoleculeS
    source {
      ...SourceInfo
    }
  }
}
    fragment ClusterSummary on Cluster {
  id
  formula
  charge
  atomCount: size
  multiplicity
  nuclearity
  metalFamily
  metalAtomCount
  log10K1
  efficiency
  hasStructure
  prediction {
    kind
    log10K1
    log10K1Std
    interval68 {
      lowLog10K1
      highLog10K1
    }
    domain {
      inDomain
    }
  }
}
fragment SourceInfo on Source {
  id
  doi
  citation
  url
}`, {"fragmentName":"ClusterDetail"}) as unknown as TypedDocumentString<ClusterDetailFragment, unknown>;
export const FacetCountsFragmentDoc = new TypedDocumentString(`
    fragment FacetCounts on CatalogFacets {
  total
  byCharge {
    value
    count
  }
  byElement {
    value
    count
  }
  byNuclearity {
    value
    count
  }
  byAtomCount: bySize {
    value
    count
  }
  log10K1Min
  log10K1Max
}
    `, {"fragmentName":"FacetCounts"}) as unknown as TypedDocumentString<FacetCountsFragment, unknown>;
export const ViewerAtomFragmentDoc = new TypedDocumentString(`
    fragment ViewerAtom on Atom {
  index
  element
  isMetal
  xAngstrom
  yAngstrom
  zAngstrom
  partialCharge
  coordinationNumber
}
    `, {"fragmentName":"ViewerAtom"}) as unknown as TypedDocumentString<ViewerAtomFragment, unknown>;
export const ViewerBondFragmentDoc = new TypedDocumentString(`
    fragment ViewerBond on Bond {
  a
  b
  order
  lengthAngstrom
}
    `, {"fragmentName":"ViewerBond"}) as unknown as TypedDocumentString<ViewerBondFragment, unknown>;
export const StructureFullFragmentDoc = new TypedDocumentString(`
    fragment StructureFull on Structure {
  id
  rank
  method
  program
  programVersion
  multiplicity
  multiplicitySource
  energyHartree
  relativeEnergyKcalPerMol
  homoLumoGapEv
  dipoleDebye
  bondRule
  xyz
  extendedXyz
  atoms {
    ...ViewerAtom
  }
  bonds {
    ...ViewerBond
  }
}
    fragment ViewerAtom on Atom {
  index
  element
  isMetal
  xAngstrom
  yAngstrom
  zAngstrom
  partialCharge
  coordinationNumber
}
fragment ViewerBond on Bond {
  a
  b
  order
  lengthAngstrom
}`, {"fragmentName":"StructureFull"}) as unknown as TypedDocumentString<StructureFullFragment, unknown>;
export const IntervalInfoFragmentDoc = new TypedDocumentString(`
    fragment IntervalInfo on PredictionInterval {
  confidence
  lowLog10K1
  highLog10K1
  calibrated
}
    `, {"fragmentName":"IntervalInfo"}) as unknown as TypedDocumentString<IntervalInfoFragment, unknown>;
export const PredictionInfoFragmentDoc = new TypedDocumentString(`
    fragment PredictionInfo on Prediction {
  kind
  protocol
  protocolTitle
  heldOutSplit
  log10K1
  unboundedLog10K1
  cappedAtCaptureLimit
  log10K1Std
  k1Cm3PerMoleculeS
  modelVersion
  captureLimit {
    kind
    log10K1
  }
  interval68 {
    ...IntervalInfo
  }
  interval95 {
    ...IntervalInfo
  }
  domain {
    inDomain
    reasons
    caveats
    nearestTrainingClusterId
    nearestDistance
    distanceThreshold
    distancePercentile
    unknownElements
  }
}
    fragment IntervalInfo on PredictionInterval {
  confidence
  lowLog10K1
  highLog10K1
  calibrated
}`, {"fragmentName":"PredictionInfo"}) as unknown as TypedDocumentString<PredictionInfoFragment, unknown>;
export const SubgraphInfoFragmentDoc = new TypedDocumentString(`
    fragment SubgraphInfo on Subgraph {
  kind
  totalCharge
  meanCharge
  chargePolarization
  chargeRange
  atoms {
    index
    element
  }
  components {
    totalCharge
    chargePolarization
    atoms {
      index
    }
  }
}
    `, {"fragmentName":"SubgraphInfo"}) as unknown as TypedDocumentString<SubgraphInfoFragment, unknown>;
export const ExplanationInfoFragmentDoc = new TypedDocumentString(`
    fragment ExplanationInfo on Explanation {
  level
  method
  modelVersion
  fullLog10K1
  emptyLog10K1
  atoms {
    index
    element
    value
    standardError
  }
  bonds {
    a
    b
    delta
    elements
    log10K1Without
  }
  subgraphs {
    name
    kind
    atoms
    shapleySum
    removalEffect
    coalitionValue
    totalCharge
    chargePolarization
  }
}
    `, {"fragmentName":"ExplanationInfo"}) as unknown as TypedDocumentString<ExplanationInfoFragment, unknown>;
export const AccountUsersDocument = new TypedDocumentString(`
    query AccountUsers {
  viewer {
    id
    name
    role
  }
  users {
    ...AccountUser
  }
}
    fragment AccountKey on ApiKey {
  id
  label
  createdAt
  lastUsedAt
  revokedAt
}
fragment AccountUser on User {
  id
  name
  role
  createdAt
  disabledAt
  keys {
    ...AccountKey
  }
}`) as unknown as TypedDocumentString<AccountUsersQuery, AccountUsersQueryVariables>;
export const CreateUserDocument = new TypedDocumentString(`
    mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    user {
      ...AccountUser
    }
    created {
      key
    }
  }
}
    fragment AccountKey on ApiKey {
  id
  label
  createdAt
  lastUsedAt
  revokedAt
}
fragment AccountUser on User {
  id
  name
  role
  createdAt
  disabledAt
  keys {
    ...AccountKey
  }
}`) as unknown as TypedDocumentString<CreateUserMutation, CreateUserMutationVariables>;
export const CreateApiKeyDocument = new TypedDocumentString(`
    mutation CreateApiKey($userId: ID!, $label: String) {
  createApiKey(userId: $userId, label: $label) {
    key
    apiKey {
      ...AccountKey
    }
  }
}
    fragment AccountKey on ApiKey {
  id
  label
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = new TypedDocumentString(`
    mutation RevokeApiKey($keyId: ID!) {
  revokeApiKey(keyId: $keyId) {
    ...AccountKey
  }
}
    fragment AccountKey on ApiKey {
  id
  label
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const SetUserDisabledDocument = new TypedDocumentString(`
    mutation SetUserDisabled($userId: ID!, $disabled: Boolean!) {
  setUserDisabled(userId: $userId, disabled: $disabled) {
    ...AccountUser
  }
}
    fragment AccountKey on ApiKey {
  id
  label
  createdAt
  lastUsedAt
  revokedAt
}
fragment AccountUser on User {
  id
  name
  role
  createdAt
  disabledAt
  keys {
    ...AccountKey
  }
}`) as unknown as TypedDocumentString<SetUserDisabledMutation, SetUserDisabledMutationVariables>;
export const SubmissionsDocument = new TypedDocumentString(`
    query Submissions($status: SubmissionStatus, $mine: Boolean, $first: Int) {
  submissions(status: $status, mine: $mine, first: $first) {
    totalCount
    items {
      ...SubmissionSummary
    }
  }
}
    fragment SubmissionSummary on Submission {
  id
  kind
  status
  formula
  charge
  clusterId
  createdAt
  updatedAt
  submittedByName
  releaseNumber
  structureJob {
    state
    progress
    attempts
    error
  }
}`) as unknown as TypedDocumentString<SubmissionsQuery, SubmissionsQueryVariables>;
export const SubmissionDocument = new TypedDocumentString(`
    query Submission($id: ID!) {
  submission(id: $id) {
    ...SubmissionDetail
  }
}
    fragment SubmissionSummary on Submission {
  id
  kind
  status
  formula
  charge
  clusterId
  createdAt
  updatedAt
  submittedByName
  releaseNumber
  structureJob {
    state
    progress
    attempts
    error
  }
}
fragment SubmissionDetail on Submission {
  ...SubmissionSummary
  multiplicity
  submittedXyz
  changes {
    field
    before
    after
  }
  measurements {
    reactant
    k1Cm3PerMoleculeS
    k1UncertaintyCm3PerMoleculeS
    log10K1
    temperatureK
    pressurePa
    technique
    techniqueDetail
    doi
    citation
    notes
    captureLimitCm3PerMoleculeS
    captureLimitExplanation
  }
  structureJob {
    isomerCount
    lowestEnergyHartree
    xyz
  }
  history {
    id
    action
    at
    actorName
    comment
  }
}`) as unknown as TypedDocumentString<SubmissionQuery, SubmissionQueryVariables>;
export const SubmitFormDocument = new TypedDocumentString(`
    query SubmitForm {
  reactants {
    formula
    name
    massU
    polarizabilityAngstrom3
    dipoleDebye
  }
}
    `) as unknown as TypedDocumentString<SubmitFormQuery, SubmitFormQueryVariables>;
export const CompositionCheckDocument = new TypedDocumentString(`
    query CompositionCheck($text: String!) {
  composition(text: $text) {
    text
    charge
    caseCorrected
    elements {
      element
      min
      max
    }
  }
}
    `) as unknown as TypedDocumentString<CompositionCheckQuery, CompositionCheckQueryVariables>;
export const CatalogClusterCheckDocument = new TypedDocumentString(`
    query CatalogClusterCheck($formula: String!, $charge: Int!) {
  clusterByFormula(formula: $formula, charge: $charge) {
    id
    formula
    charge
  }
}
    `) as unknown as TypedDocumentString<CatalogClusterCheckQuery, CatalogClusterCheckQueryVariables>;
export const SubmitMeasurementDocument = new TypedDocumentString(`
    mutation SubmitMeasurement($cluster: ClusterRefInput!, $measurement: MeasurementSubmissionInput!, $idempotencyKey: String) {
  submitMeasurement(
    cluster: $cluster
    measurement: $measurement
    idempotencyKey: $idempotencyKey
  ) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<SubmitMeasurementMutation, SubmitMeasurementMutationVariables>;
export const SubmitClusterDocument = new TypedDocumentString(`
    mutation SubmitCluster($cluster: ClusterSubmissionInput!, $idempotencyKey: String) {
  submitCluster(cluster: $cluster, idempotencyKey: $idempotencyKey) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<SubmitClusterMutation, SubmitClusterMutationVariables>;
export const ReviewSubmissionDocument = new TypedDocumentString(`
    mutation ReviewSubmission($id: ID!, $decision: ReviewDecision!, $comment: String) {
  reviewSubmission(id: $id, decision: $decision, comment: $comment) {
    ...SubmissionDetail
  }
}
    fragment SubmissionSummary on Submission {
  id
  kind
  status
  formula
  charge
  clusterId
  createdAt
  updatedAt
  submittedByName
  releaseNumber
  structureJob {
    state
    progress
    attempts
    error
  }
}
fragment SubmissionDetail on Submission {
  ...SubmissionSummary
  multiplicity
  submittedXyz
  changes {
    field
    before
    after
  }
  measurements {
    reactant
    k1Cm3PerMoleculeS
    k1UncertaintyCm3PerMoleculeS
    log10K1
    temperatureK
    pressurePa
    technique
    techniqueDetail
    doi
    citation
    notes
    captureLimitCm3PerMoleculeS
    captureLimitExplanation
  }
  structureJob {
    isomerCount
    lowestEnergyHartree
    xyz
  }
  history {
    id
    action
    at
    actorName
    comment
  }
}`) as unknown as TypedDocumentString<ReviewSubmissionMutation, ReviewSubmissionMutationVariables>;
export const CommentOnSubmissionDocument = new TypedDocumentString(`
    mutation CommentOnSubmission($id: ID!, $text: String!) {
  commentOnSubmission(id: $id, text: $text)
}
    `) as unknown as TypedDocumentString<CommentOnSubmissionMutation, CommentOnSubmissionMutationVariables>;
export const ReleasesDocument = new TypedDocumentString(`
    query Releases {
  releases {
    ...ReleaseInfo
  }
}
    fragment ReleaseInfo on Release {
  number
  publishedAt
  publishedByName
  changelog
  clusterCount
  measurementCount
  structureCount
  submissionCount
  reactants
  datasetVersion
  downloads {
    json
    csv
    extendedXyz
    xyzArchive
  }
}`) as unknown as TypedDocumentString<ReleasesQuery, ReleasesQueryVariables>;
export const PublishReleaseDocument = new TypedDocumentString(`
    mutation PublishRelease($changelog: String!, $idempotencyKey: String) {
  publishRelease(changelog: $changelog, idempotencyKey: $idempotencyKey) {
    ...ReleaseInfo
  }
}
    fragment ReleaseInfo on Release {
  number
  publishedAt
  publishedByName
  changelog
  clusterCount
  measurementCount
  structureCount
  submissionCount
  reactants
  datasetVersion
  downloads {
    json
    csv
    extendedXyz
    xyzArchive
  }
}`) as unknown as TypedDocumentString<PublishReleaseMutation, PublishReleaseMutationVariables>;
export const SearchPageDocument = new TypedDocumentString(`
    query SearchPage($filter: ClusterFilter, $orderBy: ClusterOrder, $first: Int, $after: String, $q: String! = "", $hasQ: Boolean! = false) {
  composition(text: $q) @include(if: $hasQ) {
    text
    charge
    caseCorrected
  }
  clusters(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...ClusterSummary
      }
    }
  }
  matching: facets(filter: $filter) {
    ...FacetCounts
  }
  catalog: facets {
    ...FacetCounts
  }
}
    fragment ClusterSummary on Cluster {
  id
  formula
  charge
  atomCount: size
  multiplicity
  nuclearity
  metalFamily
  metalAtomCount
  log10K1
  efficiency
  hasStructure
  prediction {
    kind
    log10K1
    log10K1Std
    interval68 {
      lowLog10K1
      highLog10K1
    }
    domain {
      inDomain
    }
  }
}
fragment FacetCounts on CatalogFacets {
  total
  byCharge {
    value
    count
  }
  byElement {
    value
    count
  }
  byNuclearity {
    value
    count
  }
  byAtomCount: bySize {
    value
    count
  }
  log10K1Min
  log10K1Max
}`) as unknown as TypedDocumentString<SearchPageQuery, SearchPageQueryVariables>;
export const SearchFacetsDocument = new TypedDocumentString(`
    query SearchFacets($filter: ClusterFilter) {
  matching: facets(filter: $filter) {
    ...FacetCounts
  }
  catalog: facets {
    ...FacetCounts
  }
}
    fragment FacetCounts on CatalogFacets {
  total
  byCharge {
    value
    count
  }
  byElement {
    value
    count
  }
  byNuclearity {
    value
    count
  }
  byAtomCount: bySize {
    value
    count
  }
  log10K1Min
  log10K1Max
}`) as unknown as TypedDocumentString<SearchFacetsQuery, SearchFacetsQueryVariables>;
export const SeriesDocument = new TypedDocumentString(`
    query Series($filter: ClusterFilter!, $first: Int!) {
  clusters(filter: $filter, first: $first, orderBy: {field: SIZE, direction: ASC}) {
    edges {
      node {
        id
        formula
        charge
        atomCount: size
        log10K1
        composition {
          element
          count
          isMetal
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SeriesQuery, SeriesQueryVariables>;
export const ClusterPageDocument = new TypedDocumentString(`
    query ClusterPage($id: ID!) {
  cluster(id: $id) {
    ...ClusterDetail
    structure {
      ...StructureFull
    }
    isomers {
      id
      rank
      relativeEnergyKcalPerMol
      energyHartree
      multiplicity
      homoLumoGapEv
      atoms {
        index
      }
    }
    prediction {
      ...PredictionInfo
    }
    heldOutPredictions {
      protocol
      protocolTitle
      split
      log10K1
      log10K1Std
    }
  }
  similar(clusterId: $id, k: 5) {
    similarity
    cluster {
      ...ClusterSummary
    }
  }
  metalCore: subgraph(clusterId: $id, kind: METAL_CORE) {
    ...SubgraphInfo
  }
  ligandShell: subgraph(clusterId: $id, kind: LIGAND_SHELL) {
    ...SubgraphInfo
  }
}
    fragment ClusterSummary on Cluster {
  id
  formula
  charge
  atomCount: size
  multiplicity
  nuclearity
  metalFamily
  metalAtomCount
  log10K1
  efficiency
  hasStructure
  prediction {
    kind
    log10K1
    log10K1Std
    interval68 {
      lowLog10K1
      highLog10K1
    }
    domain {
      inDomain
    }
  }
}
fragment ClusterDetail on Cluster {
  ...ClusterSummary
  publishedName
  composition {
    element
    count
    isMetal
  }
  metals
  ligands
  massU
  cvFold
  authorsIsomerId
  k1Cm3PerMoleculeS
  langevinRateCm3PerMoleculeS
  measurements {
    id
    reactant
    log10K1
    k1Cm3PerMoleculeS
    source {
      ...SourceInfo
    }
  }
}
fragment SourceInfo on Source {
  id
  doi
  citation
  url
}
fragment StructureFull on Structure {
  id
  rank
  method
  program
  programVersion
  multiplicity
  multiplicitySource
  energyHartree
  relativeEnergyKcalPerMol
  homoLumoGapEv
  dipoleDebye
  bondRule
  xyz
  extendedXyz
  atoms {
    ...ViewerAtom
  }
  bonds {
    ...ViewerBond
  }
}
fragment ViewerAtom on Atom {
  index
  element
  isMetal
  xAngstrom
  yAngstrom
  zAngstrom
  partialCharge
  coordinationNumber
}
fragment ViewerBond on Bond {
  a
  b
  order
  lengthAngstrom
}
fragment PredictionInfo on Prediction {
  kind
  protocol
  protocolTitle
  heldOutSplit
  log10K1
  unboundedLog10K1
  cappedAtCaptureLimit
  log10K1Std
  k1Cm3PerMoleculeS
  modelVersion
  captureLimit {
    kind
    log10K1
  }
  interval68 {
    ...IntervalInfo
  }
  interval95 {
    ...IntervalInfo
  }
  domain {
    inDomain
    reasons
    caveats
    nearestTrainingClusterId
    nearestDistance
    distanceThreshold
    distancePercentile
    unknownElements
  }
}
fragment IntervalInfo on PredictionInterval {
  confidence
  lowLog10K1
  highLog10K1
  calibrated
}
fragment SubgraphInfo on Subgraph {
  kind
  totalCharge
  meanCharge
  chargePolarization
  chargeRange
  atoms {
    index
    element
  }
  components {
    totalCharge
    chargePolarization
    atoms {
      index
    }
  }
}`) as unknown as TypedDocumentString<ClusterPageQuery, ClusterPageQueryVariables>;
export const ComparePageDocument = new TypedDocumentString(`
    query ComparePage($ids: [ID!]!, $first: Int!) {
  clusters(filter: {ids: $ids}, first: $first) {
    edges {
      node {
        ...ClusterDetail
        structure {
          ...StructureFull
        }
        prediction {
          ...PredictionInfo
        }
      }
    }
  }
}
    fragment ClusterSummary on Cluster {
  id
  formula
  charge
  atomCount: size
  multiplicity
  nuclearity
  metalFamily
  metalAtomCount
  log10K1
  efficiency
  hasStructure
  prediction {
    kind
    log10K1
    log10K1Std
    interval68 {
      lowLog10K1
      highLog10K1
    }
    domain {
      inDomain
    }
  }
}
fragment ClusterDetail on Cluster {
  ...ClusterSummary
  publishedName
  composition {
    element
    count
    isMetal
  }
  metals
  ligands
  massU
  cvFold
  authorsIsomerId
  k1Cm3PerMoleculeS
  langevinRateCm3PerMoleculeS
  measurements {
    id
    reactant
    log10K1
    k1Cm3PerMoleculeS
    source {
      ...SourceInfo
    }
  }
}
fragment SourceInfo on Source {
  id
  doi
  citation
  url
}
fragment StructureFull on Structure {
  id
  rank
  method
  program
  programVersion
  multiplicity
  multiplicitySource
  energyHartree
  relativeEnergyKcalPerMol
  homoLumoGapEv
  dipoleDebye
  bondRule
  xyz
  extendedXyz
  atoms {
    ...ViewerAtom
  }
  bonds {
    ...ViewerBond
  }
}
fragment ViewerAtom on Atom {
  index
  element
  isMetal
  xAngstrom
  yAngstrom
  zAngstrom
  partialCharge
  coordinationNumber
}
fragment ViewerBond on Bond {
  a
  b
  order
  lengthAngstrom
}
fragment PredictionInfo on Prediction {
  kind
  protocol
  protocolTitle
  heldOutSplit
  log10K1
  unboundedLog10K1
  cappedAtCaptureLimit
  log10K1Std
  k1Cm3PerMoleculeS
  modelVersion
  captureLimit {
    kind
    log10K1
  }
  interval68 {
    ...IntervalInfo
  }
  interval95 {
    ...IntervalInfo
  }
  domain {
    inDomain
    reasons
    caveats
    nearestTrainingClusterId
    nearestDistance
    distanceThreshold
    distancePercentile
    unknownElements
  }
}
fragment IntervalInfo on PredictionInterval {
  confidence
  lowLog10K1
  highLog10K1
  calibrated
}`) as unknown as TypedDocumentString<ComparePageQuery, ComparePageQueryVariables>;
export const ClusterIdByFormulaDocument = new TypedDocumentString(`
    query ClusterIdByFormula($formula: String!, $charge: Int!) {
  clusterByFormula(formula: $formula, charge: $charge) {
    id
  }
}
    `) as unknown as TypedDocumentString<ClusterIdByFormulaQuery, ClusterIdByFormulaQueryVariables>;
export const TrendsPageDocument = new TypedDocumentString(`
    query TrendsPage($after: String, $first: Int!) {
  clusters(first: $first, after: $after, orderBy: {field: SIZE, direction: ASC}) {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        formula
        charge
        atomCount: size
        metalAtomCount
        metals
        ligands
        log10K1
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TrendsPageQuery, TrendsPageQueryVariables>;
export const DatasetDocument = new TypedDocumentString(`
    query Dataset {
  dataset {
    name
    version
    clusterCount
    structureCount
  }
}
    `) as unknown as TypedDocumentString<DatasetQuery, DatasetQueryVariables>;
export const AboutPageDocument = new TypedDocumentString(`
    query AboutPage {
  withStructure: clusters(filter: {hasStructure: true}, first: 1) {
    edges {
      node {
        id
        structure {
          method
          program
          programVersion
          bondRule
          settings
        }
      }
    }
  }
  dataset {
    name
    version
    clusterCount
    structureCount
  }
  clusters(first: 1) {
    edges {
      node {
        measurements {
          source {
            ...SourceInfo
          }
        }
      }
    }
  }
}
    fragment SourceInfo on Source {
  id
  doi
  citation
  url
}`) as unknown as TypedDocumentString<AboutPageQuery, AboutPageQueryVariables>;
export const ExplainClusterDocument = new TypedDocumentString(`
    query ExplainCluster($id: ID!) {
  atoms: explain(clusterId: $id, level: ATOM) {
    ...ExplanationInfo
  }
  subgraphs: explain(clusterId: $id, level: SUBGRAPH) {
    ...ExplanationInfo
  }
}
    fragment ExplanationInfo on Explanation {
  level
  method
  modelVersion
  fullLog10K1
  emptyLog10K1
  atoms {
    index
    element
    value
    standardError
  }
  bonds {
    a
    b
    delta
    elements
    log10K1Without
  }
  subgraphs {
    name
    kind
    atoms
    shapleySum
    removalEffect
    coalitionValue
    totalCharge
    chargePolarization
  }
}`) as unknown as TypedDocumentString<ExplainClusterQuery, ExplainClusterQueryVariables>;
export const MotifSearchDocument = new TypedDocumentString(`
    query MotifSearch($pattern: MotifPatternInput!, $filter: ClusterFilter, $first: Int, $after: String) {
  motifSearch(
    pattern: $pattern
    filter: $filter
    first: $first
    after: $after
    maxMatchesPerCluster: 20
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        matchCount
        distinctMatchCount
        distinctMatches
        cluster {
          ...ClusterSummary
          structure {
            atoms {
              ...ViewerAtom
            }
            bonds {
              ...ViewerBond
            }
          }
        }
      }
    }
  }
}
    fragment ClusterSummary on Cluster {
  id
  formula
  charge
  atomCount: size
  multiplicity
  nuclearity
  metalFamily
  metalAtomCount
  log10K1
  efficiency
  hasStructure
  prediction {
    kind
    log10K1
    log10K1Std
    interval68 {
      lowLog10K1
      highLog10K1
    }
    domain {
      inDomain
    }
  }
}
fragment ViewerAtom on Atom {
  index
  element
  isMetal
  xAngstrom
  yAngstrom
  zAngstrom
  partialCharge
  coordinationNumber
}
fragment ViewerBond on Bond {
  a
  b
  order
  lengthAngstrom
}`) as unknown as TypedDocumentString<MotifSearchQuery, MotifSearchQueryVariables>;
export const PredictDocument = new TypedDocumentString(`
    query Predict($structure: StructureInput!) {
  predict(structure: $structure) {
    xtbWallTimeMs
    prediction {
      ...PredictionInfo
    }
    structure {
      ...StructureFull
    }
    nearest {
      similarity
      cluster {
        ...ClusterSummary
      }
    }
  }
}
    fragment ClusterSummary on Cluster {
  id
  formula
  charge
  atomCount: size
  multiplicity
  nuclearity
  metalFamily
  metalAtomCount
  log10K1
  efficiency
  hasStructure
  prediction {
    kind
    log10K1
    log10K1Std
    interval68 {
      lowLog10K1
      highLog10K1
    }
    domain {
      inDomain
    }
  }
}
fragment StructureFull on Structure {
  id
  rank
  method
  program
  programVersion
  multiplicity
  multiplicitySource
  energyHartree
  relativeEnergyKcalPerMol
  homoLumoGapEv
  dipoleDebye
  bondRule
  xyz
  extendedXyz
  atoms {
    ...ViewerAtom
  }
  bonds {
    ...ViewerBond
  }
}
fragment ViewerAtom on Atom {
  index
  element
  isMetal
  xAngstrom
  yAngstrom
  zAngstrom
  partialCharge
  coordinationNumber
}
fragment ViewerBond on Bond {
  a
  b
  order
  lengthAngstrom
}
fragment PredictionInfo on Prediction {
  kind
  protocol
  protocolTitle
  heldOutSplit
  log10K1
  unboundedLog10K1
  cappedAtCaptureLimit
  log10K1Std
  k1Cm3PerMoleculeS
  modelVersion
  captureLimit {
    kind
    log10K1
  }
  interval68 {
    ...IntervalInfo
  }
  interval95 {
    ...IntervalInfo
  }
  domain {
    inDomain
    reasons
    caveats
    nearestTrainingClusterId
    nearestDistance
    distanceThreshold
    distancePercentile
    unknownElements
  }
}
fragment IntervalInfo on PredictionInterval {
  confidence
  lowLog10K1
  highLog10K1
  calibrated
}`) as unknown as TypedDocumentString<PredictQuery, PredictQueryVariables>;
export const ExplainStructureDocument = new TypedDocumentString(`
    query ExplainStructure($structure: StructureInput!) {
  explain(structure: $structure, level: ATOM) {
    ...ExplanationInfo
  }
}
    fragment ExplanationInfo on Explanation {
  level
  method
  modelVersion
  fullLog10K1
  emptyLog10K1
  atoms {
    index
    element
    value
    standardError
  }
  bonds {
    a
    b
    delta
    elements
    log10K1Without
  }
  subgraphs {
    name
    kind
    atoms
    shapleySum
    removalEffect
    coalitionValue
    totalCharge
    chargePolarization
  }
}`) as unknown as TypedDocumentString<ExplainStructureQuery, ExplainStructureQueryVariables>;
export const ModelCardDocument = new TypedDocumentString(`
    query ModelCard {
  model {
    name
    version
    members
    opset
    trainingClusterCount
    trainingElements
    trainingAtomCountMin
    trainingAtomCountMax
    trainingDataSha256
    domainDistanceThreshold
    metrics
    card
  }
}
    `) as unknown as TypedDocumentString<ModelCardQuery, ModelCardQueryVariables>;
export const ClusterXyzDocument = new TypedDocumentString(`
    query ClusterXyz($id: ID!) {
  cluster(id: $id) {
    id
    charge
    structure {
      xyz
      multiplicity
    }
  }
}
    `) as unknown as TypedDocumentString<ClusterXyzQuery, ClusterXyzQueryVariables>;
export const LimitsDocument = new TypedDocumentString(`
    query Limits {
  limits {
    maxPageSize
    defaultPageSize
    maxIdLength
    maxFormulaLength
    maxFilterListLength
    maxSimilar
    predict {
      maxAtoms
      maxCharge
      maxXyzCharacters
      minDistanceAngstrom
    }
    motif {
      maxAtoms
      maxBonds
      maxBondOrder
      maxMatchesPerCluster
    }
  }
}
    `) as unknown as TypedDocumentString<LimitsQuery, LimitsQueryVariables>;