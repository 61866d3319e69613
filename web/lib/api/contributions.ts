import { graphql } from './generated';

/**
 * Contributions, review and releases. Submissions are read with the session cookie (browser
 * proxy, or lib/session.server.ts for server components); every change carries the session's
 * CSRF token (lib/session.ts).
 */
export const SubmissionSummaryFields = graphql(`
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
`);

export const SubmissionDetailFields = graphql(`
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
`);

export const SubmissionsQuery = graphql(`
  query Submissions($status: SubmissionStatus, $mine: Boolean, $first: Int) {
    submissions(status: $status, mine: $mine, first: $first) {
      totalCount
      items {
        ...SubmissionSummary
      }
    }
  }
`);

export const SubmissionQuery = graphql(`
  query Submission($id: ID!) {
    submission(id: $id) {
      ...SubmissionDetail
    }
  }
`);

/** The vocabularies the submit forms offer, read from the API so they never drift from it. */
export const SubmitFormQuery = graphql(`
  query SubmitForm {
    reactants {
      formula
      name
      massU
      polarizabilityAngstrom3
      dipoleDebye
    }
  }
`);

export const CompositionCheckQuery = graphql(`
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
`);

/** Whether a formula and charge name a catalog cluster (a measurement needs one; a new cluster must not be one). */
export const CatalogClusterCheckQuery = graphql(`
  query CatalogClusterCheck($formula: String!, $charge: Int!) {
    clusterByFormula(formula: $formula, charge: $charge) {
      id
      formula
      charge
    }
  }
`);

export const SubmitMeasurementMutation = graphql(`
  mutation SubmitMeasurement($cluster: ClusterRefInput!, $measurement: MeasurementSubmissionInput!, $idempotencyKey: String) {
    submitMeasurement(cluster: $cluster, measurement: $measurement, idempotencyKey: $idempotencyKey) {
      id
      status
    }
  }
`);

export const SubmitClusterMutation = graphql(`
  mutation SubmitCluster($cluster: ClusterSubmissionInput!, $idempotencyKey: String) {
    submitCluster(cluster: $cluster, idempotencyKey: $idempotencyKey) {
      id
      status
    }
  }
`);

export const ReviewSubmissionMutation = graphql(`
  mutation ReviewSubmission($id: ID!, $decision: ReviewDecision!, $comment: String) {
    reviewSubmission(id: $id, decision: $decision, comment: $comment) {
      ...SubmissionDetail
    }
  }
`);

export const CommentOnSubmissionMutation = graphql(`
  mutation CommentOnSubmission($id: ID!, $text: String!) {
    commentOnSubmission(id: $id, text: $text)
  }
`);

export const ReleaseFields = graphql(`
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
`);

export const ReleasesQuery = graphql(`
  query Releases {
    releases {
      ...ReleaseInfo
    }
  }
`);

export const PublishReleaseMutation = graphql(`
  mutation PublishRelease($changelog: String!, $idempotencyKey: String) {
    publishRelease(changelog: $changelog, idempotencyKey: $idempotencyKey) {
      ...ReleaseInfo
    }
  }
`);
