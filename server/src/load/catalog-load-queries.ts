import type { CypherQuery } from '../db/cypher';

/** Pure builders for the seed loader's statements; rows are parameters, never spliced. */

/** The one reactant of the catalog (α in Å³ for the Langevin rate, mass in u); the bulk importer writes the same node. */
export const N2_REACTANT = { formula: 'N2', name: 'dinitrogen', polarizabilityAngstrom3: 1.74, massU: 28.0134 } as const;

export function upsertDatasetQuery(dataset: Record<string, unknown>, sources: Record<string, unknown>[]): CypherQuery {
  return {
    cypher: `MERGE (d:Dataset {name: $dataset.name})
SET d += $dataset
WITH d
UNWIND $sources AS s
MERGE (src:Source {id: s.id})
SET src += s
MERGE (r:Reactant {formula: $reactant.formula})
SET r += $reactant`,
    params: { dataset, sources, reactant: { ...N2_REACTANT } },
  };
}

/** Clusters with their composition and measurements. Each row: {props, composition, measurements}. */
export function upsertClustersQuery(rows: Record<string, unknown>[]): CypherQuery {
  return {
    cypher: `UNWIND $rows AS row
MERGE (c:Cluster {id: row.props.id})
SET c = row.props
WITH c, row
CALL {
  WITH c, row
  UNWIND row.composition AS part
  MERGE (e:Element {symbol: part.element})
  ON CREATE SET e.atomicNumber = part.atomicNumber, e.isMetal = part.isMetal
  MERGE (c)-[r:CONTAINS]->(e)
  SET r.count = part.count
}
CALL {
  WITH c, row
  UNWIND row.measurements AS m
  MERGE (meas:Measurement {id: m.id})
  SET meas.log10K1 = m.log10K1, meas.k1Cm3PerMoleculeS = m.k1Cm3PerMoleculeS
  MERGE (meas)-[:OF]->(c)
  WITH meas, m
  MATCH (src:Source {id: m.sourceId})
  MATCH (reactant:Reactant {formula: m.reactant})
  MERGE (meas)-[:REPORTED_IN]->(src)
  MERGE (meas)-[:WITH]->(reactant)
}`,
    params: { rows },
  };
}

/**
 * Removes the structures (with their atoms and bonds) of a batch's clusters, so that the create
 * statement below can use CREATE: a reload then leaves the same graph as a first load, and a
 * cluster whose structure file disappeared loses its old atoms.
 */
export function deleteStructuresQuery(clusterIds: string[]): CypherQuery {
  return {
    cypher: `UNWIND $clusterIds AS id
MATCH (:Cluster {id: id})-[:HAS_STRUCTURE]->(st:Structure)
OPTIONAL MATCH (st)-[:HAS_ATOM]->(atom:Atom)
DETACH DELETE atom, st`,
    params: { clusterIds },
  };
}

/**
 * Creates the structures of a batch in one statement: each Structure, its atoms (element label
 * set dynamically, `:Atom:Mo`) and its bonds, which find their atoms by position in the list just
 * created instead of by an index lookup. Element symbols must come from the periodic-table
 * whitelist; they travel as parameters like every other value.
 */
export function createStructuresQuery(structures: Record<string, unknown>[]): CypherQuery {
  return {
    cypher: `UNWIND $structures AS s
MATCH (c:Cluster {id: s.clusterId})
CREATE (c)-[:HAS_STRUCTURE]->(st:Structure)
SET st = s.props
WITH st, s
CALL {
  WITH st, s
  UNWIND s.atoms AS a
  CREATE (st)-[:HAS_ATOM]->(atom:Atom:$(a.element))
  SET atom = a.props
  RETURN collect(atom) AS atoms
}
UNWIND s.bonds AS b
WITH atoms[toInteger(b.a)] AS x, atoms[toInteger(b.b)] AS y, b
CREATE (x)-[:BOND {order: b.order, lengthAngstrom: b.lengthAngstrom}]->(y)`,
    params: { structures },
  };
}

export const CATALOG_LABELS = ['Cluster', 'Measurement', 'Source', 'Reactant', 'Element', 'Structure', 'Atom', 'Dataset'] as const;

/** Removes every catalog node in chunks (auto-commit: CALL … IN TRANSACTIONS). */
export function deleteCatalogQuery(): CypherQuery {
  return {
    cypher: `MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels)
CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`,
    params: { labels: [...CATALOG_LABELS] },
  };
}

export function datasetVersionQuery(): CypherQuery {
  return {
    cypher: 'MATCH (d:Dataset) RETURN d.version AS version, d.name AS name, d.graphModelVersion AS graphModelVersion LIMIT 1',
    params: {},
  };
}
