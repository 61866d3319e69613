import { inMemoryCatalog } from '../../../test/helpers/in-memory-catalog';
import { seedClusters } from '../../../test/helpers/seed-fixtures';
import { CatalogService, toClusterView } from './catalog.service';

// Expected values come from the seed file itself (composition, measurements), never from the service.
const seed = new Map(seedClusters().map((c) => [c.id, c]));
const atomsInFormula = (id: string) => seed.get(id)!.composition.reduce((n, p) => n + p.count, 0);

describe('CatalogService on the seed catalog (in-memory stores, no database)', () => {
  const catalog = inMemoryCatalog();
  const service = new CatalogService(catalog.clusters);

  it('maps a stored cluster to its view: composition gains isMetal, storage fields are dropped, atomCount stays', async () => {
    const [view] = await service.byIds(['RhCo3H2-anion']);
    expect(view).not.toBeNull();
    expect(view!.atomCount).toBe(6);
    expect(view!.atomCount).toBe(atomsInFormula('RhCo3H2-anion'));
    expect(view!.composition).toEqual([
      { element: 'Rh', count: 1, isMetal: true },
      { element: 'Co', count: 3, isMetal: true },
      { element: 'H', count: 2, isMetal: false },
    ]);
    for (const key of ['compositionElements', 'compositionCounts', 'elements']) expect(view).not.toHaveProperty(key);
    expect(view).toMatchObject({ id: 'RhCo3H2-anion', charge: -1, nuclearity: 'heteronuclear', metalFamily: 'Co-Rh' });
  });

  it('toClusterView keeps every other stored property unchanged', async () => {
    const [record] = await catalog.clusters.byIds(['Mo5S2-anion']);
    const view = toClusterView(record) as unknown as Record<string, unknown>;
    const dropped = ['compositionElements', 'compositionCounts', 'elements'];
    const kept = Object.keys(record).filter((k) => !dropped.includes(k));
    expect(kept).toEqual(expect.arrayContaining(['id', 'formula', 'charge', 'log10K1', 'metalAtomCount', 'efficiency']));
    for (const key of kept) expect(view[key]).toEqual((record as unknown as Record<string, unknown>)[key]);
    expect(Object.keys(view).sort()).toEqual([...kept, 'composition'].sort());
    expect(view.log10K1).toBe(seed.get('Mo5S2-anion')!.measurements[0].log10K1);
  });

  it('byIds answers in request order with null for unknown ids, in one store call', async () => {
    const ids = ['Ta3H4-anion', 'no-such-cluster', 'Mo5S2-anion', 'Co2TaC2-anion'];
    catalog.calls.length = 0;
    const views = await service.byIds(ids);
    expect(views.map((v) => v?.id ?? null)).toEqual(['Ta3H4-anion', null, 'Mo5S2-anion', 'Co2TaC2-anion']);
    expect(views.map((v) => v?.atomCount ?? null)).toEqual([
      atomsInFormula('Ta3H4-anion'),
      null,
      atomsInFormula('Mo5S2-anion'),
      atomsInFormula('Co2TaC2-anion'),
    ]);
    // The store answered in its own (id) order; the order above is the service's doing.
    expect(catalog.calls).toEqual([{ method: 'byIds', ids }]);
  });

  it('measurementsFor groups the rows by cluster in request order, empty for a cluster without any', async () => {
    const ids = ['Mo5S2-anion', 'no-such-cluster', 'RhCo3H2-anion'];
    const groups = await service.measurementsFor(ids);
    expect(groups).toHaveLength(3);
    expect(groups[1]).toEqual([]);
    for (const i of [0, 2]) {
      const expected = seed.get(ids[i])!.measurements;
      expect(groups[i].map((m) => m.clusterId)).toEqual(expected.map(() => ids[i]));
      expect(groups[i].map((m) => m.log10K1)).toEqual(expected.map((m) => m.log10K1));
      expect(groups[i].map((m) => m.source.doi)).toEqual(expected.map(() => '10.1021/acscatal.5c01379'));
    }
  });

  it('byFormula finds a cluster by formula and charge, and null when the charge differs', async () => {
    expect((await service.byFormula('Mo5S2', -1))?.id).toBe('Mo5S2-anion');
    expect(await service.byFormula('Mo5S2', 0)).toBeNull();
  });

  it('search passes the total through and maps every node of the page', async () => {
    const anions = seedClusters().filter((c) => c.charge === -1);
    const { total, clusters } = await service.search({ charges: [-1] }, { field: 'ATOM_COUNT', direction: 'DESC' }, { offset: 0, limit: 5 });
    expect(total).toBe(anions.length);
    expect(clusters).toHaveLength(5);
    const largest = Math.max(...anions.map((c) => atomsInFormula(c.id)));
    expect(clusters[0].atomCount).toBe(largest);
    for (const c of clusters) {
      expect(c.charge).toBe(-1);
      expect(c.atomCount).toBe(atomsInFormula(c.id));
    }
  });

  it('exportAll gives every cluster as a view with its measurements', async () => {
    const all = await service.exportAll();
    expect(all).toHaveLength(seed.size);
    const rh = all.find((c) => c.id === 'RhCo3H2-anion')!;
    expect(rh.atomCount).toBe(atomsInFormula('RhCo3H2-anion'));
    expect(rh.measurements.map((m) => m.log10K1)).toEqual(seed.get('RhCo3H2-anion')!.measurements.map((m) => m.log10K1));
    expect(rh.measurements[0]).not.toHaveProperty('clusterId');
  });
});
