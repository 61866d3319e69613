import { stackInfo } from './stack-info';

/**
 * A response's `data` and `extensions` have the shape of the query's own selection, which every
 * test writes inline and asserts on field by field; one loose type here instead of an interface per query.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LooseData = Record<string, any>;

export interface GraphQLResponse<T = LooseData> {
  status: number;
  body: { data?: T | null; errors?: Array<{ message: string; path?: string[]; extensions?: LooseData }>; extensions?: LooseData };
}

/** Posts a GraphQL request over real HTTP, as any client would. */
export async function gql<T = LooseData>(query: string, variables: Record<string, unknown> = {}, apiUrl = stackInfo().apiUrl): Promise<GraphQLResponse<T>> {
  const res = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as GraphQLResponse<T>['body'] };
}
