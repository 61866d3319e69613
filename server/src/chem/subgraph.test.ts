import { chargeStatistics, extractSubgraph, subgraphComponents } from './subgraph';

// A bent M–X–M–M chain plus a lone X: indices 0 (M), 1 (X), 2 (M), 3 (M), 4 (X).
const atoms = [
  { index: 0, isMetal: true, partialCharge: 0.3 },
  { index: 1, isMetal: false, partialCharge: -0.5 },
  { index: 2, isMetal: true, partialCharge: 0.1 },
  { index: 3, isMetal: true, partialCharge: -0.1 },
  { index: 4, isMetal: false, partialCharge: -0.8 },
];
const bonds = [
  { a: 0, b: 1 },
  { a: 1, b: 2 },
  { a: 2, b: 3 },
  { a: 3, b: 4 },
];

describe('subgraphs', () => {
  it('METAL_CORE is the induced subgraph on metal atoms, with its components', () => {
    const core = extractSubgraph(atoms, bonds, 'METAL_CORE');
    expect(core.atomIndices).toEqual([0, 2, 3]);
    expect(core.bonds).toEqual([{ a: 2, b: 3 }]);
    expect(subgraphComponents(core).map((c) => c.atomIndices)).toEqual([[0], [2, 3]]);
  });

  it('LIGAND_SHELL holds the non-metal atoms', () => {
    expect(extractSubgraph(atoms, bonds, 'LIGAND_SHELL').atomIndices).toEqual([1, 4]);
  });

  it('NEIGHBORHOOD grows by bond hops', () => {
    expect(extractSubgraph(atoms, bonds, 'NEIGHBORHOOD', { atomIndex: 2, hops: 0 }).atomIndices).toEqual([2]);
    expect(extractSubgraph(atoms, bonds, 'NEIGHBORHOOD', { atomIndex: 2, hops: 1 }).atomIndices).toEqual([1, 2, 3]);
    expect(extractSubgraph(atoms, bonds, 'NEIGHBORHOOD', { atomIndex: 2, hops: 2 }).atomIndices).toEqual([0, 1, 2, 3, 4]);
    expect(() => extractSubgraph(atoms, bonds, 'NEIGHBORHOOD', { atomIndex: 9 })).toThrow(/atom 9/);
  });

  it('charge polarization is the population standard deviation of partial charges', () => {
    // charges 0.3, 0.1, -0.1: mean 0.1, deviations 0.2, 0, -0.2 → sd = sqrt(0.08/3)
    const s = chargeStatistics([0.3, 0.1, -0.1]);
    expect(s.totalCharge).toBeCloseTo(0.3, 12);
    expect(s.meanCharge).toBeCloseTo(0.1, 12);
    expect(s.chargePolarization).toBeCloseTo(Math.sqrt(0.08 / 3), 12);
    expect(s.chargeRange).toBeCloseTo(0.4, 12);
    expect(chargeStatistics([0.2, 0.2]).chargePolarization).toBe(0);
  });
});
