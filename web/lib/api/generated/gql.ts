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
    "\n  fragment AccountKey on ApiKey {\n    id\n    label\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.AccountKeyFragmentDoc,
    "\n  fragment AccountUser on User {\n    id\n    name\n    role\n    createdAt\n    disabledAt\n    keys {\n      ...AccountKey\n    }\n  }\n": typeof types.AccountUserFragmentDoc,
    "\n  query AccountUsers {\n    viewer {\n      id\n      name\n      role\n    }\n    users {\n      ...AccountUser\n    }\n  }\n": typeof types.AccountUsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        ...AccountUser\n      }\n      created {\n        key\n      }\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation CreateApiKey($userId: ID!, $label: String) {\n    createApiKey(userId: $userId, label: $label) {\n      key\n      apiKey {\n        ...AccountKey\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($keyId: ID!) {\n    revokeApiKey(keyId: $keyId) {\n      ...AccountKey\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  mutation SetUserDisabled($userId: ID!, $disabled: Boolean!) {\n    setUserDisabled(userId: $userId, disabled: $disabled) {\n      ...AccountUser\n    }\n  }\n": typeof types.SetUserDisabledDocument,
    "\n  fragment SubmissionSummary on Submission {\n    id\n    kind\n    status\n    formula\n    charge\n    clusterId\n    createdAt\n    updatedAt\n    submittedByName\n    releaseNumber\n    structureJob {\n      state\n      progress\n      attempts\n      error\n    }\n  }\n": typeof types.SubmissionSummaryFragmentDoc,
    "\n  fragment SubmissionDetail on Submission {\n    ...SubmissionSummary\n    multiplicity\n    submittedXyz\n    changes {\n      field\n      before\n      after\n    }\n    measurements {\n      reactant\n      k1Cm3PerMoleculeS\n      k1UncertaintyCm3PerMoleculeS\n      log10K1\n      temperatureK\n      pressurePa\n      technique\n      techniqueDetail\n      doi\n      citation\n      notes\n      captureLimitCm3PerMoleculeS\n      captureLimitExplanation\n    }\n    structureJob {\n      isomerCount\n      lowestEnergyHartree\n      xyz\n    }\n    history {\n      id\n      action\n      at\n      actorName\n      comment\n    }\n  }\n": typeof types.SubmissionDetailFragmentDoc,
    "\n  query Submissions($status: SubmissionStatus, $mine: Boolean, $first: Int) {\n    submissions(status: $status, mine: $mine, first: $first) {\n      totalCount\n      items {\n        ...SubmissionSummary\n      }\n    }\n  }\n": typeof types.SubmissionsDocument,
    "\n  query Submission($id: ID!) {\n    submission(id: $id) {\n      ...SubmissionDetail\n    }\n  }\n": typeof types.SubmissionDocument,
    "\n  query SubmitForm {\n    reactants {\n      formula\n      name\n      massU\n      polarizabilityAngstrom3\n      dipoleDebye\n    }\n  }\n": typeof types.SubmitFormDocument,
    "\n  query CompositionCheck($text: String!) {\n    composition(text: $text) {\n      text\n      charge\n      caseCorrected\n      elements {\n        element\n        min\n        max\n      }\n    }\n  }\n": typeof types.CompositionCheckDocument,
    "\n  query CatalogClusterCheck($formula: String!, $charge: Int!) {\n    clusterByFormula(formula: $formula, charge: $charge) {\n      id\n      formula\n      charge\n    }\n  }\n": typeof types.CatalogClusterCheckDocument,
    "\n  mutation SubmitMeasurement($cluster: ClusterRefInput!, $measurement: MeasurementSubmissionInput!, $idempotencyKey: String) {\n    submitMeasurement(cluster: $cluster, measurement: $measurement, idempotencyKey: $idempotencyKey) {\n      id\n      status\n    }\n  }\n": typeof types.SubmitMeasurementDocument,
    "\n  mutation SubmitCluster($cluster: ClusterSubmissionInput!, $idempotencyKey: String) {\n    submitCluster(cluster: $cluster, idempotencyKey: $idempotencyKey) {\n      id\n      status\n    }\n  }\n": typeof types.SubmitClusterDocument,
    "\n  mutation ReviewSubmission($id: ID!, $decision: ReviewDecision!, $comment: String) {\n    reviewSubmission(id: $id, decision: $decision, comment: $comment) {\n      ...SubmissionDetail\n    }\n  }\n": typeof types.ReviewSubmissionDocument,
    "\n  mutation CommentOnSubmission($id: ID!, $text: String!) {\n    commentOnSubmission(id: $id, text: $text)\n  }\n": typeof types.CommentOnSubmissionDocument,
    "\n  fragment ReleaseInfo on Release {\n    number\n    publishedAt\n    publishedByName\n    changelog\n    clusterCount\n    measurementCount\n    structureCount\n    submissionCount\n    reactants\n    datasetVersion\n    downloads {\n      json\n      csv\n      extendedXyz\n      xyzArchive\n    }\n  }\n": typeof types.ReleaseInfoFragmentDoc,
    "\n  query Releases {\n    releases {\n      ...ReleaseInfo\n    }\n  }\n": typeof types.ReleasesDocument,
    "\n  mutation PublishRelease($changelog: String!, $idempotencyKey: String) {\n    publishRelease(changelog: $changelog, idempotencyKey: $idempotencyKey) {\n      ...ReleaseInfo\n    }\n  }\n": typeof types.PublishReleaseDocument,
    "\n  fragment ClusterSummary on Cluster {\n    id\n    formula\n    charge\n    # The API publishes the number of atoms as size; the site calls it atomCount, as the server does.\n    atomCount: size\n    multiplicity\n    nuclearity\n    metalFamily\n    metalAtomCount\n    log10K1\n    efficiency\n    hasStructure\n    prediction {\n      kind\n      log10K1\n      log10K1Std\n      interval68 {\n        lowLog10K1\n        highLog10K1\n      }\n      domain {\n        inDomain\n      }\n    }\n  }\n": typeof types.ClusterSummaryFragmentDoc,
    "\n  fragment ClusterDetail on Cluster {\n    ...ClusterSummary\n    publishedName\n    composition {\n      element\n      count\n      isMetal\n    }\n    metals\n    ligands\n    massU\n    cvFold\n    authorsIsomerId\n    k1Cm3PerMoleculeS\n    langevinRateCm3PerMoleculeS\n    measurements {\n      id\n      reactant\n      log10K1\n      k1Cm3PerMoleculeS\n      source {\n        ...SourceInfo\n      }\n    }\n  }\n": typeof types.ClusterDetailFragmentDoc,
    "\n  fragment SourceInfo on Source {\n    id\n    doi\n    citation\n    url\n  }\n": typeof types.SourceInfoFragmentDoc,
    "\n  fragment FacetCounts on CatalogFacets {\n    total\n    byCharge {\n      value\n      count\n    }\n    byElement {\n      value\n      count\n    }\n    byNuclearity {\n      value\n      count\n    }\n    # The API's name for the counts per number of atoms is bySize.\n    byAtomCount: bySize {\n      value\n      count\n    }\n    log10K1Min\n    log10K1Max\n  }\n": typeof types.FacetCountsFragmentDoc,
    "\n  fragment StructureFull on Structure {\n    id\n    rank\n    method\n    program\n    programVersion\n    multiplicity\n    multiplicitySource\n    energyHartree\n    relativeEnergyKcalPerMol\n    homoLumoGapEv\n    dipoleDebye\n    bondRule\n    xyz\n    extendedXyz\n    atoms {\n      ...ViewerAtom\n    }\n    bonds {\n      ...ViewerBond\n    }\n  }\n": typeof types.StructureFullFragmentDoc,
    "\n  fragment ViewerAtom on Atom {\n    index\n    element\n    isMetal\n    xAngstrom\n    yAngstrom\n    zAngstrom\n    partialCharge\n    coordinationNumber\n  }\n": typeof types.ViewerAtomFragmentDoc,
    "\n  fragment ViewerBond on Bond {\n    a\n    b\n    order\n    lengthAngstrom\n  }\n": typeof types.ViewerBondFragmentDoc,
    "\n  fragment PredictionInfo on Prediction {\n    kind\n    protocol\n    protocolTitle\n    heldOutSplit\n    log10K1\n    unboundedLog10K1\n    cappedAtCaptureLimit\n    log10K1Std\n    k1Cm3PerMoleculeS\n    modelVersion\n    captureLimit {\n      kind\n      log10K1\n    }\n    interval68 {\n      ...IntervalInfo\n    }\n    interval95 {\n      ...IntervalInfo\n    }\n    domain {\n      inDomain\n      reasons\n      caveats\n      nearestTrainingClusterId\n      nearestDistance\n      distanceThreshold\n      distancePercentile\n      unknownElements\n    }\n  }\n": typeof types.PredictionInfoFragmentDoc,
    "\n  fragment IntervalInfo on PredictionInterval {\n    confidence\n    lowLog10K1\n    highLog10K1\n    calibrated\n  }\n": typeof types.IntervalInfoFragmentDoc,
    "\n  fragment SubgraphInfo on Subgraph {\n    kind\n    totalCharge\n    meanCharge\n    chargePolarization\n    chargeRange\n    atoms {\n      index\n      element\n    }\n    components {\n      totalCharge\n      chargePolarization\n      atoms {\n        index\n      }\n    }\n  }\n": typeof types.SubgraphInfoFragmentDoc,
    "\n  fragment ExplanationInfo on Explanation {\n    level\n    method\n    modelVersion\n    fullLog10K1\n    emptyLog10K1\n    atoms {\n      index\n      element\n      value\n      standardError\n    }\n    bonds {\n      a\n      b\n      delta\n      elements\n      log10K1Without\n    }\n    subgraphs {\n      name\n      kind\n      atoms\n      shapleySum\n      removalEffect\n      coalitionValue\n      totalCharge\n      chargePolarization\n    }\n  }\n": typeof types.ExplanationInfoFragmentDoc,
    "\n  query SearchPage($filter: ClusterFilter, $orderBy: ClusterOrder, $first: Int, $after: String, $q: String! = \"\", $hasQ: Boolean! = false) {\n    composition(text: $q) @include(if: $hasQ) {\n      text\n      charge\n      caseCorrected\n    }\n    clusters(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ClusterSummary\n        }\n      }\n    }\n    matching: facets(filter: $filter) {\n      ...FacetCounts\n    }\n    catalog: facets {\n      ...FacetCounts\n    }\n  }\n": typeof types.SearchPageDocument,
    "\n  query SearchFacets($filter: ClusterFilter) {\n    matching: facets(filter: $filter) {\n      ...FacetCounts\n    }\n    catalog: facets {\n      ...FacetCounts\n    }\n  }\n": typeof types.SearchFacetsDocument,
    "\n  query Series($filter: ClusterFilter!, $first: Int!) {\n    clusters(filter: $filter, first: $first, orderBy: { field: SIZE, direction: ASC }) {\n      edges {\n        node {\n          id\n          formula\n          charge\n          atomCount: size # the API's name for the number of atoms\n          log10K1\n          composition {\n            element\n            count\n            isMetal\n          }\n        }\n      }\n    }\n  }\n": typeof types.SeriesDocument,
    "\n  query ClusterPage($id: ID!) {\n    cluster(id: $id) {\n      ...ClusterDetail\n      structure {\n        ...StructureFull\n      }\n      isomers {\n        id\n        rank\n        relativeEnergyKcalPerMol\n        energyHartree\n        multiplicity\n        homoLumoGapEv\n        atoms {\n          index\n        }\n      }\n      prediction {\n        ...PredictionInfo\n      }\n      heldOutPredictions {\n        protocol\n        protocolTitle\n        split\n        log10K1\n        log10K1Std\n      }\n    }\n    similar(clusterId: $id, k: 5) {\n      similarity\n      cluster {\n        ...ClusterSummary\n      }\n    }\n    metalCore: subgraph(clusterId: $id, kind: METAL_CORE) {\n      ...SubgraphInfo\n    }\n    ligandShell: subgraph(clusterId: $id, kind: LIGAND_SHELL) {\n      ...SubgraphInfo\n    }\n  }\n": typeof types.ClusterPageDocument,
    "\n  query ComparePage($ids: [ID!]!, $first: Int!) {\n    clusters(filter: { ids: $ids }, first: $first) {\n      edges {\n        node {\n          ...ClusterDetail\n          structure {\n            ...StructureFull\n          }\n          prediction {\n            ...PredictionInfo\n          }\n        }\n      }\n    }\n  }\n": typeof types.ComparePageDocument,
    "\n  query ClusterIdByFormula($formula: String!, $charge: Int!) {\n    clusterByFormula(formula: $formula, charge: $charge) {\n      id\n    }\n  }\n": typeof types.ClusterIdByFormulaDocument,
    "\n  query TrendsPage($after: String, $first: Int!) {\n    clusters(first: $first, after: $after, orderBy: { field: SIZE, direction: ASC }) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          formula\n          charge\n          atomCount: size # the API's name for the number of atoms\n          metalAtomCount\n          metals\n          ligands\n          log10K1\n        }\n      }\n    }\n  }\n": typeof types.TrendsPageDocument,
    "\n  query Dataset {\n    dataset {\n      name\n      version\n      clusterCount\n      structureCount\n    }\n  }\n": typeof types.DatasetDocument,
    "\n  query AboutPage {\n    withStructure: clusters(filter: { hasStructure: true }, first: 1) {\n      edges {\n        node {\n          id\n          structure {\n            method\n            program\n            programVersion\n            bondRule\n            settings\n          }\n        }\n      }\n    }\n    dataset {\n      name\n      version\n      clusterCount\n      structureCount\n    }\n    clusters(first: 1) {\n      edges {\n        node {\n          measurements {\n            source {\n              ...SourceInfo\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.AboutPageDocument,
    "\n  query ExplainCluster($id: ID!) {\n    atoms: explain(clusterId: $id, level: ATOM) {\n      ...ExplanationInfo\n    }\n    subgraphs: explain(clusterId: $id, level: SUBGRAPH) {\n      ...ExplanationInfo\n    }\n  }\n": typeof types.ExplainClusterDocument,
    "\n  query MotifSearch($pattern: MotifPatternInput!, $filter: ClusterFilter, $first: Int, $after: String) {\n    motifSearch(pattern: $pattern, filter: $filter, first: $first, after: $after, maxMatchesPerCluster: 20) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          matchCount\n          distinctMatchCount\n          distinctMatches\n          cluster {\n            ...ClusterSummary\n            structure {\n              atoms {\n                ...ViewerAtom\n              }\n              bonds {\n                ...ViewerBond\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.MotifSearchDocument,
    "\n  query Predict($structure: StructureInput!) {\n    predict(structure: $structure) {\n      xtbWallTimeMs\n      prediction {\n        ...PredictionInfo\n      }\n      structure {\n        ...StructureFull\n      }\n      nearest {\n        similarity\n        cluster {\n          ...ClusterSummary\n        }\n      }\n    }\n  }\n": typeof types.PredictDocument,
    "\n  query ExplainStructure($structure: StructureInput!) {\n    explain(structure: $structure, level: ATOM) {\n      ...ExplanationInfo\n    }\n  }\n": typeof types.ExplainStructureDocument,
    "\n  query ModelCard {\n    model {\n      name\n      version\n      members\n      opset\n      trainingClusterCount\n      trainingElements\n      trainingAtomCountMin\n      trainingAtomCountMax\n      trainingDataSha256\n      domainDistanceThreshold\n      metrics\n      card\n    }\n  }\n": typeof types.ModelCardDocument,
    "\n  query ClusterXyz($id: ID!) {\n    cluster(id: $id) {\n      id\n      charge\n      structure {\n        xyz\n        multiplicity\n      }\n    }\n  }\n": typeof types.ClusterXyzDocument,
    "\n  query Limits {\n    limits {\n      maxPageSize\n      defaultPageSize\n      maxIdLength\n      maxFormulaLength\n      maxFilterListLength\n      maxSimilar\n      predict {\n        maxAtoms\n        maxCharge\n        maxXyzCharacters\n        minDistanceAngstrom\n      }\n      motif {\n        maxAtoms\n        maxBonds\n        maxBondOrder\n        maxMatchesPerCluster\n      }\n    }\n  }\n": typeof types.LimitsDocument,
};
const documents: Documents = {
    "\n  fragment AccountKey on ApiKey {\n    id\n    label\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": types.AccountKeyFragmentDoc,
    "\n  fragment AccountUser on User {\n    id\n    name\n    role\n    createdAt\n    disabledAt\n    keys {\n      ...AccountKey\n    }\n  }\n": types.AccountUserFragmentDoc,
    "\n  query AccountUsers {\n    viewer {\n      id\n      name\n      role\n    }\n    users {\n      ...AccountUser\n    }\n  }\n": types.AccountUsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        ...AccountUser\n      }\n      created {\n        key\n      }\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation CreateApiKey($userId: ID!, $label: String) {\n    createApiKey(userId: $userId, label: $label) {\n      key\n      apiKey {\n        ...AccountKey\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($keyId: ID!) {\n    revokeApiKey(keyId: $keyId) {\n      ...AccountKey\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  mutation SetUserDisabled($userId: ID!, $disabled: Boolean!) {\n    setUserDisabled(userId: $userId, disabled: $disabled) {\n      ...AccountUser\n    }\n  }\n": types.SetUserDisabledDocument,
    "\n  fragment SubmissionSummary on Submission {\n    id\n    kind\n    status\n    formula\n    charge\n    clusterId\n    createdAt\n    updatedAt\n    submittedByName\n    releaseNumber\n    structureJob {\n      state\n      progress\n      attempts\n      error\n    }\n  }\n": types.SubmissionSummaryFragmentDoc,
    "\n  fragment SubmissionDetail on Submission {\n    ...SubmissionSummary\n    multiplicity\n    submittedXyz\n    changes {\n      field\n      before\n      after\n    }\n    measurements {\n      reactant\n      k1Cm3PerMoleculeS\n      k1UncertaintyCm3PerMoleculeS\n      log10K1\n      temperatureK\n      pressurePa\n      technique\n      techniqueDetail\n      doi\n      citation\n      notes\n      captureLimitCm3PerMoleculeS\n      captureLimitExplanation\n    }\n    structureJob {\n      isomerCount\n      lowestEnergyHartree\n      xyz\n    }\n    history {\n      id\n      action\n      at\n      actorName\n      comment\n    }\n  }\n": types.SubmissionDetailFragmentDoc,
    "\n  query Submissions($status: SubmissionStatus, $mine: Boolean, $first: Int) {\n    submissions(status: $status, mine: $mine, first: $first) {\n      totalCount\n      items {\n        ...SubmissionSummary\n      }\n    }\n  }\n": types.SubmissionsDocument,
    "\n  query Submission($id: ID!) {\n    submission(id: $id) {\n      ...SubmissionDetail\n    }\n  }\n": types.SubmissionDocument,
    "\n  query SubmitForm {\n    reactants {\n      formula\n      name\n      massU\n      polarizabilityAngstrom3\n      dipoleDebye\n    }\n  }\n": types.SubmitFormDocument,
    "\n  query CompositionCheck($text: String!) {\n    composition(text: $text) {\n      text\n      charge\n      caseCorrected\n      elements {\n        element\n        min\n        max\n      }\n    }\n  }\n": types.CompositionCheckDocument,
    "\n  query CatalogClusterCheck($formula: String!, $charge: Int!) {\n    clusterByFormula(formula: $formula, charge: $charge) {\n      id\n      formula\n      charge\n    }\n  }\n": types.CatalogClusterCheckDocument,
    "\n  mutation SubmitMeasurement($cluster: ClusterRefInput!, $measurement: MeasurementSubmissionInput!, $idempotencyKey: String) {\n    submitMeasurement(cluster: $cluster, measurement: $measurement, idempotencyKey: $idempotencyKey) {\n      id\n      status\n    }\n  }\n": types.SubmitMeasurementDocument,
    "\n  mutation SubmitCluster($cluster: ClusterSubmissionInput!, $idempotencyKey: String) {\n    submitCluster(cluster: $cluster, idempotencyKey: $idempotencyKey) {\n      id\n      status\n    }\n  }\n": types.SubmitClusterDocument,
    "\n  mutation ReviewSubmission($id: ID!, $decision: ReviewDecision!, $comment: String) {\n    reviewSubmission(id: $id, decision: $decision, comment: $comment) {\n      ...SubmissionDetail\n    }\n  }\n": types.ReviewSubmissionDocument,
    "\n  mutation CommentOnSubmission($id: ID!, $text: String!) {\n    commentOnSubmission(id: $id, text: $text)\n  }\n": types.CommentOnSubmissionDocument,
    "\n  fragment ReleaseInfo on Release {\n    number\n    publishedAt\n    publishedByName\n    changelog\n    clusterCount\n    measurementCount\n    structureCount\n    submissionCount\n    reactants\n    datasetVersion\n    downloads {\n      json\n      csv\n      extendedXyz\n      xyzArchive\n    }\n  }\n": types.ReleaseInfoFragmentDoc,
    "\n  query Releases {\n    releases {\n      ...ReleaseInfo\n    }\n  }\n": types.ReleasesDocument,
    "\n  mutation PublishRelease($changelog: String!, $idempotencyKey: String) {\n    publishRelease(changelog: $changelog, idempotencyKey: $idempotencyKey) {\n      ...ReleaseInfo\n    }\n  }\n": types.PublishReleaseDocument,
    "\n  fragment ClusterSummary on Cluster {\n    id\n    formula\n    charge\n    # The API publishes the number of atoms as size; the site calls it atomCount, as the server does.\n    atomCount: size\n    multiplicity\n    nuclearity\n    metalFamily\n    metalAtomCount\n    log10K1\n    efficiency\n    hasStructure\n    prediction {\n      kind\n      log10K1\n      log10K1Std\n      interval68 {\n        lowLog10K1\n        highLog10K1\n      }\n      domain {\n        inDomain\n      }\n    }\n  }\n": types.ClusterSummaryFragmentDoc,
    "\n  fragment ClusterDetail on Cluster {\n    ...ClusterSummary\n    publishedName\n    composition {\n      element\n      count\n      isMetal\n    }\n    metals\n    ligands\n    massU\n    cvFold\n    authorsIsomerId\n    k1Cm3PerMoleculeS\n    langevinRateCm3PerMoleculeS\n    measurements {\n      id\n      reactant\n      log10K1\n      k1Cm3PerMoleculeS\n      source {\n        ...SourceInfo\n      }\n    }\n  }\n": types.ClusterDetailFragmentDoc,
    "\n  fragment SourceInfo on Source {\n    id\n    doi\n    citation\n    url\n  }\n": types.SourceInfoFragmentDoc,
    "\n  fragment FacetCounts on CatalogFacets {\n    total\n    byCharge {\n      value\n      count\n    }\n    byElement {\n      value\n      count\n    }\n    byNuclearity {\n      value\n      count\n    }\n    # The API's name for the counts per number of atoms is bySize.\n    byAtomCount: bySize {\n      value\n      count\n    }\n    log10K1Min\n    log10K1Max\n  }\n": types.FacetCountsFragmentDoc,
    "\n  fragment StructureFull on Structure {\n    id\n    rank\n    method\n    program\n    programVersion\n    multiplicity\n    multiplicitySource\n    energyHartree\n    relativeEnergyKcalPerMol\n    homoLumoGapEv\n    dipoleDebye\n    bondRule\n    xyz\n    extendedXyz\n    atoms {\n      ...ViewerAtom\n    }\n    bonds {\n      ...ViewerBond\n    }\n  }\n": types.StructureFullFragmentDoc,
    "\n  fragment ViewerAtom on Atom {\n    index\n    element\n    isMetal\n    xAngstrom\n    yAngstrom\n    zAngstrom\n    partialCharge\n    coordinationNumber\n  }\n": types.ViewerAtomFragmentDoc,
    "\n  fragment ViewerBond on Bond {\n    a\n    b\n    order\n    lengthAngstrom\n  }\n": types.ViewerBondFragmentDoc,
    "\n  fragment PredictionInfo on Prediction {\n    kind\n    protocol\n    protocolTitle\n    heldOutSplit\n    log10K1\n    unboundedLog10K1\n    cappedAtCaptureLimit\n    log10K1Std\n    k1Cm3PerMoleculeS\n    modelVersion\n    captureLimit {\n      kind\n      log10K1\n    }\n    interval68 {\n      ...IntervalInfo\n    }\n    interval95 {\n      ...IntervalInfo\n    }\n    domain {\n      inDomain\n      reasons\n      caveats\n      nearestTrainingClusterId\n      nearestDistance\n      distanceThreshold\n      distancePercentile\n      unknownElements\n    }\n  }\n": types.PredictionInfoFragmentDoc,
    "\n  fragment IntervalInfo on PredictionInterval {\n    confidence\n    lowLog10K1\n    highLog10K1\n    calibrated\n  }\n": types.IntervalInfoFragmentDoc,
    "\n  fragment SubgraphInfo on Subgraph {\n    kind\n    totalCharge\n    meanCharge\n    chargePolarization\n    chargeRange\n    atoms {\n      index\n      element\n    }\n    components {\n      totalCharge\n      chargePolarization\n      atoms {\n        index\n      }\n    }\n  }\n": types.SubgraphInfoFragmentDoc,
    "\n  fragment ExplanationInfo on Explanation {\n    level\n    method\n    modelVersion\n    fullLog10K1\n    emptyLog10K1\n    atoms {\n      index\n      element\n      value\n      standardError\n    }\n    bonds {\n      a\n      b\n      delta\n      elements\n      log10K1Without\n    }\n    subgraphs {\n      name\n      kind\n      atoms\n      shapleySum\n      removalEffect\n      coalitionValue\n      totalCharge\n      chargePolarization\n    }\n  }\n": types.ExplanationInfoFragmentDoc,
    "\n  query SearchPage($filter: ClusterFilter, $orderBy: ClusterOrder, $first: Int, $after: String, $q: String! = \"\", $hasQ: Boolean! = false) {\n    composition(text: $q) @include(if: $hasQ) {\n      text\n      charge\n      caseCorrected\n    }\n    clusters(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ClusterSummary\n        }\n      }\n    }\n    matching: facets(filter: $filter) {\n      ...FacetCounts\n    }\n    catalog: facets {\n      ...FacetCounts\n    }\n  }\n": types.SearchPageDocument,
    "\n  query SearchFacets($filter: ClusterFilter) {\n    matching: facets(filter: $filter) {\n      ...FacetCounts\n    }\n    catalog: facets {\n      ...FacetCounts\n    }\n  }\n": types.SearchFacetsDocument,
    "\n  query Series($filter: ClusterFilter!, $first: Int!) {\n    clusters(filter: $filter, first: $first, orderBy: { field: SIZE, direction: ASC }) {\n      edges {\n        node {\n          id\n          formula\n          charge\n          atomCount: size # the API's name for the number of atoms\n          log10K1\n          composition {\n            element\n            count\n            isMetal\n          }\n        }\n      }\n    }\n  }\n": types.SeriesDocument,
    "\n  query ClusterPage($id: ID!) {\n    cluster(id: $id) {\n      ...ClusterDetail\n      structure {\n        ...StructureFull\n      }\n      isomers {\n        id\n        rank\n        relativeEnergyKcalPerMol\n        energyHartree\n        multiplicity\n        homoLumoGapEv\n        atoms {\n          index\n        }\n      }\n      prediction {\n        ...PredictionInfo\n      }\n      heldOutPredictions {\n        protocol\n        protocolTitle\n        split\n        log10K1\n        log10K1Std\n      }\n    }\n    similar(clusterId: $id, k: 5) {\n      similarity\n      cluster {\n        ...ClusterSummary\n      }\n    }\n    metalCore: subgraph(clusterId: $id, kind: METAL_CORE) {\n      ...SubgraphInfo\n    }\n    ligandShell: subgraph(clusterId: $id, kind: LIGAND_SHELL) {\n      ...SubgraphInfo\n    }\n  }\n": types.ClusterPageDocument,
    "\n  query ComparePage($ids: [ID!]!, $first: Int!) {\n    clusters(filter: { ids: $ids }, first: $first) {\n      edges {\n        node {\n          ...ClusterDetail\n          structure {\n            ...StructureFull\n          }\n          prediction {\n            ...PredictionInfo\n          }\n        }\n      }\n    }\n  }\n": types.ComparePageDocument,
    "\n  query ClusterIdByFormula($formula: String!, $charge: Int!) {\n    clusterByFormula(formula: $formula, charge: $charge) {\n      id\n    }\n  }\n": types.ClusterIdByFormulaDocument,
    "\n  query TrendsPage($after: String, $first: Int!) {\n    clusters(first: $first, after: $after, orderBy: { field: SIZE, direction: ASC }) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          formula\n          charge\n          atomCount: size # the API's name for the number of atoms\n          metalAtomCount\n          metals\n          ligands\n          log10K1\n        }\n      }\n    }\n  }\n": types.TrendsPageDocument,
    "\n  query Dataset {\n    dataset {\n      name\n      version\n      clusterCount\n      structureCount\n    }\n  }\n": types.DatasetDocument,
    "\n  query AboutPage {\n    withStructure: clusters(filter: { hasStructure: true }, first: 1) {\n      edges {\n        node {\n          id\n          structure {\n            method\n            program\n            programVersion\n            bondRule\n            settings\n          }\n        }\n      }\n    }\n    dataset {\n      name\n      version\n      clusterCount\n      structureCount\n    }\n    clusters(first: 1) {\n      edges {\n        node {\n          measurements {\n            source {\n              ...SourceInfo\n            }\n          }\n        }\n      }\n    }\n  }\n": types.AboutPageDocument,
    "\n  query ExplainCluster($id: ID!) {\n    atoms: explain(clusterId: $id, level: ATOM) {\n      ...ExplanationInfo\n    }\n    subgraphs: explain(clusterId: $id, level: SUBGRAPH) {\n      ...ExplanationInfo\n    }\n  }\n": types.ExplainClusterDocument,
    "\n  query MotifSearch($pattern: MotifPatternInput!, $filter: ClusterFilter, $first: Int, $after: String) {\n    motifSearch(pattern: $pattern, filter: $filter, first: $first, after: $after, maxMatchesPerCluster: 20) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          matchCount\n          distinctMatchCount\n          distinctMatches\n          cluster {\n            ...ClusterSummary\n            structure {\n              atoms {\n                ...ViewerAtom\n              }\n              bonds {\n                ...ViewerBond\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.MotifSearchDocument,
    "\n  query Predict($structure: StructureInput!) {\n    predict(structure: $structure) {\n      xtbWallTimeMs\n      prediction {\n        ...PredictionInfo\n      }\n      structure {\n        ...StructureFull\n      }\n      nearest {\n        similarity\n        cluster {\n          ...ClusterSummary\n        }\n      }\n    }\n  }\n": types.PredictDocument,
    "\n  query ExplainStructure($structure: StructureInput!) {\n    explain(structure: $structure, level: ATOM) {\n      ...ExplanationInfo\n    }\n  }\n": types.ExplainStructureDocument,
    "\n  query ModelCard {\n    model {\n      name\n      version\n      members\n      opset\n      trainingClusterCount\n      trainingElements\n      trainingAtomCountMin\n      trainingAtomCountMax\n      trainingDataSha256\n      domainDistanceThreshold\n      metrics\n      card\n    }\n  }\n": types.ModelCardDocument,
    "\n  query ClusterXyz($id: ID!) {\n    cluster(id: $id) {\n      id\n      charge\n      structure {\n        xyz\n        multiplicity\n      }\n    }\n  }\n": types.ClusterXyzDocument,
    "\n  query Limits {\n    limits {\n      maxPageSize\n      defaultPageSize\n      maxIdLength\n      maxFormulaLength\n      maxFilterListLength\n      maxSimilar\n      predict {\n        maxAtoms\n        maxCharge\n        maxXyzCharacters\n        minDistanceAngstrom\n      }\n      motif {\n        maxAtoms\n        maxBonds\n        maxBondOrder\n        maxMatchesPerCluster\n      }\n    }\n  }\n": types.LimitsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AccountKey on ApiKey {\n    id\n    label\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"): typeof import('./graphql').AccountKeyFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AccountUser on User {\n    id\n    name\n    role\n    createdAt\n    disabledAt\n    keys {\n      ...AccountKey\n    }\n  }\n"): typeof import('./graphql').AccountUserFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountUsers {\n    viewer {\n      id\n      name\n      role\n    }\n    users {\n      ...AccountUser\n    }\n  }\n"): typeof import('./graphql').AccountUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        ...AccountUser\n      }\n      created {\n        key\n      }\n    }\n  }\n"): typeof import('./graphql').CreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($userId: ID!, $label: String) {\n    createApiKey(userId: $userId, label: $label) {\n      key\n      apiKey {\n        ...AccountKey\n      }\n    }\n  }\n"): typeof import('./graphql').CreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($keyId: ID!) {\n    revokeApiKey(keyId: $keyId) {\n      ...AccountKey\n    }\n  }\n"): typeof import('./graphql').RevokeApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserDisabled($userId: ID!, $disabled: Boolean!) {\n    setUserDisabled(userId: $userId, disabled: $disabled) {\n      ...AccountUser\n    }\n  }\n"): typeof import('./graphql').SetUserDisabledDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SubmissionSummary on Submission {\n    id\n    kind\n    status\n    formula\n    charge\n    clusterId\n    createdAt\n    updatedAt\n    submittedByName\n    releaseNumber\n    structureJob {\n      state\n      progress\n      attempts\n      error\n    }\n  }\n"): typeof import('./graphql').SubmissionSummaryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SubmissionDetail on Submission {\n    ...SubmissionSummary\n    multiplicity\n    submittedXyz\n    changes {\n      field\n      before\n      after\n    }\n    measurements {\n      reactant\n      k1Cm3PerMoleculeS\n      k1UncertaintyCm3PerMoleculeS\n      log10K1\n      temperatureK\n      pressurePa\n      technique\n      techniqueDetail\n      doi\n      citation\n      notes\n      captureLimitCm3PerMoleculeS\n      captureLimitExplanation\n    }\n    structureJob {\n      isomerCount\n      lowestEnergyHartree\n      xyz\n    }\n    history {\n      id\n      action\n      at\n      actorName\n      comment\n    }\n  }\n"): typeof import('./graphql').SubmissionDetailFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Submissions($status: SubmissionStatus, $mine: Boolean, $first: Int) {\n    submissions(status: $status, mine: $mine, first: $first) {\n      totalCount\n      items {\n        ...SubmissionSummary\n      }\n    }\n  }\n"): typeof import('./graphql').SubmissionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Submission($id: ID!) {\n    submission(id: $id) {\n      ...SubmissionDetail\n    }\n  }\n"): typeof import('./graphql').SubmissionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubmitForm {\n    reactants {\n      formula\n      name\n      massU\n      polarizabilityAngstrom3\n      dipoleDebye\n    }\n  }\n"): typeof import('./graphql').SubmitFormDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompositionCheck($text: String!) {\n    composition(text: $text) {\n      text\n      charge\n      caseCorrected\n      elements {\n        element\n        min\n        max\n      }\n    }\n  }\n"): typeof import('./graphql').CompositionCheckDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogClusterCheck($formula: String!, $charge: Int!) {\n    clusterByFormula(formula: $formula, charge: $charge) {\n      id\n      formula\n      charge\n    }\n  }\n"): typeof import('./graphql').CatalogClusterCheckDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitMeasurement($cluster: ClusterRefInput!, $measurement: MeasurementSubmissionInput!, $idempotencyKey: String) {\n    submitMeasurement(cluster: $cluster, measurement: $measurement, idempotencyKey: $idempotencyKey) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').SubmitMeasurementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitCluster($cluster: ClusterSubmissionInput!, $idempotencyKey: String) {\n    submitCluster(cluster: $cluster, idempotencyKey: $idempotencyKey) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').SubmitClusterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewSubmission($id: ID!, $decision: ReviewDecision!, $comment: String) {\n    reviewSubmission(id: $id, decision: $decision, comment: $comment) {\n      ...SubmissionDetail\n    }\n  }\n"): typeof import('./graphql').ReviewSubmissionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CommentOnSubmission($id: ID!, $text: String!) {\n    commentOnSubmission(id: $id, text: $text)\n  }\n"): typeof import('./graphql').CommentOnSubmissionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReleaseInfo on Release {\n    number\n    publishedAt\n    publishedByName\n    changelog\n    clusterCount\n    measurementCount\n    structureCount\n    submissionCount\n    reactants\n    datasetVersion\n    downloads {\n      json\n      csv\n      extendedXyz\n      xyzArchive\n    }\n  }\n"): typeof import('./graphql').ReleaseInfoFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Releases {\n    releases {\n      ...ReleaseInfo\n    }\n  }\n"): typeof import('./graphql').ReleasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishRelease($changelog: String!, $idempotencyKey: String) {\n    publishRelease(changelog: $changelog, idempotencyKey: $idempotencyKey) {\n      ...ReleaseInfo\n    }\n  }\n"): typeof import('./graphql').PublishReleaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClusterSummary on Cluster {\n    id\n    formula\n    charge\n    # The API publishes the number of atoms as size; the site calls it atomCount, as the server does.\n    atomCount: size\n    multiplicity\n    nuclearity\n    metalFamily\n    metalAtomCount\n    log10K1\n    efficiency\n    hasStructure\n    prediction {\n      kind\n      log10K1\n      log10K1Std\n      interval68 {\n        lowLog10K1\n        highLog10K1\n      }\n      domain {\n        inDomain\n      }\n    }\n  }\n"): typeof import('./graphql').ClusterSummaryFragmentDoc;
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
export function graphql(source: "\n  fragment FacetCounts on CatalogFacets {\n    total\n    byCharge {\n      value\n      count\n    }\n    byElement {\n      value\n      count\n    }\n    byNuclearity {\n      value\n      count\n    }\n    # The API's name for the counts per number of atoms is bySize.\n    byAtomCount: bySize {\n      value\n      count\n    }\n    log10K1Min\n    log10K1Max\n  }\n"): typeof import('./graphql').FacetCountsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StructureFull on Structure {\n    id\n    rank\n    method\n    program\n    programVersion\n    multiplicity\n    multiplicitySource\n    energyHartree\n    relativeEnergyKcalPerMol\n    homoLumoGapEv\n    dipoleDebye\n    bondRule\n    xyz\n    extendedXyz\n    atoms {\n      ...ViewerAtom\n    }\n    bonds {\n      ...ViewerBond\n    }\n  }\n"): typeof import('./graphql').StructureFullFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerAtom on Atom {\n    index\n    element\n    isMetal\n    xAngstrom\n    yAngstrom\n    zAngstrom\n    partialCharge\n    coordinationNumber\n  }\n"): typeof import('./graphql').ViewerAtomFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerBond on Bond {\n    a\n    b\n    order\n    lengthAngstrom\n  }\n"): typeof import('./graphql').ViewerBondFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PredictionInfo on Prediction {\n    kind\n    protocol\n    protocolTitle\n    heldOutSplit\n    log10K1\n    unboundedLog10K1\n    cappedAtCaptureLimit\n    log10K1Std\n    k1Cm3PerMoleculeS\n    modelVersion\n    captureLimit {\n      kind\n      log10K1\n    }\n    interval68 {\n      ...IntervalInfo\n    }\n    interval95 {\n      ...IntervalInfo\n    }\n    domain {\n      inDomain\n      reasons\n      caveats\n      nearestTrainingClusterId\n      nearestDistance\n      distanceThreshold\n      distancePercentile\n      unknownElements\n    }\n  }\n"): typeof import('./graphql').PredictionInfoFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IntervalInfo on PredictionInterval {\n    confidence\n    lowLog10K1\n    highLog10K1\n    calibrated\n  }\n"): typeof import('./graphql').IntervalInfoFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SubgraphInfo on Subgraph {\n    kind\n    totalCharge\n    meanCharge\n    chargePolarization\n    chargeRange\n    atoms {\n      index\n      element\n    }\n    components {\n      totalCharge\n      chargePolarization\n      atoms {\n        index\n      }\n    }\n  }\n"): typeof import('./graphql').SubgraphInfoFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ExplanationInfo on Explanation {\n    level\n    method\n    modelVersion\n    fullLog10K1\n    emptyLog10K1\n    atoms {\n      index\n      element\n      value\n      standardError\n    }\n    bonds {\n      a\n      b\n      delta\n      elements\n      log10K1Without\n    }\n    subgraphs {\n      name\n      kind\n      atoms\n      shapleySum\n      removalEffect\n      coalitionValue\n      totalCharge\n      chargePolarization\n    }\n  }\n"): typeof import('./graphql').ExplanationInfoFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchPage($filter: ClusterFilter, $orderBy: ClusterOrder, $first: Int, $after: String, $q: String! = \"\", $hasQ: Boolean! = false) {\n    composition(text: $q) @include(if: $hasQ) {\n      text\n      charge\n      caseCorrected\n    }\n    clusters(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ClusterSummary\n        }\n      }\n    }\n    matching: facets(filter: $filter) {\n      ...FacetCounts\n    }\n    catalog: facets {\n      ...FacetCounts\n    }\n  }\n"): typeof import('./graphql').SearchPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchFacets($filter: ClusterFilter) {\n    matching: facets(filter: $filter) {\n      ...FacetCounts\n    }\n    catalog: facets {\n      ...FacetCounts\n    }\n  }\n"): typeof import('./graphql').SearchFacetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Series($filter: ClusterFilter!, $first: Int!) {\n    clusters(filter: $filter, first: $first, orderBy: { field: SIZE, direction: ASC }) {\n      edges {\n        node {\n          id\n          formula\n          charge\n          atomCount: size # the API's name for the number of atoms\n          log10K1\n          composition {\n            element\n            count\n            isMetal\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SeriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClusterPage($id: ID!) {\n    cluster(id: $id) {\n      ...ClusterDetail\n      structure {\n        ...StructureFull\n      }\n      isomers {\n        id\n        rank\n        relativeEnergyKcalPerMol\n        energyHartree\n        multiplicity\n        homoLumoGapEv\n        atoms {\n          index\n        }\n      }\n      prediction {\n        ...PredictionInfo\n      }\n      heldOutPredictions {\n        protocol\n        protocolTitle\n        split\n        log10K1\n        log10K1Std\n      }\n    }\n    similar(clusterId: $id, k: 5) {\n      similarity\n      cluster {\n        ...ClusterSummary\n      }\n    }\n    metalCore: subgraph(clusterId: $id, kind: METAL_CORE) {\n      ...SubgraphInfo\n    }\n    ligandShell: subgraph(clusterId: $id, kind: LIGAND_SHELL) {\n      ...SubgraphInfo\n    }\n  }\n"): typeof import('./graphql').ClusterPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComparePage($ids: [ID!]!, $first: Int!) {\n    clusters(filter: { ids: $ids }, first: $first) {\n      edges {\n        node {\n          ...ClusterDetail\n          structure {\n            ...StructureFull\n          }\n          prediction {\n            ...PredictionInfo\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ComparePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClusterIdByFormula($formula: String!, $charge: Int!) {\n    clusterByFormula(formula: $formula, charge: $charge) {\n      id\n    }\n  }\n"): typeof import('./graphql').ClusterIdByFormulaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrendsPage($after: String, $first: Int!) {\n    clusters(first: $first, after: $after, orderBy: { field: SIZE, direction: ASC }) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          formula\n          charge\n          atomCount: size # the API's name for the number of atoms\n          metalAtomCount\n          metals\n          ligands\n          log10K1\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').TrendsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dataset {\n    dataset {\n      name\n      version\n      clusterCount\n      structureCount\n    }\n  }\n"): typeof import('./graphql').DatasetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AboutPage {\n    withStructure: clusters(filter: { hasStructure: true }, first: 1) {\n      edges {\n        node {\n          id\n          structure {\n            method\n            program\n            programVersion\n            bondRule\n            settings\n          }\n        }\n      }\n    }\n    dataset {\n      name\n      version\n      clusterCount\n      structureCount\n    }\n    clusters(first: 1) {\n      edges {\n        node {\n          measurements {\n            source {\n              ...SourceInfo\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AboutPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplainCluster($id: ID!) {\n    atoms: explain(clusterId: $id, level: ATOM) {\n      ...ExplanationInfo\n    }\n    subgraphs: explain(clusterId: $id, level: SUBGRAPH) {\n      ...ExplanationInfo\n    }\n  }\n"): typeof import('./graphql').ExplainClusterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MotifSearch($pattern: MotifPatternInput!, $filter: ClusterFilter, $first: Int, $after: String) {\n    motifSearch(pattern: $pattern, filter: $filter, first: $first, after: $after, maxMatchesPerCluster: 20) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          matchCount\n          distinctMatchCount\n          distinctMatches\n          cluster {\n            ...ClusterSummary\n            structure {\n              atoms {\n                ...ViewerAtom\n              }\n              bonds {\n                ...ViewerBond\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MotifSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Predict($structure: StructureInput!) {\n    predict(structure: $structure) {\n      xtbWallTimeMs\n      prediction {\n        ...PredictionInfo\n      }\n      structure {\n        ...StructureFull\n      }\n      nearest {\n        similarity\n        cluster {\n          ...ClusterSummary\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PredictDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplainStructure($structure: StructureInput!) {\n    explain(structure: $structure, level: ATOM) {\n      ...ExplanationInfo\n    }\n  }\n"): typeof import('./graphql').ExplainStructureDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModelCard {\n    model {\n      name\n      version\n      members\n      opset\n      trainingClusterCount\n      trainingElements\n      trainingAtomCountMin\n      trainingAtomCountMax\n      trainingDataSha256\n      domainDistanceThreshold\n      metrics\n      card\n    }\n  }\n"): typeof import('./graphql').ModelCardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClusterXyz($id: ID!) {\n    cluster(id: $id) {\n      id\n      charge\n      structure {\n        xyz\n        multiplicity\n      }\n    }\n  }\n"): typeof import('./graphql').ClusterXyzDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Limits {\n    limits {\n      maxPageSize\n      defaultPageSize\n      maxIdLength\n      maxFormulaLength\n      maxFilterListLength\n      maxSimilar\n      predict {\n        maxAtoms\n        maxCharge\n        maxXyzCharacters\n        minDistanceAngstrom\n      }\n      motif {\n        maxAtoms\n        maxBonds\n        maxBondOrder\n        maxMatchesPerCluster\n      }\n    }\n  }\n"): typeof import('./graphql').LimitsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
