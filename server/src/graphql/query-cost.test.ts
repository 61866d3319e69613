import { parse, type OperationDefinitionNode } from 'graphql';
import { estimateQueryCost } from './query-cost';

const cost = (query: string, variables: Record<string, unknown> = {}) => {
  const doc = parse(query);
  return estimateQueryCost(doc, doc.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode, variables);
};

describe('estimateQueryCost', () => {
  it('multiplies nested selections by the page size asked for', () => {
    // clusters(1) + first × (edges(1) + node(1) + id(1)) = 1 + 10 × 3
    expect(cost('{ clusters(first: 10) { edges { node { id } } } }')).toBe(31);
    expect(cost('query($n: Int) { clusters(first: $n) { edges { node { id } } } }', { n: 100 })).toBe(301);
  });

  it('counts implicit lists by their bound and follows fragments', () => {
    const withFragment = cost('{ cluster(id: "x") { ...F } } fragment F on Cluster { measurements { id } }');
    // cluster(1) + 1 × (measurements(1) + 4 × id(1))
    expect(withFragment).toBe(1 + 1 + 4);
  });

  it('uses the default page size when `first` is omitted', () => {
    expect(cost('{ clusters { edges { node { id } } } }')).toBe(1 + 20 * 3);
  });
});
