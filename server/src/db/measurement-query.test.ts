import { catalogExportQuery, measurementsQuery } from './measurement-query';

describe('measurementsQuery', () => {
  it('takes the cluster ids as a parameter', () => {
    const q = measurementsQuery(['Co2TaC2-anion', 'Co2TaC3-anion']);
    expect(q).toMatchSnapshot();
    expect(q.cypher).not.toContain('Co2TaC');
    expect(q.params).toEqual({ ids: ['Co2TaC2-anion', 'Co2TaC3-anion'] });
  });
});

describe('catalogExportQuery', () => {
  it('reads every cluster with its measurements, ordered by id, without parameters', () => {
    const q = catalogExportQuery();
    expect(q).toMatchSnapshot();
    expect(q.cypher).toMatch(/ORDER BY c\.id$/);
    expect(q.params).toEqual({});
  });
});
