import path from 'node:path';
import { isMetal } from '../../server/src/chem/elements';
import type { ClusterCriteria, ClusterOrder, PageWindow } from '../../server/src/db/cluster-query';
import type { ClusterExportRecord, ClusterRecord, ClusterStore, MeasurementRecord } from '../../server/src/db/cluster.repository';
import type { MotifPageOptions } from '../../server/src/db/motif-query';
import type { MotifHitRecord, StructureRecord, StructureStore } from '../../server/src/db/structure.repository';
import type { MotifPattern } from '../../server/src/chem/motif-pattern';
import { clusterRow, structureRows } from '../../server/src/load/catalog-loader';
import { readSeedBundle, type SeedBundle } from '../../server/src/load/seed-file';
import { bruteForceMatches } from './brute-force-matcher';

/**
 * The committed seed files as DB-free cluster and structure stores, for unit tests of the
 * services. Records are the loader's own rows (what a `c {.*}` of the stored node returns), so
 * the services see real clusters. Only the criteria the tests need are supported; any other
 * criterion throws rather than being silently ignored. Stores answer in catalog (id) order, not
 * request order, as Neo4j may: putting results in request order is the services' job.
 */
export interface InMemoryCatalog {
  bundle: SeedBundle;
  clusters: ClusterStore;
  structures: StructureStore;
  /** Every call the stores received, in order: lets tests check batching. */
  calls: Array<{ method: string; ids?: readonly string[] }>;
}

const ROOT = path.join(__dirname, '..', '..');
let cachedBundle: SeedBundle | null = null;

export function seedBundle(): SeedBundle {
  cachedBundle ??= readSeedBundle(path.join(ROOT, 'seed', 'data', 'clusters.json'), path.join(ROOT, 'seed', 'structures', 'data'));
  return cachedBundle;
}

function unsupported(criteria: ClusterCriteria): string[] {
  const supported = new Set(['ids', 'charges', 'hasStructure']);
  return Object.entries(criteria)
    .filter(([key, value]) => value !== undefined && !supported.has(key))
    .map(([key]) => key);
}

function matches(c: ClusterRecord, criteria: ClusterCriteria): boolean {
  const extra = unsupported(criteria);
  if (extra.length) throw new Error(`the in-memory store does not filter by ${extra.join(', ')}`);
  return (
    (!criteria.ids || criteria.ids.includes(c.id)) &&
    (!criteria.charges || criteria.charges.includes(c.charge)) &&
    (criteria.hasStructure === undefined || c.hasStructure === criteria.hasStructure)
  );
}

export function inMemoryCatalog(): InMemoryCatalog {
  const bundle = seedBundle();
  const sources = new Map(bundle.seed.sources.map((s) => [s.id, { id: s.id, doi: s.doi, citation: s.citation, url: s.url }]));
  const rows = [...bundle.seed.clusters].sort((a, b) => a.id.localeCompare(b.id)).map((c) => clusterRow(c, bundle.structures.has(c.id)));
  const records = rows.map((r) => r.props as unknown as ClusterRecord);
  const measurements: MeasurementRecord[] = rows
    .flatMap((r) =>
      (r.measurements as Array<{ id: string; log10K1: number; k1Cm3PerMoleculeS: number; reactant: string; sourceId: string }>).map((m) => ({
        id: m.id,
        clusterId: (r.props as { id: string }).id,
        log10K1: m.log10K1,
        k1Cm3PerMoleculeS: m.k1Cm3PerMoleculeS,
        reactant: m.reactant,
        source: sources.get(m.sourceId)!,
        // The published seed records no per-measurement conditions.
        conditions: null,
      })),
    )
    .sort((a, b) => a.id.localeCompare(b.id));
  const structureRecords: StructureRecord[] = [...bundle.structures.values()]
    .flatMap((file) => structureRows(file))
    .map((row) => {
      const props = row.props as Record<string, unknown>;
      const atoms = (row.atoms as Array<{ element: string; props: Record<string, unknown> }>).map((a) => ({ element: a.element, ...a.props }));
      return { ...props, atoms, bonds: row.bonds } as unknown as StructureRecord;
    })
    .sort((a, b) => a.clusterId.localeCompare(b.clusterId) || a.rank - b.rank);
  const calls: InMemoryCatalog['calls'] = [];

  const clusters: ClusterStore = {
    async search(criteria: ClusterCriteria, order: ClusterOrder, page: PageWindow) {
      calls.push({ method: 'search' });
      if (order.field !== 'CHARGE' && order.field !== 'ATOM_COUNT') throw new Error(`the in-memory store does not order by ${order.field}`);
      const key = (c: ClusterRecord) => (order.field === 'CHARGE' ? c.charge : c.atomCount);
      const sign = order.direction === 'ASC' ? 1 : -1;
      const hits = records.filter((c) => matches(c, criteria)).sort((a, b) => sign * (key(a) - key(b)) || a.id.localeCompare(b.id));
      return { total: hits.length, nodes: hits.slice(page.offset, page.offset + page.limit) };
    },
    async byIds(ids: readonly string[]) {
      calls.push({ method: 'byIds', ids });
      return records.filter((c) => ids.includes(c.id));
    },
    async byFormula(formula: string, charge: number) {
      calls.push({ method: 'byFormula' });
      return records.find((c) => c.formula === formula && c.charge === charge) ?? null;
    },
    async measurementsFor(clusterIds: readonly string[]) {
      calls.push({ method: 'measurementsFor', ids: clusterIds });
      return measurements.filter((m) => clusterIds.includes(m.clusterId));
    },
    async facets() {
      throw new Error('the in-memory store has no facets');
    },
    async datasetInfo() {
      calls.push({ method: 'datasetInfo' });
      return { name: bundle.seed.dataset.name, version: bundle.datasetVersion, clusterCount: records.length, structureCount: structureRecords.length };
    },
    async exportAll(): Promise<ClusterExportRecord[]> {
      calls.push({ method: 'exportAll' });
      return records.map((c) => ({ ...c, measurements: measurements.filter((m) => m.clusterId === c.id).map(({ clusterId: _clusterId, ...m }) => m) }));
    },
  };

  const structures: StructureStore = {
    async structuresFor(clusterIds: readonly string[], lowestOnly = false) {
      calls.push({ method: 'structuresFor', ids: clusterIds });
      return structureRecords.filter((s) => clusterIds.includes(s.clusterId) && (!lowestOnly || s.rank === 0));
    },
    async motifPage(pattern: MotifPattern, criteria: ClusterCriteria, page: MotifPageOptions): Promise<MotifHitRecord[]> {
      calls.push({ method: 'motifPage' });
      const hits = motifHits(pattern, criteria);
      return hits.slice(page.offset, page.offset + page.limit).map((h) => ({ ...h, matches: h.matches.slice(0, page.maxMatchesPerCluster) }));
    },
    async motifCount(pattern: MotifPattern, criteria: ClusterCriteria) {
      calls.push({ method: 'motifCount' });
      return motifHits(pattern, criteria).length;
    },
  };

  /** Clusters whose lowest isomer contains the pattern, by the independent brute-force matcher. */
  function motifHits(pattern: MotifPattern, criteria: ClusterCriteria): MotifHitRecord[] {
    const bfPattern = {
      atoms: pattern.atoms.map((a) => (a.element ? { element: a.element } : { atomClass: a.atomClass })),
      bonds: pattern.bonds,
    };
    return records
      .filter((c) => matches(c, criteria))
      .flatMap((cluster) => {
        const lowest = structureRecords.find((s) => s.clusterId === cluster.id && s.rank === 0);
        if (!lowest) return [];
        const found = bruteForceMatches(
          lowest.atoms.map((a) => ({ element: a.element, isMetal: isMetal(a.element) })),
          lowest.bonds,
          bfPattern,
        );
        if (!found.length) return [];
        const distinct = [...new Map(found.map((m) => [[...m].sort((x, y) => x - y).join(','), m])).values()];
        return [{ cluster, matchCount: found.length, matches: found, distinctMatchCount: distinct.length, distinctMatches: distinct }];
      });
  }

  return { bundle, clusters, structures, calls };
}
