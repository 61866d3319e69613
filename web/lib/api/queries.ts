import { graphql } from './generated';

export const SearchPageQuery = graphql(`
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
`);

/** The sidebar when the search itself was rejected: facets without the rejected composition. */
export const SearchFacetsQuery = graphql(`
  query SearchFacets($filter: ClusterFilter) {
    matching: facets(filter: $filter) {
      ...FacetCounts
    }
    catalog: facets {
      ...FacetCounts
    }
  }
`);

/** A cluster's series for its plot: same elements, same charge (all sizes). */
export const SeriesQuery = graphql(`
  query Series($filter: ClusterFilter!, $first: Int!) {
    clusters(filter: $filter, first: $first, orderBy: { field: SIZE, direction: ASC }) {
      edges {
        node {
          id
          formula
          charge
          atomCount: size # the API's name for the number of atoms
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
`);

export const ClusterPageQuery = graphql(`
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
`);

export const ComparePageQuery = graphql(`
  query ComparePage($ids: [ID!]!, $first: Int!) {
    clusters(filter: { ids: $ids }, first: $first) {
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
`);

export const ClusterIdByFormulaQuery = graphql(`
  query ClusterIdByFormula($formula: String!, $charge: Int!) {
    clusterByFormula(formula: $formula, charge: $charge) {
      id
    }
  }
`);

export const TrendsPageQuery = graphql(`
  query TrendsPage($after: String, $first: Int!) {
    clusters(first: $first, after: $after, orderBy: { field: SIZE, direction: ASC }) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          formula
          charge
          atomCount: size # the API's name for the number of atoms
          metalAtomCount
          metals
          ligands
          log10K1
        }
      }
    }
  }
`);

export const DatasetQuery = graphql(`
  query Dataset {
    dataset {
      name
      version
      clusterCount
      structureCount
    }
  }
`);

export const AboutPageQuery = graphql(`
  query AboutPage {
    withStructure: clusters(filter: { hasStructure: true }, first: 1) {
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
`);

/** Loaded by the browser after the page is up: Shapley values cost many model evaluations. */
export const ExplainClusterQuery = graphql(`
  query ExplainCluster($id: ID!) {
    atoms: explain(clusterId: $id, level: ATOM) {
      ...ExplanationInfo
    }
    subgraphs: explain(clusterId: $id, level: SUBGRAPH) {
      ...ExplanationInfo
    }
  }
`);

export const MotifSearchQuery = graphql(`
  query MotifSearch($pattern: MotifPatternInput!, $filter: ClusterFilter, $first: Int, $after: String) {
    motifSearch(pattern: $pattern, filter: $filter, first: $first, after: $after, maxMatchesPerCluster: 20) {
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
`);

export const PredictQuery = graphql(`
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
`);

export const ExplainStructureQuery = graphql(`
  query ExplainStructure($structure: StructureInput!) {
    explain(structure: $structure, level: ATOM) {
      ...ExplanationInfo
    }
  }
`);

export const ModelCardQuery = graphql(`
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
`);

/** A catalog structure as XYZ, for the predict page's "use an example" button. */
export const ClusterXyzQuery = graphql(`
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
`);

/** The API's input limits: forms and pages show and check these instead of copies. */
export const LimitsQuery = graphql(`
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
`);
