import { graphql } from './generated';

export const SearchPageQuery = graphql(`
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
`);

export const ClusterPageQuery = graphql(`
  query ClusterPage($id: ID!) {
    cluster(id: $id) {
      ...ClusterDetail
    }
  }
`);

export const ComparePageQuery = graphql(`
  query ComparePage($ids: [ID!]!) {
    clusters(filter: { ids: $ids }, first: 4) {
      edges {
        node {
          ...ClusterDetail
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
  query TrendsPage($after: String) {
    clusters(first: 100, after: $after, orderBy: { field: SIZE, direction: ASC }) {
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
