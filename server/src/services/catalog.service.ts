import { isMetal } from '../chem/elements';
import type { ClusterCriteria, ClusterOrder, PageWindow } from '../db/cluster-query';
import type { ReleaseNumber } from '../db/release-scope';
import type { ClusterExportRecord, ClusterRecord, ClusterStore, MeasurementRecord } from '../db/cluster.repository';

/** A cluster as the API presents it (independent of GraphQL). */
export interface ClusterView extends Omit<ClusterRecord, 'compositionElements' | 'compositionCounts' | 'elements'> {
  composition: Array<{ element: string; count: number; isMetal: boolean }>;
}

export function toClusterView(r: ClusterRecord): ClusterView {
  const { compositionElements, compositionCounts, elements: _elements, ...rest } = r;
  return {
    ...rest,
    composition: compositionElements.map((element, i) => ({ element, count: compositionCounts[i], isMetal: isMetal(element) })),
  };
}

export class CatalogService {
  constructor(private readonly repo: ClusterStore) {}

  async search(criteria: ClusterCriteria, order: ClusterOrder, page: PageWindow): Promise<{ total: number; clusters: ClusterView[] }> {
    // A page of 0 still answers totalCount, which is what count-only clients ask for.
    const { total, nodes } = await this.repo.search(criteria, order, page);
    return { total, clusters: nodes.map(toClusterView) };
  }

  async byIds(ids: readonly string[], release: ReleaseNumber = null): Promise<Array<ClusterView | null>> {
    const found = new Map((await this.repo.byIds(ids, release)).map((r) => [r.id, toClusterView(r)]));
    return ids.map((id) => found.get(id) ?? null);
  }

  async byFormula(formula: string, charge: number, release: ReleaseNumber = null): Promise<ClusterView | null> {
    const r = await this.repo.byFormula(formula, charge, release);
    return r ? toClusterView(r) : null;
  }

  async measurementsFor(ids: readonly string[], release: ReleaseNumber = null): Promise<MeasurementRecord[][]> {
    const rows = await this.repo.measurementsFor(ids, release);
    return ids.map((id) => rows.filter((m) => m.clusterId === id));
  }

  facets(criteria: ClusterCriteria) {
    return this.repo.facets(criteria);
  }

  dataset() {
    return this.repo.datasetInfo();
  }

  /** Every cluster as the API shows it, with its measurements: the bulk downloads. */
  async exportAll(release: ReleaseNumber = null): Promise<Array<ClusterView & { measurements: ClusterExportRecord['measurements'] }>> {
    return (await this.repo.exportAll(release)).map((c) => ({ ...toClusterView(c), measurements: c.measurements }));
  }
}
