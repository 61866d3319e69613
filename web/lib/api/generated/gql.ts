/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ClusterSummary on Cluster {\n    id\n    formula\n    charge\n    size\n    multiplicity\n    nuclearity\n    metalFamily\n    metalAtomCount\n    log10K1\n    efficiency\n    hasStructure\n  }\n": typeof types.ClusterSummaryFragmentDoc,
    "\n  fragment ClusterDetail on Cluster {\n    ...ClusterSummary\n    publishedName\n    composition {\n      element\n      count\n      isMetal\n    }\n    metals\n    ligands\n    massU\n    cvFold\n    authorsIsomerId\n    k1Cm3PerMoleculeS\n    langevinRateCm3PerMoleculeS\n    measurements {\n      id\n      reactant\n      log10K1\n      k1Cm3PerMoleculeS\n      source {\n        ...SourceInfo\n      }\n    }\n  }\n": typeof types.ClusterDetailFragmentDoc,
    "\n  fragment SourceInfo on Source {\n    id\n    doi\n    citation\n    url\n  }\n": typeof types.SourceInfoFragmentDoc,
    "\n  fragment FacetCounts on CatalogFacets {\n    total\n    byCharge {\n      value\n      count\n    }\n    byElement {\n      value\n      count\n    }\n    byNuclearity {\n      value\n      count\n    }\n    bySize {\n      value\n      count\n    }\n    log10K1Min\n    log10K1Max\n  }\n": typeof types.FacetCountsFragmentDoc,
    "\n  query SearchPage($filter: ClusterFilter, $orderBy: ClusterOrder, $first: Int, $after: String) {\n    clusters(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ClusterSummary\n        }\n      }\n    }\n    matching: facets(filter: $filter) {\n      ...FacetCounts\n    }\n    catalog: facets {\n      ...FacetCounts\n    }\n  }\n": typeof types.SearchPageDocument,
    "\n  query ClusterPage($id: ID!) {\n    cluster(id: $id) {\n      ...ClusterDetail\n    }\n  }\n": typeof types.ClusterPageDocument,
    "\n  query ComparePage($ids: [ID!]!) {\n    clusters(filter: { ids: $ids }, first: 4) {\n      edges {\n        node {\n          ...ClusterDetail\n        }\n      }\n    }\n  }\n": typeof types.ComparePageDocument,
    "\n  query ClusterIdByFormula($formula: String!, $charge: Int!) {\n    clusterByFormula(formula: $formula, charge: $charge) {\n      id\n    }\n  }\n": typeof types.ClusterIdByFormulaDocument,
    "\n  query TrendsPage($after: String) {\n    clusters(first: 100, after: $after, orderBy: { field: SIZE, direction: ASC }) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          formula\n          charge\n          size\n          metalAtomCount\n          metals\n          ligands\n          log10K1\n        }\n      }\n    }\n  }\n": typeof types.TrendsPageDocument,
    "\n  query Dataset {\n    dataset {\n      name\n      version\n      clusterCount\n      structureCount\n    }\n  }\n": typeof types.DatasetDocument,
    "\n  query AboutPage {\n    dataset {\n      name\n      version\n      clusterCount\n      structureCount\n    }\n    clusters(first: 1) {\n      edges {\n        node {\n          measurements {\n            source {\n              ...SourceInfo\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.AboutPageDocument,
};
const documents: Documents = {
    "\n  fragment ClusterSummary on Cluster {\n    id\n    formula\n    charge\n    size\n    multiplicity\n    nuclearity\n    metalFamily\n    metalAtomCount\n    log10K1\n    efficiency\n    hasStructure\n  }\n": types.ClusterSummaryFragmentDoc,
    "\n  fragment ClusterDetail on Cluster {\n    ...ClusterSummary\n    publishedName\n    composition {\n      element\n      count\n      isMetal\n    }\n    metals\n    ligands\n    massU\n    cvFold\n    authorsIsomerId\n    k1Cm3PerMoleculeS\n    langevinRateCm3PerMoleculeS\n    measurements {\n      id\n      reactant\n      log10K1\n      k1Cm3PerMoleculeS\n      source {\n        ...SourceInfo\n      }\n    }\n  }\n": types.ClusterDetailFragmentDoc,
    "\n  fragment SourceInfo on Source {\n    id\n    doi\n    citation\n    url\n  }\n": types.SourceInfoFragmentDoc,
    "\n  fragment FacetCounts on CatalogFacets {\n    total\n    byCharge {\n      value\n      count\n    }\n    byElement {\n      value\n      count\n    }\n    byNuclearity {\n      value\n      count\n    }\n    bySize {\n      value\n      count\n    }\n    log10K1Min\n    log10K1Max\n  }\n": types.FacetCountsFragmentDoc,
    "\n  query SearchPage($filter: ClusterFilter, $orderBy: ClusterOrder, $first: Int, $after: String) {\n    clusters(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ClusterSummary\n        }\n      }\n    }\n    matching: facets(filter: $filter) {\n      ...FacetCounts\n    }\n    catalog: facets {\n      ...FacetCounts\n    }\n  }\n": types.SearchPageDocument,
    "\n  query ClusterPage($id: ID!) {\n    cluster(id: $id) {\n      ...ClusterDetail\n    }\n  }\n": types.ClusterPageDocument,
    "\n  query ComparePage($ids: [ID!]!) {\n    clusters(filter: { ids: $ids }, first: 4) {\n      edges {\n        node {\n          ...ClusterDetail\n        }\n      }\n    }\n  }\n": types.ComparePageDocument,
    "\n  query ClusterIdByFormula($formula: String!, $charge: Int!) {\n    clusterByFormula(formula: $formula, charge: $charge) {\n      id\n    }\n  }\n": types.ClusterIdByFormulaDocument,
    "\n  query TrendsPage($after: String) {\n    clusters(first: 100, after: $after, orderBy: { field: SIZE, direction: ASC }) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          formula\n          charge\n          size\n          metalAtomCount\n          metals\n          ligands\n          log10K1\n        }\n      }\n    }\n  }\n": types.TrendsPageDocument,
    "\n  query Dataset {\n    dataset {\n      name\n      version\n      clusterCount\n      structureCount\n    }\n  }\n": types.DatasetDocument,
    "\n  query AboutPage {\n    dataset {\n      name\n      version\n      clusterCount\n      structureCount\n    }\n    clusters(first: 1) {\n      edges {\n        node {\n          measurements {\n            source {\n              ...SourceInfo\n            }\n          }\n        }\n      }\n    }\n  }\n": types.AboutPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClusterSummary on Cluster {\n    id\n    formula\n    charge\n    size\n    multiplicity\n    nuclearity\n    metalFamily\n    metalAtomCount\n    log10K1\n    efficiency\n    hasStructure\n  }\n"): typeof import('./graphql').ClusterSummaryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClusterDetail on Cluster {\n    ...ClusterSummary\n    publishedName\n    composition {\n      element\n      count\n      isMetal\n    }\n    metals\n    ligands\n    massU\n    cvFold\n    authorsIsomerId\n    k1Cm3PerMoleculeS\n    langevinRateCm3PerMoleculeS\n    measurements {\n      id\n      reactant\n      log10K1\n      k1Cm3PerMoleculeS\n      source {\n        ...SourceInfo\n      }\n    }\n  }\n"): typeof import('./graphql').ClusterDetailFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SourceInfo on Source {\n    id\n    doi\n    citation\n    url\n  }\n"): typeof import('./graphql').SourceInfoFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FacetCounts on CatalogFacets {\n    total\n    byCharge {\n      value\n      count\n    }\n    byElement {\n      value\n      count\n    }\n    byNuclearity {\n      value\n      count\n    }\n    bySize {\n      value\n      count\n    }\n    log10K1Min\n    log10K1Max\n  }\n"): typeof import('./graphql').FacetCountsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchPage($filter: ClusterFilter, $orderBy: ClusterOrder, $first: Int, $after: String) {\n    clusters(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ClusterSummary\n        }\n      }\n    }\n    matching: facets(filter: $filter) {\n      ...FacetCounts\n    }\n    catalog: facets {\n      ...FacetCounts\n    }\n  }\n"): typeof import('./graphql').SearchPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClusterPage($id: ID!) {\n    cluster(id: $id) {\n      ...ClusterDetail\n    }\n  }\n"): typeof import('./graphql').ClusterPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComparePage($ids: [ID!]!) {\n    clusters(filter: { ids: $ids }, first: 4) {\n      edges {\n        node {\n          ...ClusterDetail\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ComparePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClusterIdByFormula($formula: String!, $charge: Int!) {\n    clusterByFormula(formula: $formula, charge: $charge) {\n      id\n    }\n  }\n"): typeof import('./graphql').ClusterIdByFormulaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrendsPage($after: String) {\n    clusters(first: 100, after: $after, orderBy: { field: SIZE, direction: ASC }) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          formula\n          charge\n          size\n          metalAtomCount\n          metals\n          ligands\n          log10K1\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').TrendsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dataset {\n    dataset {\n      name\n      version\n      clusterCount\n      structureCount\n    }\n  }\n"): typeof import('./graphql').DatasetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AboutPage {\n    dataset {\n      name\n      version\n      clusterCount\n      structureCount\n    }\n    clusters(first: 1) {\n      edges {\n        node {\n          measurements {\n            source {\n              ...SourceInfo\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AboutPageDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
