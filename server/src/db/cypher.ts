/** A Cypher statement and its parameters: the only shape queries travel in. */
export interface CypherQuery {
  cypher: string;
  params: Record<string, unknown>;
}
