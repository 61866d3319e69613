import type { Viewer } from '../../server/src/auth/viewer';
import { gql } from '../helpers/graphql';
import { startTestStack, type TestStack } from '../helpers/stack';

/**
 * Contributions → review → numbered releases, on its own stack (publishing changes the catalog
 * the other integration files count). Users are created as graph nodes here; the auth tests
 * cover how keys and sessions become a Viewer.
 */
let stack: TestStack;
const alice: Viewer = { userId: 'u-alice', name: 'Alice Contributor', role: 'contributor', keyId: 'k-a', via: 'key' };
const bob: Viewer = { userId: 'u-bob', name: 'Bob Contributor', role: 'contributor', keyId: 'k-b', via: 'key' };
const carol: Viewer = { userId: 'u-carol', name: 'Carol Curator', role: 'curator', keyId: 'k-c', via: 'key' };
const dave: Viewer = { userId: 'u-dave', name: 'Dave Curator', role: 'curator', keyId: 'k-d', via: 'key' };

const co = {
  reactant: 'CO',
  k1: 2.4e-11,
  k1Unit: 'CM3_PER_MOLECULE_S' as const,
  k1Uncertainty: 0.6e-11,
  temperatureK: 300,
  pressure: 0.4,
  pressureUnit: 'TORR' as const,
  technique: 'FLOW_TUBE' as const,
  doi: '10.1000/example.co.2026',
  citation: 'Example et al., test measurement of Mo5S2⁻ + CO (2026)',
};

beforeAll(async () => {
  stack = await startTestStack();
  await stack.db.executor.write(
    {
      cypher: 'UNWIND $users AS u CREATE (x:User) SET x = u',
      params: { users: [alice, bob, carol, dave].map((v) => ({ id: v.userId, name: v.name, role: v.role })) },
    },
    { purpose: 'test users' },
  );
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

const api = () => stack.api.url;
const svc = () => (stack.api as unknown as { services: import('../../server/src/graphql/context').Services }).services;

async function count(release?: number): Promise<{ total: number; answered: number }> {
  const r = await gql('query($r: Int) { clusters(first: 0, release: $r) { totalCount } }', { r: release ?? null }, api());
  expect(r.body.errors).toBeUndefined();
  return { total: r.body.data!.clusters.totalCount, answered: r.body.extensions!.release };
}

describe('contributions, review and releases', () => {
  let measurementId: string;

  it('starts at release 1 = the 216 published clusters', async () => {
    const r = await gql('{ releases { number clusterCount measurementCount structureCount reactants downloads { json } } }', {}, api());
    expect(r.body.data!.releases).toEqual([
      expect.objectContaining({
        number: 1,
        clusterCount: 216,
        measurementCount: 216,
        reactants: ['N2'],
        downloads: { json: '/download/releases/1/clusters.json' },
      }),
    ]);
    expect(await count()).toEqual({ total: 216, answered: 1 });
    const model = await gql('{ model { trainedOnRelease reactant } cluster(id: "Mo5S2-anion") { prediction { reactant } } }', {}, api());
    expect(model.body.data).toEqual({ model: { trainedOnRelease: 1, reactant: 'N2' }, cluster: { prediction: { reactant: 'N2' } } });
  });

  it('a measurement submission is staged, invisible to the catalog, and idempotent', async () => {
    const first = await svc().contributions.submitMeasurement(alice, { cluster: { formula: 'Mo5S2', charge: -1 }, measurement: co }, 'alice-co-1');
    const retry = await svc().contributions.submitMeasurement(alice, { cluster: { formula: 'Mo5S2', charge: -1 }, measurement: co }, 'alice-co-1');
    expect(retry.id).toBe(first.id);
    expect(first.status).toBe('PENDING');
    await expect(
      svc().contributions.submitMeasurement(alice, { cluster: { formula: 'Mo5S2', charge: -1 }, measurement: { ...co, k1: 3e-11 } }, 'alice-co-1'),
    ).rejects.toThrow(/already used for a different submission/);
    measurementId = first.id;
    const m = await gql('{ cluster(id: "Mo5S2-anion") { measurements { reactant } } facets { byReactant { value count } } }', {}, api());
    expect(m.body.data!.cluster.measurements.map((x: { reactant: string }) => x.reactant)).toEqual(['N2']);
    expect(m.body.data!.facets.byReactant).toEqual([{ value: 'N2', count: 216 }]);
  });

  it('the same idempotency key sent concurrently stores one submission', async () => {
    const input = { cluster: { formula: 'Mo5S2', charge: -1 }, measurement: { ...co, k1: 1.1e-11 } };
    const results = await Promise.all([1, 2, 3, 4].map(() => svc().contributions.submitMeasurement(bob, input, 'bob-race')));
    expect(new Set(results.map((s) => s.id)).size).toBe(1);
    const [row] = await stack.db.executor.read<{ n: number }>(
      { cypher: "MATCH (s:Submission {idempotencyScope: 'u-bob:bob-race'}) RETURN count(s) AS n", params: {} },
      { purpose: 'test' },
    );
    expect(row.n).toBe(1);
    await svc().contributions.review(carol, results[0].id, 'REJECT', 'duplicate of the flow-tube value, test data');
  });

  it('rejects rates above the capture limit unless flagged and explained', async () => {
    const fast = { ...co, reactant: 'N2', k1: 5e-9 };
    await expect(svc().contributions.submitMeasurement(alice, { cluster: { formula: 'Mo5S2', charge: -1 }, measurement: fast })).rejects.toThrow(
      /above the capture limit/,
    );
    const flagged = await svc().contributions.submitMeasurement(alice, {
      cluster: { formula: 'Mo5S2', charge: -1 },
      measurement: { ...fast, exceedsCaptureLimit: true, captureLimitExplanation: 'test: reported value, likely a pressure calibration error' },
    });
    expect(flagged.status).toBe('PENDING');
    await svc().contributions.review(carol, flagged.id, 'REJECT', 'above the capture limit');
  });

  it('a contributor sees only their own submissions', async () => {
    await expect(svc().contributions.get(bob, measurementId)).rejects.toThrow(/not found/);
    const mine = await svc().contributions.list(bob, {}, { offset: 0, limit: 50 });
    expect(mine.items.every((s) => s.submittedBy === bob.userId)).toBe(true);
    const all = await svc().contributions.list(carol, {}, { offset: 0, limit: 50 });
    expect(all.items.map((s) => s.id)).toContain(measurementId);
  });

  it('two curators approving at once: exactly one approval, one audit event', async () => {
    const outcomes = await Promise.allSettled([
      svc().contributions.review(carol, measurementId, 'APPROVE', null),
      svc().contributions.review(dave, measurementId, 'APPROVE', null),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.name).toBe('ContributionConflictError');
    const trail = await svc().contributions.auditTrail(measurementId);
    expect(trail.map((e) => e.action)).toEqual(['SUBMITTED', 'APPROVED']);
  });

  it('a new cluster waits for its structure before approval', async () => {
    const s = await svc().contributions.submitCluster(bob, {
      formula: 'Mo5S2',
      charge: 0,
      measurements: [{ ...co, reactant: 'N2', k1: 3.0e-12, doi: null, citation: 'Example lab, unpublished test value' }],
    });
    expect(s.structureState).toBe('QUEUED');
    await expect(svc().contributions.review(carol, s.id, 'APPROVE', null)).rejects.toThrow(/still being computed/);
    await svc().contributions.structureFailed(s.id, 'test: no worker in this stack');
    const approved = await svc().contributions.review(carol, s.id, 'APPROVE', 'ok without structure');
    expect(approved.status).toBe('APPROVED');
  });

  it('publishing twice at once makes one release; the catalog then answers per release', async () => {
    const results = await Promise.allSettled([
      svc().releases.publish(carol, 'Test release A', 'pub-1'),
      svc().releases.publish(dave, 'Test release A', 'pub-1'),
    ]);
    const numbers = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<{ number: number }>).value.number);
    expect(numbers.length).toBeGreaterThan(0);
    expect(new Set(numbers)).toEqual(new Set([2]));
    const again = await svc()
      .releases.publish(carol, 'Nothing new', null)
      .catch((e: Error) => e);
    expect((again as Error).message).toMatch(/no approved submissions/);

    expect(await count()).toEqual({ total: 217, answered: 2 });
    expect(await count(1)).toEqual({ total: 216, answered: 1 });
    expect(await count(2)).toEqual({ total: 217, answered: 2 });
    const ds = await gql('{ dataset { release clusterCount measurementCount } }', {}, api());
    expect(ds.body.data!.dataset).toEqual({ release: 2, clusterCount: 217, measurementCount: 218 });
    const ds1 = await gql('{ dataset(release: 1) { release clusterCount measurementCount } }', {}, api());
    expect(ds1.body.data!.dataset).toEqual({ release: 1, clusterCount: 216, measurementCount: 216 });

    const now = await gql('{ cluster(id: "Mo5S2-anion") { log10K1 fromRelease measurements { reactant k1Cm3PerMoleculeS } } }', {}, api());
    expect(now.body.data!.cluster.measurements.map((m: { reactant: string }) => m.reactant).sort()).toEqual(['CO', 'N2']);
    // A CO rate does not move the headline N2 rate: still the release-1 record.
    expect(now.body.data!.cluster.fromRelease).toBe(1);
    const before = await gql('{ cluster(id: "Mo5S2-anion", release: 1) { measurements { reactant } } }', {}, api());
    expect(before.body.data!.cluster.measurements.map((m: { reactant: string }) => m.reactant)).toEqual(['N2']);

    const added = await gql('{ cluster(id: "Mo5S2-neutral") { fromRelease log10K1 hasStructure } }', {}, api());
    expect(added.body.data!.cluster).toEqual({ fromRelease: 2, log10K1: Math.log10(3e-12), hasStructure: false });
    const old = await gql('{ cluster(id: "Mo5S2-neutral", release: 1) { id } }', {}, api());
    expect(old.body.data!.cluster).toBeNull();

    const facets = await gql(
      '{ facets { byReactant { value count } } co: clusters(filter: { reactant: "CO" }, first: 5) { totalCount edges { node { id } } } }',
      {},
      api(),
    );
    expect(facets.body.data!.facets.byReactant).toEqual([
      { value: 'CO', count: 1 },
      { value: 'N2', count: 217 },
    ]);
    expect(facets.body.data!.co.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(['Mo5S2-anion']);

    const released = await svc().contributions.get(alice, measurementId);
    expect(released.status).toBe('RELEASED');
    expect(released.releaseNumber).toBe(2);
  });

  it('a new N2 rate for a released cluster opens a new version; the old release still answers the old value', async () => {
    const s = await svc().contributions.submitMeasurement(alice, {
      cluster: { formula: 'Mo5S2', charge: -1 },
      measurement: { ...co, reactant: 'N2', k1: 1.5e-11, doi: '10.1000/example.n2.2026' },
    });
    await svc().contributions.review(dave, s.id, 'APPROVE', null);
    const release = await svc().releases.publish(dave, 'Second N2 rate for Mo5S2⁻');
    expect(release.number).toBe(3);
    const v3 = await gql('{ cluster(id: "Mo5S2-anion") { log10K1 fromRelease } }', {}, api());
    const v2 = await gql('{ cluster(id: "Mo5S2-anion", release: 2) { log10K1 fromRelease } }', {}, api());
    expect(v2.body.data!.cluster).toEqual({ log10K1: Math.log10(1.5e-10), fromRelease: 1 });
    // Mean of log10 k1 over the two N2 measurements.
    expect(v3.body.data!.cluster.fromRelease).toBe(3);
    expect(v3.body.data!.cluster.log10K1).toBeCloseTo((Math.log10(1.5e-10) + Math.log10(1.5e-11)) / 2, 10);
    expect(await count(3)).toEqual({ total: 217, answered: 3 });
  });

  it('each release stays downloadable with its own counts', async () => {
    const get = async (p: string) => {
      const res = await fetch(`${api()}${p}`);
      return { status: res.status, body: res.status === 200 ? ((await res.json()) as { clusters: Array<{ id: string }> }) : null };
    };
    const r1 = await get('/download/releases/1/clusters.json');
    const r2 = await get('/download/releases/2/clusters.json');
    expect(r1.body!.clusters).toHaveLength(216);
    expect(r2.body!.clusters).toHaveLength(217);
    expect((await get('/download/releases/9/clusters.json')).status).toBe(404);
    expect((await get('/download/releases/x/clusters.json')).status).toBe(400);
    const r = await gql('{ clusters(first: 0, release: 9) { totalCount } }', {}, api());
    expect(r.status).toBe(400);
    expect(r.body.errors![0].message).toMatch(/release 9 does not exist/);
    const mixed = await gql('{ a: clusters(first: 0, release: 1) { totalCount } b: clusters(first: 0, release: 2) { totalCount } }', {}, api());
    expect(mixed.status).toBe(400);
  });

  it('submissions stay out of the catalog until released', async () => {
    const s = await svc().contributions.submitCluster(alice, { formula: 'Ta3H4', charge: 0 });
    const r = await gql('{ cluster(id: "Ta3H4-neutral") { id } clusters(first: 0) { totalCount } }', {}, api());
    expect(r.body.data!.cluster).toBeNull();
    expect(r.body.data!.clusters.totalCount).toBe(217);
    expect((await svc().contributions.get(alice, s.id)).kind).toBe('CLUSTER');
  });
});
