import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SeedCluster, SeedFile } from '../../load/seed-file';
import { selectIsomers } from './cluster-search';
import { atomElements, candidateMultiplicities, settingsHash, startCount, startSeeds } from './search-settings';

const seed: SeedFile = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', '..', 'seed', 'data', 'clusters.json'), 'utf8'));
const cluster = (id: string): SeedCluster => {
  const found = seed.clusters.find((c) => c.id === id);
  if (!found) throw new Error(`fixture ${id} missing from seed/data/clusters.json`);
  return found;
};

describe('multiplicity rule', () => {
  it('uses the published multiplicity of homonuclear clusters (Mo2S¯: 2)', () => {
    expect(candidateMultiplicities(cluster('Mo2S-anion'))).toEqual([2]);
  });

  it('tries the two lowest consistent multiplicities for heteronuclear clusters', () => {
    // FeV2S3¯: 26 + 2·23 + 3·16 + 1 = 121 electrons, odd → doublet and quartet.
    expect(candidateMultiplicities(cluster('FeV2S3-anion'))).toEqual([2, 4]);
    // Fe2VC¯: 2·26 + 23 + 6 + 1 = 82 electrons, even → singlet and triplet.
    expect(candidateMultiplicities(cluster('Fe2VC-anion'))).toEqual([1, 3]);
  });
});

describe('starts and seeds', () => {
  it('expands the composition to one element per atom', () => {
    expect(atomElements(cluster('Mo5S2-anion'))).toEqual(['Mo', 'Mo', 'Mo', 'Mo', 'Mo', 'S', 'S']);
  });

  it('scales the number of starts with size', () => {
    expect([3, 4, 5, 8, 9, 13].map(startCount)).toEqual([4, 4, 5, 5, 6, 6]);
  });

  it('derives distinct, reproducible seeds per cluster', () => {
    const a = startSeeds('Mo5S2-anion', 5);
    expect(new Set(a).size).toBe(5);
    expect(startSeeds('Mo5S2-anion', 5)).toEqual(a);
    expect(startSeeds('Mo5S3-anion', 5)).not.toEqual(a);
    // Extra starts continue the sequence instead of repeating it.
    expect(startSeeds('Mo5S2-anion', 2, 5)).toEqual(startSeeds('Mo5S2-anion', 7).slice(5));
  });
});

describe('settingsHash', () => {
  it('is stable and differs between clusters', () => {
    expect(settingsHash(cluster('Mo5S2-anion'))).toBe(settingsHash(cluster('Mo5S2-anion')));
    expect(settingsHash(cluster('Mo5S2-anion'))).not.toBe(settingsHash(cluster('Mo5S3-anion')));
  });

  it('changes when the cluster input changes (another charge)', () => {
    const original = cluster('Ta3S-neutral');
    expect(settingsHash({ ...original, charge: -1 })).not.toBe(settingsHash(original));
  });
});

describe('selectIsomers', () => {
  const KCAL = 627.509474;
  const candidate = (energyHartree: number, signature: string) => ({ result: { totalEnergyHartree: energyHartree }, signature });

  it('keeps the lowest per bond graph, within 10 kcal/mol of the minimum, lowest first', () => {
    const picked = selectIsomers([
      candidate(-17.3 + 12 / KCAL, 'c'), // outside the window
      candidate(-17.3 + 2 / KCAL, 'a'), // same graph as the minimum, higher: dropped
      candidate(-17.3, 'a'),
      candidate(-17.3 + 9.9 / KCAL, 'b'),
    ]);
    expect(picked.map((c) => c.signature)).toEqual(['a', 'b']);
    expect(picked[0].result.totalEnergyHartree).toBe(-17.3);
  });

  it('keeps at most three isomers', () => {
    const picked = selectIsomers(['a', 'b', 'c', 'd', 'e'].map((s, i) => candidate(-20 + i / KCAL, s)));
    expect(picked.map((c) => c.signature)).toEqual(['a', 'b', 'c']);
  });

  it('returns nothing for no candidates', () => {
    expect(selectIsomers([])).toEqual([]);
  });
});
