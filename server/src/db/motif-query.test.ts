import { validateMotifPattern } from '../chem/motif-pattern';
import { motifPageQuery } from './motif-query';

describe('motifPageQuery', () => {
  it('anchors each pattern part, checks every bond and keeps values in parameters', () => {
    const pattern = validateMotifPattern({
      atoms: [{ element: 'Mo' }, { atomClass: 'NONMETAL' }, { atomClass: 'METAL' }, { element: 'S' }],
      bonds: [
        { a: 0, b: 1, minOrder: 0.5 },
        { a: 1, b: 2 },
        { a: 2, b: 0 },
      ],
    });
    const q = motifPageQuery(pattern, { charges: [-1] }, { offset: 0, limit: 21, maxMatchesPerCluster: 50 });
    expect(q).toMatchSnapshot();
    // The disconnected S atom is anchored to the structure on its own.
    expect(q.cypher).toContain('(s)-[:HAS_ATOM]->(a3:Atom:`S`)');
    expect(q.params).toMatchObject({ m_order0: 0.5, m_order1: 0, m_order2: 0, f_charges: [-1] });
  });
});
