import {
  CATALOG_LABELS,
  createStructuresQuery,
  datasetVersionQuery,
  deleteCatalogQuery,
  deleteStructuresQuery,
  upsertClustersQuery,
  upsertDatasetQuery,
} from './catalog-load-queries';

// The loader's write statements: the Cypher is fixed text, everything loaded travels as parameters.
describe('catalog load queries', () => {
  const row = { props: { id: 'Co2TaC2-anion', formula: 'Co2TaC2', charge: -1 } };

  it('upsert the dataset, clusters and structures with the data only in parameters', () => {
    const dataset = upsertDatasetQuery({ name: 'mou2025-cluster-n2', version: 'test' }, [{ id: 'mou2025' }]);
    const clusters = upsertClustersQuery([row]);
    const structures = createStructuresQuery([{ clusterId: 'Co2TaC2-anion', rank: 0 }]);
    expect([dataset, clusters, structures]).toMatchSnapshot();
    for (const q of [dataset, clusters, structures]) expect(q.cypher).not.toMatch(/Co2TaC2|mou2025/);
    expect(clusters.params).toEqual({ rows: [row] });
  });

  it('delete structures by cluster id and the catalog by label, and read the dataset version', () => {
    const structures = deleteStructuresQuery(['Co2TaC2-anion']);
    const catalog = deleteCatalogQuery();
    expect([structures, catalog, datasetVersionQuery()]).toMatchSnapshot();
    expect(structures.cypher).not.toContain('Co2TaC2');
    expect(catalog.params).toMatchObject({ labels: [...CATALOG_LABELS] });
  });
});
