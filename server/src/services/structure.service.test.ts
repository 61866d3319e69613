import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inMemoryCatalog } from '../../../test/helpers/in-memory-catalog';
import type { StructureFile } from '../load/seed-file';
import type { JobScheduler } from './fair-queue';
import { runAsClient } from './request-client';
import { StructureService, structureExtendedXyz, structureXyz } from './structure.service';

// Expected values are read from the committed structure files, independently of the stores.
const structureFile = (id: string): StructureFile =>
  JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'seed', 'structures', 'data', `${id}.json`), 'utf8')) as StructureFile;
const populationSd = (xs: number[]) => {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
};

describe('StructureService on the seed structures (in-memory stores, no database)', () => {
  const catalog = inMemoryCatalog();
  const service = new StructureService(catalog.structures);

  it('isomersFor answers per requested cluster in request order, lowest first, coordinates in Å under unit names', async () => {
    const ids = ['RhCo3H2-anion', 'no-such-cluster', 'Fe4C3-anion'];
    const isomers = await service.isomersFor(ids);
    expect(isomers.map((list) => list.map((s) => `${s.clusterId}#${s.rank}`))).toEqual([
      structureFile('RhCo3H2-anion').isomers.map((i) => `RhCo3H2-anion#${i.rank}`),
      [],
      ['Fe4C3-anion#0', 'Fe4C3-anion#1', 'Fe4C3-anion#2'],
    ]);
    const file = structureFile('RhCo3H2-anion').isomers[0];
    const lowest = isomers[0][0];
    expect(lowest.atoms.map((a) => a.element)).toEqual(['Rh', 'Co', 'Co', 'Co', 'H', 'H']);
    lowest.atoms.forEach((a, i) => {
      expect([a.xAngstrom, a.yAngstrom, a.zAngstrom]).toEqual(file.atoms[i].xyzAngstrom);
      expect(a.partialCharge).toBe(file.atoms[i].partialCharge);
      expect(a).not.toHaveProperty('x');
    });
    expect(lowest.bonds.map((b) => [b.a, b.b, b.order])).toEqual(file.bonds.map((b) => [Math.min(b.a, b.b), Math.max(b.a, b.b), b.wibergOrder]));
  });

  it('the metal core of RhCo3H2¯ is its four metal atoms, one component, with the population SD of their charges', async () => {
    const [[lowest]] = await service.isomersFor(['RhCo3H2-anion']);
    const core = service.subgraph(lowest, 'METAL_CORE', {});
    expect(core.atoms.map((a) => a.element)).toEqual(['Rh', 'Co', 'Co', 'Co']);
    const charges = structureFile('RhCo3H2-anion')
      .isomers[0].atoms.slice(0, 4)
      .map((a) => a.partialCharge);
    expect(core.totalCharge).toBeCloseTo(
      charges.reduce((s, q) => s + q, 0),
      10,
    );
    expect(core.chargePolarization).toBeCloseTo(populationSd(charges), 10);
    expect(core.components).toHaveLength(1);
    expect(core.bonds.every((b) => b.a < 4 && b.b < 4)).toBe(true);
  });

  it('the ligand shell of RhCo3H2¯ (two H atoms, not bonded to each other) has two components', async () => {
    const [[lowest]] = await service.isomersFor(['RhCo3H2-anion']);
    const shell = service.subgraph(lowest, 'LIGAND_SHELL', {});
    expect(shell.atoms.map((a) => a.index)).toEqual([4, 5]);
    expect(shell.bonds).toEqual([]);
    expect(shell.components.map((c) => c.atoms.map((a) => a.index))).toEqual([[4], [5]]);
    expect(shell.components.map((c) => c.chargePolarization)).toEqual([0, 0]);
  });

  it('writes XYZ and extended XYZ with one line per atom and the cluster in the comment', async () => {
    const [[lowest]] = await service.isomersFor(['Mo5S2-anion']);
    const xyz = structureXyz(lowest).trimEnd().split('\n');
    expect(xyz[0]).toBe('7');
    expect(xyz[1]).toContain('Mo5S2-anion rank 0');
    expect(xyz.slice(2).map((l) => l.split(/\s+/)[0])).toEqual(['Mo', 'Mo', 'Mo', 'Mo', 'Mo', 'S', 'S']);
    const ext = structureExtendedXyz(lowest, -1).trimEnd().split('\n');
    expect(ext).toHaveLength(9);
    expect(ext[1]).toMatch(/charge=-1/);
    expect(ext[1]).toMatch(/partial_charge/);
  });

  it('motif searches run through the injected scheduler under the current client and come back as cluster views', async () => {
    const seen: string[] = [];
    const scheduler: JobScheduler = {
      run: (clientId, task) => {
        seen.push(clientId);
        return task();
      },
    };
    const queued = new StructureService(catalog.structures, scheduler);
    // Rh–H: only the Rh/Co/H clusters of the catalog have it.
    const pattern = {
      atoms: [
        { element: 'Rh', atomClass: 'ANY' as const },
        { element: 'H', atomClass: 'ANY' as const },
      ],
      bonds: [{ a: 0, b: 1, minOrder: 0 }],
    };
    const page = await runAsClient('198.51.100.7', () => queued.motifPage(pattern, { charges: [-1] }, 0, 3, 10));
    const count = await runAsClient('198.51.100.7', () => queued.motifCount(pattern, { charges: [-1] }));
    expect(seen).toEqual(['198.51.100.7', '198.51.100.7']);
    expect(page.length).toBeGreaterThan(0);
    expect(count).toBeGreaterThanOrEqual(page.length);
    for (const hit of page) {
      expect(hit.cluster.composition.map((p) => p.element)).toEqual(expect.arrayContaining(['Rh', 'H']));
      expect(hit.cluster.atomCount).toBe(hit.cluster.composition.reduce((n, p) => n + p.count, 0));
    }
  });
});
