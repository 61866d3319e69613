import type { CypherQuery } from './cypher';

/** The loaded dataset's node (name, version, counts); the loader writes exactly one. */
export function datasetInfoQuery(): CypherQuery {
  return { cypher: 'MATCH (d:Dataset) RETURN d {.*} AS d LIMIT 1', params: {} };
}
