import type { CypherQuery } from './cypher';

/** Pure builders for the seed loader's statements; rows are parameters, never spliced. */

export function upsertDatasetQuery(dataset: Record<string, unknown>, sources: Record<string, unknown>[]): CypherQuery {
  return {
    cypher: `MERGE (d:Dataset {name: $dataset.name})
SET d += $dataset
WITH d
UNWIND $sources AS s
MERGE (src:Source {id: s.id})
SET src += s
MERGE (r:Reactant {formula: 'N2'})
SET r.name = 'dinitrogen', r.polarizabilityAngstrom3 = 1.74, r.massU = 28.0134`,
    params: { dataset, sources },
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
 * Structures of a batch. Atoms are created per element, because the element label (`:Atom:Mo`)
 * cannot be a parameter; `elementLabel` must come from the periodic-table whitelist.
 */
export function upsertStructuresQuery(structures: Record<string, unknown>[]): CypherQuery {
  return {
    cypher: `UNWIND $structures AS s
MATCH (c:Cluster {id: s.clusterId})
MERGE (st:Structure {id: s.props.id})
SET st = s.props
MERGE (c)-[:HAS_STRUCTURE]->(st)`,
    params: { structures },
  };
}

export function upsertAtomsQuery(elementLabel: string, atoms: Record<string, unknown>[]): CypherQuery {
  return {
    cypher: `UNWIND $atoms AS a
MATCH (st:Structure {id: a.structureId})
MERGE (atom:Atom {id: a.props.id})
SET atom = a.props, atom:\`${elementLabel}\`
MERGE (st)-[:HAS_ATOM]->(atom)`,
    params: { atoms },
  };
}

export function upsertBondsQuery(bonds: Record<string, unknown>[]): CypherQuery {
  return {
    cypher: `UNWIND $bonds AS b
MATCH (x:Atom {id: b.from}), (y:Atom {id: b.to})
MERGE (x)-[bond:BOND]->(y)
SET bond.order = b.order, bond.lengthAngstrom = b.lengthAngstrom`,
    params: { bonds },
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
  return { cypher: 'MATCH (d:Dataset) RETURN d.version AS version, d.name AS name LIMIT 1', params: {} };
}
