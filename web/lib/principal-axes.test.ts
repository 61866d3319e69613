import { readFileSync } from 'node:fs';
import path from 'node:path';
import { orientToPrincipalAxes } from './principal-axes';

const structure = (id: string) =>
  (
    JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'seed', 'structures', 'data', `${id}.json`), 'utf8')) as {
      isomers: Array<{ atoms: Array<{ element: string; xyzAngstrom: [number, number, number] }> }>;
    }
  ).isomers[0].atoms.map((a) => ({ element: a.element, xAngstrom: a.xyzAngstrom[0], yAngstrom: a.xyzAngstrom[1], zAngstrom: a.xyzAngstrom[2] }));

const spread = (atoms: Array<{ xAngstrom: number; yAngstrom: number; zAngstrom: number }>, k: 'xAngstrom' | 'yAngstrom' | 'zAngstrom') => {
  const m = atoms.reduce((s, a) => s + a[k], 0) / atoms.length;
  return atoms.reduce((s, a) => s + (a[k] - m) ** 2, 0);
};
const distances = (atoms: Array<{ xAngstrom: number; yAngstrom: number; zAngstrom: number }>) =>
  atoms.flatMap((a, i) => atoms.slice(i + 1).map((b) => Math.hypot(a.xAngstrom - b.xAngstrom, a.yAngstrom - b.yAngstrom, a.zAngstrom - b.zAngstrom)));

describe('orientation along principal axes', () => {
  test.each(['Ta3H4-anion', 'Mo5S2-anion', 'Fe3S-anion', 'Rh2Co2H3-anion'])('%s: rotated, not distorted, widest spread across the screen', (id) => {
    const atoms = structure(id);
    const oriented = orientToPrincipalAxes(atoms);
    const before = distances(atoms);
    distances(oriented).forEach((d, i) => expect(d).toBeCloseTo(before[i], 9));
    expect(spread(oriented, 'xAngstrom')).toBeGreaterThanOrEqual(spread(oriented, 'yAngstrom') - 1e-9);
    expect(spread(oriented, 'yAngstrom')).toBeGreaterThanOrEqual(spread(oriented, 'zAngstrom') - 1e-9);
    // The view direction (z) carries the least spread of any direction: the total is preserved.
    const total = (a: typeof atoms) => spread(a, 'xAngstrom') + spread(a, 'yAngstrom') + spread(a, 'zAngstrom');
    expect(total(oriented)).toBeCloseTo(total(atoms), 9);
  });

  test('a rotation, never a mirror image: chirality (signed volume) is kept', () => {
    const atoms = structure('Mo5S2-anion').slice(0, 4);
    const vol = (p: typeof atoms) => {
      const [a, b, c, d] = p.map((x) => [x.xAngstrom, x.yAngstrom, x.zAngstrom]);
      const u = b.map((v, i) => v - a[i]);
      const v = c.map((x, i) => x - a[i]);
      const w = d.map((x, i) => x - a[i]);
      return u[0] * (v[1] * w[2] - v[2] * w[1]) - u[1] * (v[0] * w[2] - v[2] * w[0]) + u[2] * (v[0] * w[1] - v[1] * w[0]);
    };
    const oriented = orientToPrincipalAxes(structure('Mo5S2-anion')).slice(0, 4);
    expect(vol(oriented)).toBeCloseTo(vol(atoms), 9);
  });
});
