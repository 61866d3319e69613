import { isMetal } from '../../server/src/chem/elements';
import { gql, type GraphQLResponse, type LooseData } from '../helpers/graphql';
import { countOf, seedClusters } from '../helpers/seed-fixtures';
import { stackInfo } from '../helpers/stack-info';

const seed = seedClusters();

async function allIds(filter: Record<string, unknown>): Promise<string[]> {
  const found: string[] = [];
  let after: string | null = null;
  for (;;) {
    const r: GraphQLResponse = await gql(
      `query($filter: ClusterFilter, $after: String) { clusters(filter: $filter, first: 100, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      { filter, after },
    );
    expect(r.body.errors).toBeUndefined();
    found.push(...r.body.data!.clusters.edges.map((e: { node: { id: string } }) => e.node.id));
    if (!r.body.data!.clusters.pageInfo.hasNextPage) break;
    after = r.body.data!.clusters.pageInfo.endCursor;
  }
  return found.sort();
}

describe('catalog API against the seeded Neo4j', () => {
  it('holds all 216 clusters and reports the dataset version in every response', async () => {
    const r = await gql('{ clusters(first: 0) { totalCount } dataset { clusterCount version } }');
    expect(r.status).toBe(200);
    expect(r.body.data!.clusters.totalCount).toBe(216);
    expect(r.body.data!.dataset.clusterCount).toBe(216);
    expect(r.body.extensions!.datasetVersion).toBe(stackInfo().datasetVersion);
    expect(r.body.data!.dataset.version).toBe(stackInfo().datasetVersion);
  });

  it('"Ta3S*" returns exactly the Ta3 clusters with only sulfur besides', async () => {
    const expected = seed
      .filter((c) => countOf(c, 'Ta') === 3 && c.composition.every((p) => p.element === 'Ta' || p.element === 'S'))
      .map((c) => c.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(await allIds({ formula: 'Ta3S*' })).toEqual(expected);
  });

  it('"Mo?S2" and element ranges select by counts', async () => {
    const moS2 = seed.filter((c) => countOf(c, 'Mo') >= 1 && countOf(c, 'S') === 2 && c.composition.length === 2).map((c) => c.id);
    expect(await allIds({ formula: 'Mo?S2' })).toEqual(moS2.sort());
    const range = seed.filter((c) => countOf(c, 'Mo') >= 2 && countOf(c, 'Mo') <= 5).map((c) => c.id);
    expect(await allIds({ elementCounts: [{ element: 'Mo', min: 2, max: 5 }] })).toEqual(range.sort());
  });

  it('combines element-set, charge, size, metal-count, rate and nuclearity filters', async () => {
    const expected = seed
      .filter((c) => c.composition.some((p) => p.element === 'Co'))
      .filter((c) => c.composition.every((p) => ['Co', 'Rh', 'H'].includes(p.element)))
      .filter((c) => c.charge === -1 && c.nuclearity === 'heteronuclear')
      .filter((c) => {
        const size = c.composition.reduce((s, p) => s + p.count, 0);
        const metals = c.composition.filter((p) => isMetal(p.element)).reduce((s, p) => s + p.count, 0);
        return size >= 4 && size <= 8 && metals >= 3 && c.measurements[0].log10K1 >= -13;
      })
      .map((c) => c.id);
    const got = await allIds({
      elements: { allOf: ['Co'], only: ['Co', 'Rh', 'H'] },
      charges: [-1],
      nuclearity: 'HETERONUCLEAR',
      size: { min: 4, max: 8 },
      metalAtomCount: { min: 3 },
      log10K1: { min: -13 },
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(got).toEqual(expected.sort());
  });

  it('pages through everything ordered by log10 k without gaps or repeats', async () => {
    const seen: number[] = [];
    const seenIds = new Set<string>();
    let after: string | null = null;
    do {
      const r: GraphQLResponse = await gql(
        `query($after: String) { clusters(first: 37, after: $after, orderBy: {field: LOG10K1, direction: DESC}) { edges { node { id log10K1 } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      for (const e of r.body.data!.clusters.edges) {
        seen.push(e.node.log10K1);
        seenIds.add(e.node.id);
      }
      after = r.body.data!.clusters.pageInfo.hasNextPage ? r.body.data!.clusters.pageInfo.endCursor : null;
    } while (after);
    expect(seenIds.size).toBe(216);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });

  it('returns a cluster with composition, measurements, source and derived rates', async () => {
    const fixture = seed.find((c) => c.id === 'Mo5S2-anion')!;
    const r = await gql(`{ cluster(id: "Mo5S2-anion") { id formula charge multiplicity size metals ligands composition { element count }
      log10K1 langevinRateCm3PerMoleculeS efficiency measurements { reactant log10K1 k1Cm3PerMoleculeS source { doi } } } }`);
    const c = r.body.data!.cluster;
    expect(c.composition).toEqual(fixture.composition);
    expect(c.multiplicity).toBe(fixture.multiplicity);
    expect(c.size).toBe(7);
    expect(c.metals).toEqual(['Mo']);
    expect(c.ligands).toEqual(['S']);
    expect(c.measurements).toHaveLength(1);
    expect(c.measurements[0]).toMatchObject({ reactant: 'N2', source: { doi: '10.1021/acscatal.5c01379' } });
    expect(c.measurements[0].log10K1).toBeCloseTo(fixture.measurements[0].log10K1, 10);
    expect(c.efficiency).toBeCloseTo(10 ** fixture.measurements[0].log10K1 / c.langevinRateCm3PerMoleculeS, 12);
  });

  it('neutral clusters have no Langevin rate or efficiency', async () => {
    const r = await gql('{ clusters(filter: {charges: [0]}, first: 100) { totalCount edges { node { langevinRateCm3PerMoleculeS efficiency } } } }');
    expect(r.body.data!.clusters.totalCount).toBe(seed.filter((c) => c.charge === 0).length);
    for (const e of r.body.data!.clusters.edges) expect(e.node).toEqual({ langevinRateCm3PerMoleculeS: null, efficiency: null });
  });

  it('finds clusters by formula in any count notation, and answers null for unknown ids', async () => {
    const r = await gql(
      '{ a: clusterByFormula(formula: "Rh1Co3H2", charge: -1) { id } b: cluster(id: "Xx9-anion") { id } c: cluster(id: "Rh3CoH-anion") { publishedName } }',
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.a.id).toBe('RhCo3H2-anion');
    expect(r.body.data!.b).toBeNull();
    expect(r.body.data!.c.publishedName).toBe(seed.find((c) => c.id === 'Rh3CoH-anion')!.publishedName);
  });

  it('facet counts match the seed file', async () => {
    const r = await gql('{ facets { total byElement { value count } byCharge { value count } byNuclearity { value count } } }');
    const f = r.body.data!.facets;
    expect(f.total).toBe(216);
    const byElement = new Map<string, number>();
    for (const c of seed) for (const p of c.composition) byElement.set(p.element, (byElement.get(p.element) ?? 0) + 1);
    expect(Object.fromEntries(f.byElement.map((b: { value: string; count: number }) => [b.value, b.count]))).toEqual(Object.fromEntries(byElement));
    expect(f.byCharge).toEqual([
      { value: -1, count: seed.filter((c) => c.charge === -1).length },
      { value: 0, count: seed.filter((c) => c.charge === 0).length },
    ]);
    expect(f.byNuclearity).toEqual([
      { value: 'heteronuclear', count: 57 },
      { value: 'homonuclear', count: 159 },
    ]);
  });

  it('serves the whole catalog as JSON and CSV with version and citation', async () => {
    const { apiUrl, datasetVersion } = stackInfo();
    const json = await fetch(`${apiUrl}/download/clusters.json`);
    expect(json.headers.get('x-dataset-version')).toBe(datasetVersion);
    const body = (await json.json()) as LooseData;
    expect(body.clusters).toHaveLength(216);
    expect(body.howToCite[0].doi).toBe('10.1021/acscatal.5c01379');
    const csv = await (await fetch(`${apiUrl}/download/clusters.csv`)).text();
    const lines = csv.trim().split('\n');
    expect(lines[0].split(',')).toContain('log10_k1');
    expect(lines).toHaveLength(1 + seed.reduce((s, c) => s + c.measurements.length, 0));
    expect(lines.find((l) => l.startsWith('Mo5S2-anion,'))).toContain('10.1021/acscatal.5c01379');
  });

  it('publishes the number of atoms as `size` in every public place: field, bySize facet, SIZE order, JSON and CSV downloads', async () => {
    // The server calls the quantity atomCount inside; the public name must not follow.
    const atoms = new Map(seed.map((c) => [c.id, c.composition.reduce((n, p) => n + p.count, 0)]));
    const bySize = new Map<number, number>();
    for (const n of atoms.values()) bySize.set(n, (bySize.get(n) ?? 0) + 1);
    const r = await gql('{ facets { bySize { value count } } clusters(first: 100, orderBy: {field: SIZE, direction: DESC}) { edges { node { id size } } } }');
    expect(r.body.errors).toBeUndefined();
    expect(Object.fromEntries(r.body.data!.facets.bySize.map((b: { value: number; count: number }) => [b.value, b.count]))).toEqual(Object.fromEntries(bySize));
    const nodes = r.body.data!.clusters.edges.map((e: { node: { id: string; size: number } }) => e.node);
    for (const n of nodes) expect(n.size).toBe(atoms.get(n.id));
    expect(nodes[0].size).toBe(Math.max(...atoms.values()));
    expect(nodes.map((n: { size: number }) => n.size)).toEqual([...nodes.map((n: { size: number }) => n.size)].sort((a, b) => b - a));

    const { apiUrl } = stackInfo();
    const json = (await (await fetch(`${apiUrl}/download/clusters.json`)).json()) as LooseData;
    const mo5s2 = json.clusters.find((c: { id: string }) => c.id === 'Mo5S2-anion');
    expect(mo5s2.size).toBe(7);
    expect(mo5s2).not.toHaveProperty('atomCount');
    const csv = (await (await fetch(`${apiUrl}/download/clusters.csv`)).text()).trim().split('\n');
    const header = csv[0].split(',');
    expect(header).toContain('size');
    expect(csv.find((l) => l.startsWith('Mo5S2-anion,'))!.split(',')[header.indexOf('size')]).toBe('7');
  });

  it('reports its event-loop delay per window; a local caller starts a new window with ?reset=1', async () => {
    const url = `${stackInfo().apiUrl}/health/event-loop`;
    await fetch(`${url}?reset=1`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // A plain read (anyone's) leaves the window running.
    const first = (await (await fetch(url)).json()) as { windowS: number };
    await new Promise((resolve) => setTimeout(resolve, 200));
    const window = (await (await fetch(`${url}?reset=1`)).json()) as { windowS: number; p50Ms: number; p99Ms: number; maxMs: number };
    expect(first.windowS).toBeGreaterThanOrEqual(0.2);
    expect(window.windowS).toBeGreaterThanOrEqual(first.windowS + 0.1);
    expect(window.windowS).toBeLessThan(60);
    // The histogram samples every 10 ms, so a 0.3 s window holds samples of at least that size.
    expect(window.p50Ms).toBeGreaterThanOrEqual(9);
    expect(window.p99Ms).toBeGreaterThanOrEqual(window.p50Ms);
    expect(window.maxMs).toBeGreaterThanOrEqual(window.p99Ms);
  });
});
