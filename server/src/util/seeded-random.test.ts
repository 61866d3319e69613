import { seededRandom } from './seeded-random';

describe('seededRandom (mulberry32)', () => {
  it('yields numbers in [0, 1)', () => {
    const r = seededRandom(123);
    for (let i = 0; i < 1000; i++) {
      const x = r();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});
