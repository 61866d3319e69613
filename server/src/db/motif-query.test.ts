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
    // The ring-closing bond is matched as a relationship too, and every bond's order is filtered.
    // a0–a1 and a0–a2 are walked from a0; a1–a2 closes the ring.
    expect(q.cypher).toContain('(a1)-[bond1:BOND]-(a2)');
    for (const k of [0, 1, 2]) expect(q.cypher).toContain(`bond${k}.order >= $m_order${k}`);
    expect(q.params).toMatchObject({ m_order0: 0.5, m_order1: 0, m_order2: 0, f_charges: [-1] });
  });
});
