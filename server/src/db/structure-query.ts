import type { CypherQuery } from './cypher';

/** Isomers of the given clusters (only rank 0 when lowestOnly), atoms ordered by index, bonds with a < b. */
export function structuresQuery(clusterIds: readonly string[], lowestOnly: boolean): CypherQuery {
  return {
    // By the structure's own clusterId: version nodes of one cluster share its structures.
    cypher: `MATCH (s:Structure)
WHERE s.clusterId IN $ids AND (NOT $lowestOnly OR s.rank = 0)
CALL { WITH s MATCH (s)-[:HAS_ATOM]->(a:Atom) WITH a ORDER BY a.index RETURN collect(a {.*}) AS atoms }
CALL {
  WITH s MATCH (s)-[:HAS_ATOM]->(x:Atom)-[b:BOND]->(y:Atom)
  WITH x, y, b ORDER BY x.index, y.index
  RETURN collect({a: x.index, b: y.index, order: b.order, lengthAngstrom: b.lengthAngstrom}) AS bonds
}
RETURN s {.*, atoms: atoms, bonds: bonds} AS s
ORDER BY s.clusterId, s.rank`,
    params: { ids: clusterIds, lowestOnly },
  };
}
