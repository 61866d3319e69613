import { CATALOG_LABELS } from '../../server/src/load/catalog-load-queries';
import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';

export interface GraphFingerprint {
  nodesByLabel: Record<string, number>;
  relationshipsByType: Record<string, number>;
  /** sha256 over every node and relationship with all properties, in the canonical order Cypher returns them. */
  checksum: string;
  nodeRows: number;
  relationshipRows: number;
}

// Every catalog node has one natural key (Cluster/Structure/Atom/Source/Measurement id,
// Element symbol, Reactant formula, Dataset name); relationships are named by their ends' keys.
const NODE_KEY = 'coalesce(n.id, n.symbol, n.formula, n.name)';

// The catalog only: the API records release 1 (with its publication time) and accounts live beside it.
const CATALOG = 'any(l IN labels(n) WHERE l IN $catalog)';

const NODES = `MATCH (n) WHERE ${CATALOG}
WITH n, ${NODE_KEY} AS key,
     COLLECT { UNWIND labels(n) AS l RETURN l ORDER BY l } AS labels,
     COLLECT { UNWIND keys(n) AS k RETURN k ORDER BY k } AS keys
RETURN labels, key, [k IN keys | [k, n[k]]] AS props
ORDER BY labels, key`;

const RELATIONSHIPS = `MATCH (a)-[r]->(b) WHERE ${CATALOG.replace('(n)', '(a)')} AND ${CATALOG.replace('(n)', '(b)')}
WITH r, type(r) AS type,
     ${NODE_KEY.replace(/n\./g, 'a.')} AS from,
     ${NODE_KEY.replace(/n\./g, 'b.')} AS to,
     COLLECT { UNWIND keys(r) AS k RETURN k ORDER BY k } AS keys
WITH type, from, to, [k IN keys | [k, r[k]]] AS props
RETURN type, from, to, props
ORDER BY type, from, to, props`;

// Two queries: an aggregation over no relationships yields no row, and would hide the node counts.
const LABEL_COUNTS = `MATCH (n) WHERE ${CATALOG} UNWIND labels(n) AS l RETURN l AS name, count(*) AS c ORDER BY name`;
const TYPE_COUNTS = `MATCH (a)-[r]->(b) WHERE ${CATALOG.replace('(n)', '(a)')} AND ${CATALOG.replace('(n)', '(b)')} RETURN type(r) AS name, count(*) AS c ORDER BY name`;

/** Counts per label and relationship type, and a content checksum, of the catalog (CATALOG_LABELS). */
export async function graphFingerprint(driver: Driver, database = 'neo4j'): Promise<GraphFingerprint> {
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    const hash = createHash('sha256');
    const params = { catalog: [...CATALOG_LABELS] };
    const nodes = await session.run(NODES, params);
    for (const r of nodes.records) {
      if (r.get('key') === null) throw new Error(`a node with labels ${JSON.stringify(r.get('labels'))} has no natural key: the fingerprint cannot order it`);
      hash.update(`N${JSON.stringify([r.get('labels'), r.get('key'), r.get('props')])}\n`);
    }
    const rels = await session.run(RELATIONSHIPS, params);
    for (const r of rels.records) hash.update(`R${JSON.stringify([r.get('type'), r.get('from'), r.get('to'), r.get('props')])}\n`);
    const count = async (cypher: string) =>
      Object.fromEntries((await session.run(cypher, params)).records.map((r) => [r.get('name') as string, r.get('c') as number]));
    return {
      nodesByLabel: await count(LABEL_COUNTS),
      relationshipsByType: await count(TYPE_COUNTS),
      checksum: hash.digest('hex'),
      nodeRows: nodes.records.length,
      relationshipRows: rels.records.length,
    };
  } finally {
    await session.close();
  }
}
