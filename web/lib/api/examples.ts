/**
 * Example requests for the API explorer. They are written out (not imported documents) so a
 * reader sees plain GraphQL; the e2e suite runs each one against the live API.
 */
export const EXAMPLE_QUERIES: Array<{ title: string; query: string; variables?: string }> = [
  {
    title: 'Search by composition',
    query: `# Tantalum sulfides with three Ta atoms, fastest first
query SearchByFormula($pattern: String!) {
  clusters(filter: { formula: $pattern }, orderBy: { field: LOG10K1, direction: DESC }, first: 10) {
    totalCount
    edges {
      node { id formula charge size log10K1 efficiency }
    }
  }
}`,
    variables: JSON.stringify({ pattern: 'Ta3S*' }, null, 2),
  },
  {
    title: 'One cluster with its measurements',
    query: `query OneCluster($id: ID!) {
  cluster(id: $id) {
    formula
    charge
    multiplicity
    log10K1
    langevinRateCm3PerMoleculeS
    efficiency
    measurements { reactant log10K1 source { citation doi } }
  }
}`,
    variables: JSON.stringify({ id: 'Mo5S2-anion' }, null, 2),
  },
  {
    title: 'Facets for a filtered catalog',
    query: `# Counts per element, charge and size among anions with 4 to 8 atoms
query SmallAnionFacets {
  facets(filter: { charges: [-1], size: { min: 4, max: 8 } }) {
    total
    byElement { value count }
    byMetalFamily { value count }
    bySize { value count }
  }
}`,
  },
  {
    title: 'Dataset version',
    query: `query DatasetVersion {
  dataset { name version clusterCount structureCount }
}`,
  },
];
