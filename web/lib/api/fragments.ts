import { graphql } from './generated';

/** What every list row shows (catalog, compare tray, similar clusters). */
export const ClusterSummaryFragment = graphql(`
  fragment ClusterSummary on Cluster {
    id
    formula
    charge
    # The API publishes the number of atoms as size; the site calls it atomCount, as the server does.
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
    # The API's name for the counts per number of atoms is bySize.
    byAtomCount: bySize {
      value
      count
    }
    log10K1Min
    log10K1Max
  }
`);

/** A computed structure with everything the 3D viewer and the downloads need. */
export const StructureFragment = graphql(`
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
`);

export const ViewerAtomFragment = graphql(`
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
`);

export const ViewerBondFragment = graphql(`
  fragment ViewerBond on Bond {
    a
    b
    order
    lengthAngstrom
  }
`);

export const PredictionFragment = graphql(`
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
`);

export const IntervalFragment = graphql(`
  fragment IntervalInfo on PredictionInterval {
    confidence
    lowLog10K1
    highLog10K1
    calibrated
  }
`);

export const SubgraphFragment = graphql(`
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
`);

export const ExplanationFragment = graphql(`
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
`);
