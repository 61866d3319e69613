import { clusterByFormulaQuery, clusterFacetsQuery, clusterSearchQuery, clustersByIdsQuery } from './cluster-query';

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

  it('without criteria reads every current cluster version and nothing else', () => {
    const q = clusterSearchQuery({}, { field: 'FORMULA', direction: 'ASC' }, { offset: 0, limit: 20 });
    expect(q.cypher).toContain('WHERE c.toRelease IS NULL\nWITH c ORDER BY');
    expect(q.cypher).toContain('c.formulaSortKey ASC');
    expect(q.params).toEqual({ offset: 0, limit: 20 });
  });
});

describe('cluster lookups', () => {
  it('take ids, formula and charge only as parameters', () => {
    const byIds = clustersByIdsQuery(['Co2TaC2-anion', 'Co2TaC3-anion']);
    expect(byIds).toMatchSnapshot();
    expect(byIds.cypher).not.toContain('Co2TaC');
    const byFormula = clusterByFormulaQuery('Co2TaC2', -1);
    expect(byFormula).toMatchSnapshot();
    expect(byFormula.cypher).not.toMatch(/Co2TaC2|-1/);
    expect(byFormula.params).toEqual({ formula: 'Co2TaC2', charge: -1 });
  });
});

describe('clusterFacetsQuery', () => {
  it('counts over the filtered clusters, every filter value a parameter', () => {
    const q = clusterFacetsQuery({ allOfElements: ['Co', 'Ta'], charges: [-1], hasStructure: true });
    expect(q).toMatchSnapshot();
    expect(q.cypher).not.toMatch(/'Co'|'Ta'|-1/);
    expect(q.cypher).toContain('WHERE');
  });

  it('without criteria counts every current cluster version', () => {
    const q = clusterFacetsQuery({});
    expect(q.cypher).toContain('WHERE c.toRelease IS NULL\nWITH collect(c) AS cs');
    expect(q.params).toEqual({});
  });
});
