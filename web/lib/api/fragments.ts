import { graphql } from './generated';

/** What every list row shows (catalog, compare tray, similar clusters). */
export const ClusterSummaryFragment = graphql(`
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
`);

/** The measured side of a cluster: the cluster and compare pages. */
export const ClusterDetailFragment = graphql(`
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
`);

export const SourceFragment = graphql(`
  fragment SourceInfo on Source {
    id
    doi
    citation
    url
  }
`);

export const FacetCountsFragment = graphql(`
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
`);
