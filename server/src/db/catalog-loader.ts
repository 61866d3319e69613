import { elementBySymbol, isMetal } from '../chem/elements';
import { deriveClusterProperties } from '../chem/cluster-properties';
import type { SeedBundle, SeedCluster, StructureFile } from '../../../seed/seed-file';
import {
  datasetVersionQuery,
  deleteCatalogQuery,
  upsertAtomsQuery,
  upsertBondsQuery,
  upsertClustersQuery,
  upsertDatasetQuery,
  upsertStructuresQuery,
} from './catalog-load-queries';
import type { CypherQuery } from './cypher';
import type { Executor } from './executor';

export interface LoadOptions {
  reset?: boolean;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export function clusterRow(cluster: SeedCluster, hasStructure: boolean): Record<string, unknown> {
  const derived = deriveClusterProperties(cluster);
  return {
    props: {
      id: cluster.id,
      formula: cluster.formula,
      publishedName: cluster.publishedName,
      charge: cluster.charge,
      multiplicity: cluster.multiplicity,
      authorsIsomerId: cluster.authorsIsomerId,
      cvFold: cluster.cvFold,
      nuclearity: cluster.nuclearity,
      compositionElements: cluster.composition.map((p) => p.element),
      compositionCounts: cluster.composition.map((p) => p.count),
      hasStructure,
      ...derived,
    },
    composition: cluster.composition.map((p) => ({
      element: p.element,
      count: p.count,
      atomicNumber: elementBySymbol(p.element)!.atomicNumber,
      isMetal: isMetal(p.element),
    })),
    measurements: cluster.measurements.map((m, i) => ({ ...m, id: `${cluster.id}:${m.sourceId}:${m.reactant}:${i}` })),
  };
}

/** Neo4j stores scalars and homogeneous arrays; nested objects (e.g. provenance) stay in the seed files. */
function storableProperties(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).filter(
      ([, v]) => ['number', 'string', 'boolean'].includes(typeof v) || (Array.isArray(v) && v.every((x) => typeof x === 'number')),
    ),
  );
}

/**
 * Statements for a batch of structure files: one for the Structure nodes, one per element label
 * for the atoms of all files together, one for the bonds. Grouping the batch matters: every
 * statement costs a round trip and a few ms of server CPU whatever its row count, and per-file
 * statements (about five per cluster) made loading 10-15x slower (measured by bench/graph.ts).
 */
export function structureBatchQueries(files: readonly StructureFile[]): CypherQuery[] {
  const rows: StructureRows = { structures: [], atomsByElement: new Map(), bonds: [] };
  for (const file of files) addStructureRows(file, rows);
  const { structures, atomsByElement, bonds } = rows;
  if (!structures.length) return [];
  const queries: CypherQuery[] = [upsertStructuresQuery(structures)];
  for (const [symbol, atoms] of atomsByElement) queries.push(upsertAtomsQuery(symbol, atoms));
  if (bonds.length) queries.push(upsertBondsQuery(bonds));
  return queries;
}

/** Statements for one structure file: the Structure nodes, atoms grouped by element label, bonds. */
export function structureQueries(file: StructureFile): CypherQuery[] {
  return structureBatchQueries([file]);
}

interface StructureRows {
  structures: Record<string, unknown>[];
  atomsByElement: Map<string, Record<string, unknown>[]>;
  bonds: Record<string, unknown>[];
}

function addStructureRows(file: StructureFile, { structures, atomsByElement, bonds }: StructureRows): void {
  for (const isomer of file.isomers) {
    const structureId = `${file.clusterId}~${isomer.rank}`;
    structures.push({
      clusterId: file.clusterId,
      props: {
        ...storableProperties(isomer),
        id: structureId,
        clusterId: file.clusterId,
        rank: isomer.rank,
        method: file.method,
        program: file.program,
        programVersion: file.programVersion,
        multiplicity: file.multiplicity,
        multiplicitySource: file.multiplicitySource,
        energyHartree: isomer.energyHartree,
        relativeEnergyKcalPerMol: isomer.relativeEnergyKcalPerMol,
        homoLumoGapEv: isomer.homoLumoGapEv ?? null,
        dipoleDebye: isomer.dipoleDebye ?? null,
        atomCount: isomer.atoms.length,
        bondCount: isomer.bonds.length,
        settings: JSON.stringify(file.settings),
      },
    });
    for (const atom of isomer.atoms) {
      const element = elementBySymbol(atom.element);
      if (!element) throw new Error(`${file.clusterId}: atom ${atom.index} has unknown element "${atom.element}"`);
      const { xyzAngstrom, ...rest } = atom;
      const list = atomsByElement.get(element.symbol) ?? [];
      list.push({
        structureId,
        props: {
          ...storableProperties(rest),
          id: `${structureId}:${atom.index}`,
          structureId,
          clusterId: file.clusterId,
          isMetal: isMetal(element.symbol),
          x: xyzAngstrom[0],
          y: xyzAngstrom[1],
          z: xyzAngstrom[2],
        },
      });
      atomsByElement.set(element.symbol, list);
    }
    for (const bond of isomer.bonds) {
      const [a, b] = bond.a < bond.b ? [bond.a, bond.b] : [bond.b, bond.a];
      bonds.push({ from: `${structureId}:${a}`, to: `${structureId}:${b}`, order: bond.wibergOrder, lengthAngstrom: bond.lengthAngstrom });
    }
  }
}

export async function currentDatasetVersion(executor: Executor): Promise<string | null> {
  const rows = await executor.read<{ version: string }>(datasetVersionQuery(), { purpose: 'dataset version' });
  return rows[0]?.version ?? null;
}

/**
 * Loads the seed bundle: batches of clusters (with their structures) in one transaction each,
 * MERGE on constrained keys so running it twice leaves the same database. The Dataset node is
 * written last, so an interrupted load never looks complete.
 */
export async function loadCatalog(executor: Executor, bundle: SeedBundle, opts: LoadOptions = {}): Promise<void> {
  // 500 clusters (with structures ~30k nodes and relationships) per transaction: large enough
  // that per-statement cost vanishes, small enough for the default 1 GB Neo4j heap.
  const batchSize = opts.batchSize ?? 500;
  if (opts.reset) await executor.autoCommit(deleteCatalogQuery(), { purpose: 'seed reset' });
  const { seed, structures } = bundle;
  await executor.write(upsertDatasetQuery({ name: seed.dataset.name, version: 'loading' }, seed.sources as unknown as Record<string, unknown>[]), {
    purpose: 'seed sources',
  });
  const clusters = seed.clusters;
  for (let start = 0; start < clusters.length; start += batchSize) {
    const batch = clusters.slice(start, start + batchSize);
    const files = batch.flatMap((c) => structures.get(c.id) ?? []);
    const queries: CypherQuery[] = [upsertClustersQuery(batch.map((c) => clusterRow(c, structures.has(c.id)))), ...structureBatchQueries(files)];
    await executor.writeAll(queries, { purpose: 'seed batch', timeoutMs: 120000 });
    opts.onProgress?.(Math.min(start + batchSize, clusters.length), clusters.length);
  }
  await executor.write(
    upsertDatasetQuery(
      {
        name: seed.dataset.name,
        version: bundle.datasetVersion,
        clusterCount: clusters.length,
        structureCount: structures.size,
      },
      seed.sources as unknown as Record<string, unknown>[],
    ),
    { purpose: 'seed dataset version' },
  );
}
