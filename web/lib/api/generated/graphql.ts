/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Catalog filter; all given conditions must hold. */
export type ClusterFilter = {
  /** Net charges, e.g. [-1] for anions. */
  charges?: Array<number> | null | undefined;
  elementCounts?: Array<ElementCountRangeInput> | null | undefined;
  elements?: ElementSetFilter | null | undefined;
  /** Composition pattern. "Mo5S2" exact; "Mo2-5S2" a count range; "Mo?S2" any count ≥ 1; "Ta3S*" any count ≥ 0. Elements not named must be absent. */
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

/** One metal element (homonuclear) or two (heteronuclear). */
export type Nuclearity =
  | 'HETERONUCLEAR'
  | 'HOMONUCLEAR';

export type SortDirection =
  | 'ASC'
  | 'DESC';

export type ClusterSummaryFragment = { id: string, formula: string, charge: number, size: number, multiplicity: number | null, nuclearity: Nuclearity, metalFamily: string, metalAtomCount: number, log10K1: number | null, efficiency: number | null, hasStructure: boolean };

export type ClusterDetailFragment = { publishedName: string, metals: Array<string>, ligands: Array<string>, massU: number, cvFold: number | null, authorsIsomerId: string | null, k1Cm3PerMoleculeS: number | null, langevinRateCm3PerMoleculeS: number | null, id: string, formula: string, charge: number, size: number, multiplicity: number | null, nuclearity: Nuclearity, metalFamily: string, metalAtomCount: number, log10K1: number | null, efficiency: number | null, hasStructure: boolean, composition: Array<{ element: string, count: number, isMetal: boolean }>, measurements: Array<{ id: string, reactant: string, log10K1: number, k1Cm3PerMoleculeS: number, source: { id: string, doi: string, citation: string, url: string } }> };

export type SourceInfoFragment = { id: string, doi: string, citation: string, url: string };

export type FacetCountsFragment = { total: number, log10K1Min: number | null, log10K1Max: number | null, byCharge: Array<{ value: number, count: number }>, byElement: Array<{ value: string, count: number }>, byNuclearity: Array<{ value: string, count: number }>, bySize: Array<{ value: number, count: number }> };

export type SearchPageQueryVariables = Exact<{
  filter?: ClusterFilter | null | undefined;
  orderBy?: ClusterOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchPageQuery = { clusters: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, formula: string, charge: number, size: number, multiplicity: number | null, nuclearity: Nuclearity, metalFamily: string, metalAtomCount: number, log10K1: number | null, efficiency: number | null, hasStructure: boolean } }> }, matching: { total: number, log10K1Min: number | null, log10K1Max: number | null, byCharge: Array<{ value: number, count: number }>, byElement: Array<{ value: string, count: number }>, byNuclearity: Array<{ value: string, count: number }>, bySize: Array<{ value: number, count: number }> }, catalog: { total: number, log10K1Min: number | null, log10K1Max: number | null, byCharge: Array<{ value: number, count: number }>, byElement: Array<{ value: string, count: number }>, byNuclearity: Array<{ value: string, count: number }>, bySize: Array<{ value: number, count: number }> } };

export type ClusterPageQueryVariables = Exact<{
  id: string | number;
}>;


export type ClusterPageQuery = { cluster: { publishedName: string, metals: Array<string>, ligands: Array<string>, massU: number, cvFold: number | null, authorsIsomerId: string | null, k1Cm3PerMoleculeS: number | null, langevinRateCm3PerMoleculeS: number | null, id: string, formula: string, charge: number, size: number, multiplicity: number | null, nuclearity: Nuclearity, metalFamily: string, metalAtomCount: number, log10K1: number | null, efficiency: number | null, hasStructure: boolean, composition: Array<{ element: string, count: number, isMetal: boolean }>, measurements: Array<{ id: string, reactant: string, log10K1: number, k1Cm3PerMoleculeS: number, source: { id: string, doi: string, citation: string, url: string } }> } | null };

export type ComparePageQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type ComparePageQuery = { clusters: { edges: Array<{ node: { publishedName: string, metals: Array<string>, ligands: Array<string>, massU: number, cvFold: number | null, authorsIsomerId: string | null, k1Cm3PerMoleculeS: number | null, langevinRateCm3PerMoleculeS: number | null, id: string, formula: string, charge: number, size: number, multiplicity: number | null, nuclearity: Nuclearity, metalFamily: string, metalAtomCount: number, log10K1: number | null, efficiency: number | null, hasStructure: boolean, composition: Array<{ element: string, count: number, isMetal: boolean }>, measurements: Array<{ id: string, reactant: string, log10K1: number, k1Cm3PerMoleculeS: number, source: { id: string, doi: string, citation: string, url: string } }> } }> } };

export type ClusterIdByFormulaQueryVariables = Exact<{
  formula: string;
  charge: number;
}>;


export type ClusterIdByFormulaQuery = { clusterByFormula: { id: string } | null };

export type TrendsPageQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type TrendsPageQuery = { clusters: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, formula: string, charge: number, size: number, metalAtomCount: number, metals: Array<string>, ligands: Array<string>, log10K1: number | null } }> } };

export type DatasetQueryVariables = Exact<{ [key: string]: never; }>;


export type DatasetQuery = { dataset: { name: string, version: string, clusterCount: number, structureCount: number } | null };

export type AboutPageQueryVariables = Exact<{ [key: string]: never; }>;


export type AboutPageQuery = { dataset: { name: string, version: string, clusterCount: number, structureCount: number } | null, clusters: { edges: Array<{ node: { measurements: Array<{ source: { id: string, doi: string, citation: string, url: string } }> } }> } };

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
export const ClusterSummaryFragmentDoc = new TypedDocumentString(`
    fragment ClusterSummary on Cluster {
  id
  formula
  charge
  size
  multiplicity
  nuclearity
  metalFamily
  metalAtomCount
  log10K1
  efficiency
  hasStructure
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
  size
  multiplicity
  nuclearity
  metalFamily
  metalAtomCount
  log10K1
  efficiency
  hasStructure
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
  bySize {
    value
    count
  }
  log10K1Min
  log10K1Max
}
    `, {"fragmentName":"FacetCounts"}) as unknown as TypedDocumentString<FacetCountsFragment, unknown>;
export const SearchPageDocument = new TypedDocumentString(`
    query SearchPage($filter: ClusterFilter, $orderBy: ClusterOrder, $first: Int, $after: String) {
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
  size
  multiplicity
  nuclearity
  metalFamily
  metalAtomCount
  log10K1
  efficiency
  hasStructure
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
  bySize {
    value
    count
  }
  log10K1Min
  log10K1Max
}`) as unknown as TypedDocumentString<SearchPageQuery, SearchPageQueryVariables>;
export const ClusterPageDocument = new TypedDocumentString(`
    query ClusterPage($id: ID!) {
  cluster(id: $id) {
    ...ClusterDetail
  }
}
    fragment ClusterSummary on Cluster {
  id
  formula
  charge
  size
  multiplicity
  nuclearity
  metalFamily
  metalAtomCount
  log10K1
  efficiency
  hasStructure
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
}`) as unknown as TypedDocumentString<ClusterPageQuery, ClusterPageQueryVariables>;
export const ComparePageDocument = new TypedDocumentString(`
    query ComparePage($ids: [ID!]!) {
  clusters(filter: {ids: $ids}, first: 4) {
    edges {
      node {
        ...ClusterDetail
      }
    }
  }
}
    fragment ClusterSummary on Cluster {
  id
  formula
  charge
  size
  multiplicity
  nuclearity
  metalFamily
  metalAtomCount
  log10K1
  efficiency
  hasStructure
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
}`) as unknown as TypedDocumentString<ComparePageQuery, ComparePageQueryVariables>;
export const ClusterIdByFormulaDocument = new TypedDocumentString(`
    query ClusterIdByFormula($formula: String!, $charge: Int!) {
  clusterByFormula(formula: $formula, charge: $charge) {
    id
  }
}
    `) as unknown as TypedDocumentString<ClusterIdByFormulaQuery, ClusterIdByFormulaQueryVariables>;
export const TrendsPageDocument = new TypedDocumentString(`
    query TrendsPage($after: String) {
  clusters(first: 100, after: $after, orderBy: {field: SIZE, direction: ASC}) {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        formula
        charge
        size
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