import { clusterSearchQuery } from './cluster-query';

describe('clusterSearchQuery', () => {
  it('puts every user value in parameters and orders missing values last', () => {
    const q = clusterSearchQuery(
      {
        elementCounts: [
          { element: 'Ta', min: 3, max: 3 },
          { element: 'S', min: 0, max: null },
          { element: 'C', min: 0, max: 1 },
        ],
        onlyElements: ['Ta', 'S'],
        charges: [-1],
        atomCount: { min: 4, max: null },
        nuclearity: 'homonuclear',
      },
      { field: 'EFFICIENCY', direction: 'DESC' },
      { offset: 20, limit: 10 },
    );
    expect(q).toMatchSnapshot();
    expect(q.cypher).not.toMatch(/Ta|homonuclear|-1/);
  });

  it('builds an unfiltered query without a WHERE clause', () => {
    const q = clusterSearchQuery({}, { field: 'FORMULA', direction: 'ASC' }, { offset: 0, limit: 20 });
    expect(q.cypher).not.toContain('WHERE');
    expect(q.cypher).toContain('c.formulaSortKey ASC');
    expect(q.params).toEqual({ offset: 0, limit: 20 });
  });
});
