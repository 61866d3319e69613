import type { SeedBundle } from './seed-file';
import type { EmptyListProperty } from './bulk-import-csv';
import { upsertDatasetQuery } from './catalog-load-queries';
import { GRAPH_MODEL_VERSION } from './catalog-loader';
import type { CypherQuery } from '../db/cypher';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Each statement updates at most this many nodes, so a large catalog stays within the default heap.
const CHUNK = 10000;

/**
 * What the offline import cannot write, run once the imported database is up and migrated (the
 * key lookups use the unique constraints): the empty lists, then the Dataset node exactly as
 * loadCatalog writes it, last, so a store whose import was never finished does not count as
 * seeded (ensureSeeded then loads it with the online loader instead).
 */
export function bulkImportFinishQueries(bundle: SeedBundle, emptyLists: readonly EmptyListProperty[]): CypherQuery[] {
  const queries: CypherQuery[] = [];
  for (const fix of emptyLists) {
    // Label and property names cannot be parameters; they come from the loader's own row builders and are checked here.
    for (const name of [fix.label, fix.keyProperty, fix.property]) {
      if (!NAME.test(name)) throw new Error(`bulk import: "${name}" cannot be used as a label or property name`);
    }
    for (let start = 0; start < fix.keys.length; start += CHUNK) {
      queries.push({
        cypher: `UNWIND $keys AS key
MATCH (n:${fix.label} {${fix.keyProperty}: key})
SET n.${fix.property} = $empty`,
        params: { keys: fix.keys.slice(start, start + CHUNK), empty: [] },
      });
    }
  }
  const { seed, structures } = bundle;
  queries.push(
    upsertDatasetQuery(
      {
        name: seed.dataset.name,
        version: bundle.datasetVersion,
        graphModelVersion: GRAPH_MODEL_VERSION,
        clusterCount: seed.clusters.length,
        structureCount: structures.size,
      },
      seed.sources as unknown as Record<string, unknown>[],
    ),
  );
  return queries;
}
