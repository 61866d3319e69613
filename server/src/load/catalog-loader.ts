import { elementBySymbol, isMetal } from '../chem/elements';
import { deriveClusterProperties } from '../chem/cluster-properties';
import { elementSetKey } from '../chem/element-set';
import type { SeedBundle, SeedCluster, StructureFile } from './seed-file';
import {
  datasetVersionQuery,
  deleteCatalogQuery,
  createStructuresQuery,
  deleteStructuresQuery,
  upsertClustersQuery,
  upsertDatasetQuery,
} from './catalog-load-queries';
import type { CypherQuery } from '../db/cypher';
import type { Executor } from '../db/executor';
import { contributedReleaseCountQuery } from '../db/release-query';

export interface LoadOptions {
  reset?: boolean;
  batchSize?: number;
  /** Batches in flight at once (default 2). */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export function clusterRow(cluster: SeedCluster, hasStructure: boolean): Record<string, unknown> {
  const derived = deriveClusterProperties(cluster);
  return {
    props: {
      id: cluster.id,
      // The published seed is release 1; later releases add version nodes (db/release-scope.ts).
      fromRelease: 1,
      formula: cluster.formula,
      publishedName: cluster.publishedName,
      charge: cluster.charge,
      multiplicity: cluster.multiplicity,
      authorsIsomerId: cluster.authorsIsomerId,
      cvFold: cluster.cvFold,
      nuclearity: cluster.nuclearity,
      compositionElements: cluster.composition.map((p) => p.element),
      compositionCounts: cluster.composition.map((p) => p.count),
      elementSet: elementSetKey(cluster.composition.map((p) => p.element)),
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
    Object.entries(record).filter(([, v]) => ['number', 'string', 'boolean'].includes(typeof v) || (Array.isArray(v) && v.every((x) => typeof x === 'number'))),
  );
}

/**
 * Statements for the structures of a batch of clusters: delete what an earlier load left, then
 * one statement creating every Structure, atom and bond of the batch. Per-statement cost (a round
 * trip plus planning and a few ms of server work) dominated when loading used ~5 statements per
 * cluster, and looking atoms up by id for each bond dominated after that (bench/graph.ts).
 */
export function structureBatchQueries(clusterIds: readonly string[], files: readonly StructureFile[]): CypherQuery[] {
  const structures = files.flatMap(structureRows);
  const queries: CypherQuery[] = [deleteStructuresQuery([...clusterIds])];
  if (structures.length) queries.push(createStructuresQuery(structures));
  return queries;
}

export function structureRows(file: StructureFile): Record<string, unknown>[] {
  return file.isomers.map((isomer) => {
    const structureId = `${file.clusterId}~${isomer.rank}`;
    const atoms = isomer.atoms.map((atom, position) => {
      const element = elementBySymbol(atom.element);
      if (!element) throw new Error(`${file.clusterId}: atom ${atom.index} has unknown element "${atom.element}"`);
      // Bonds find their atoms by list position, so the list must be in index order.
      if (atom.index !== position) throw new Error(`${file.clusterId}: isomer ${isomer.rank} lists atom ${atom.index} at position ${position}`);
      const { xyzAngstrom, ...rest } = atom;
      return {
        element: element.symbol,
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
      };
    });
    const bonds = isomer.bonds.map((bond) => {
      const [a, b] = bond.a < bond.b ? [bond.a, bond.b] : [bond.b, bond.a];
      if (b >= atoms.length) throw new Error(`${file.clusterId}: isomer ${isomer.rank} bond ${a}–${b} names a missing atom`);
      return { a, b, order: bond.wibergOrder, lengthAngstrom: bond.lengthAngstrom };
    });
    return {
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
      atoms,
      bonds,
    };
  });
}

/**
 * Version of the stored graph's shape (labels, properties, indexes the queries rely on). A store
 * written by an older loader is reloaded even when the seed files have not changed.
 * 2: Cluster.elementSet (composition search), structures created in one statement per batch.
 * 3: Cluster.fromRelease (releases), cluster id no longer unique on its own.
 */
export const GRAPH_MODEL_VERSION = 3;

/** The loaded dataset version, or null when nothing (or an older graph model) is loaded. */
export async function currentDatasetVersion(executor: Executor): Promise<{ version: string; current: boolean } | null> {
  const rows = await executor.read<{ version: string; graphModelVersion: number | null }>(datasetVersionQuery(), { purpose: 'dataset version' });
  const row = rows[0];
  if (!row?.version) return null;
  return { version: row.version, current: row.graphModelVersion === GRAPH_MODEL_VERSION };
}

/**
 * Loads the seed bundle: batches of clusters (with their structures) in one transaction each,
 * MERGE on constrained keys so running it twice leaves the same database. The Dataset node is
 * written last, so an interrupted load never looks complete.
 */
/** Whether releases beyond the seed exist: then the seed loader must not touch the catalog (its MERGEs would overwrite later versions). */
export async function hasContributedReleases(executor: Executor): Promise<boolean> {
  const [row] = await executor.read<{ n: number }>(contributedReleaseCountQuery(), { purpose: 'contributed releases' });
  return (row?.n ?? 0) > 0;
}

export async function loadCatalog(executor: Executor, bundle: SeedBundle, opts: LoadOptions = {}): Promise<void> {
  if (await hasContributedReleases(executor)) {
    throw new Error('this database holds contributed releases (2 and later); the seed loader only builds release 1 into an empty or seed-only store');
  }
  // 500 clusters (with structures ~30k nodes and relationships) per transaction: large enough
  // that per-statement cost vanishes, small enough for the default 1 GB Neo4j heap.
  const batchSize = opts.batchSize ?? 500;
  if (opts.reset) await executor.autoCommit(deleteCatalogQuery(), { purpose: 'seed reset' });
  const { seed, structures } = bundle;
  await executor.write(upsertDatasetQuery({ name: seed.dataset.name, version: 'loading' }, seed.sources as unknown as Record<string, unknown>[]), {
    purpose: 'seed sources',
  });
  const clusters = seed.clusters;
  const batchQueries = (start: number): CypherQuery[] => {
    const batch = clusters.slice(start, start + batchSize);
    const files = batch.flatMap((c) => structures.get(c.id) ?? []);
    return [
      upsertClustersQuery(batch.map((c) => clusterRow(c, structures.has(c.id)))),
      ...structureBatchQueries(
        batch.map((c) => c.id),
        files,
      ),
    ];
  };
  // Two transactions in flight: while Neo4j commits one batch the next is built and sent, and
  // Neo4j writes two batches on two cores. Batches touch disjoint clusters; shared nodes
  // (Element, Source) are MERGEd on unique constraints, which serialises them safely.
  const concurrency = Math.max(1, opts.concurrency ?? 2);
  let nextStart = 0;
  let done = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && nextStart < clusters.length) {
      const start = nextStart;
      nextStart += batchSize;
      try {
        await executor.writeAll(batchQueries(start), { purpose: 'seed batch', timeoutMs: 120000 });
      } catch (err) {
        failed = true;
        throw err;
      }
      done += Math.min(batchSize, clusters.length - start);
      opts.onProgress?.(done, clusters.length);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await executor.write(
    upsertDatasetQuery(
      {
        name: seed.dataset.name,
        version: bundle.datasetVersion,
        graphModelVersion: GRAPH_MODEL_VERSION,
        clusterCount: clusters.length,
        structureCount: structures.size,
      },
      seed.sources as unknown as Record<string, unknown>[],
    ),
    { purpose: 'seed dataset version' },
  );
}
