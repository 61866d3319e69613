import { clusterInRelease, measurementInRelease } from './release-scope';
import { createClusterQuery, createMeasurementsQuery, currentClusterQuery, newClusterVersionQuery, updateClusterInPlaceQuery } from './publish-query';
import {
  approvedSubmissionsQuery,
  createReleaseQuery,
  ensureFirstReleaseQuery,
  latestReleaseQuery,
  listReleasesQuery,
  releaseByIdempotencyKeyQuery,
  releaseCountsQuery,
  releaseLockQuery,
} from './release-query';
import {
  auditTrailQuery,
  awaitingStructureQuery,
  commentQuery,
  createSubmissionQuery,
  decideSubmissionQuery,
  listSubmissionsQuery,
  structureResultQuery,
  submissionByIdQuery,
  submissionByScopeQuery,
} from './submission-query';

const hostile = "x'}) DETACH DELETE n //";

describe('release scope', () => {
  it('reads current versions when no release is named, the interval otherwise', () => {
    expect(clusterInRelease('c', null, 'r')).toEqual({ condition: 'c.toRelease IS NULL', params: {} });
    expect(clusterInRelease('c', 2, 'r')).toEqual({ condition: 'c.fromRelease <= $r AND (c.toRelease IS NULL OR c.toRelease >= $r)', params: { r: 2 } });
    // Seed measurements carry no fromRelease: they belong to release 1.
    expect(measurementInRelease('m', 1, 'r')).toEqual({ condition: 'coalesce(m.fromRelease, 1) <= $r', params: { r: 1 } });
  });
});

describe('contribution and release query builders', () => {
  const queries = {
    submissionByScope: submissionByScopeQuery(`u1:${hostile}`),
    createSubmission: createSubmissionQuery({ id: 's1', payloadJson: hostile }, 'u1', { id: 'e1', action: 'SUBMITTED' }),
    submissionById: submissionByIdQuery(hostile),
    listSubmissions: listSubmissionsQuery({ status: 'PENDING', submittedBy: 'u1' }, { offset: 20, limit: 10 }),
    decideSubmission: decideSubmissionQuery('s1', 'PENDING', { status: 'APPROVED' }, 'u2', { id: 'e2', action: 'APPROVED' }),
    comment: commentQuery('s1', 'u2', { id: 'e3', action: 'COMMENTED', detailJson: hostile }),
    auditTrail: auditTrailQuery('s1'),
    structureResult: structureResultQuery('s1', { structureState: 'COMPLETED' }),
    awaitingStructure: awaitingStructureQuery(),
    latestRelease: latestReleaseQuery(),
    listReleases: listReleasesQuery(),
    releaseCounts: releaseCountsQuery(2),
    ensureFirstRelease: ensureFirstReleaseQuery({ changelog: 'seed' }),
    releaseLock: releaseLockQuery(),
    releaseByKey: releaseByIdempotencyKeyQuery(hostile),
    approvedSubmissions: approvedSubmissionsQuery(),
    createRelease: createReleaseQuery({ number: 2, changelog: hostile }, 'u2', ['s1'], { id: 'e4' }),
    currentCluster: currentClusterQuery('Mo5S2-anion'),
    createCluster: createClusterQuery({ id: 'Mo5S2-neutral', fromRelease: 2 }, [{ element: 'Mo', count: 5 }]),
    newClusterVersion: newClusterVersionQuery('Mo5S2-anion', 3, { log10K1: -10.3 }),
    updateClusterInPlace: updateClusterInPlaceQuery('Mo5S2-neutral', 2, { log10K1: -11.5 }),
    createMeasurements: createMeasurementsQuery('Mo5S2-anion', [{ props: { id: 'm1' }, source: { id: 'doi:x' }, reactant: { formula: 'CO' } }]),
  };

  it.each(Object.entries(queries))('%s keeps every value in parameters', (_name, q) => {
    expect(q.cypher).not.toContain(hostile);
    expect(q).toMatchSnapshot();
  });
});
