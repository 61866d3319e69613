import { structuresQuery } from './structure-query';

describe('structuresQuery', () => {
  it('takes the cluster ids and the rank-0 switch as parameters', () => {
    const q = structuresQuery(['Co2TaC2-anion'], true);
    expect(q).toMatchSnapshot();
    expect(q.cypher).not.toContain('Co2TaC2');
    expect(q.params).toEqual({ ids: ['Co2TaC2-anion'], lowestOnly: true });
    expect(structuresQuery(['Co2TaC2-anion'], false).cypher).toBe(q.cypher);
  });
});
