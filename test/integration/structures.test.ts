import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMetal } from '../../server/src/chem/elements';
import { parseXyz } from '../../server/src/chem/geometry';
import type { StructureFile } from '../../server/src/load/seed-file';
import { gql } from '../helpers/graphql';

const DIR = path.join(__dirname, '..', '..', 'seed', 'structures', 'data');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const load = (id: string) => JSON.parse(readFileSync(path.join(DIR, `${id}.json`), 'utf8')) as StructureFile;
// A real cluster with both metal and ligand atoms, preferring a mid-sized one.
const fixtureId = ['Mo5S2-anion', 'Ta3S4-neutral', 'FeV2S3-anion'].find((id) => files.includes(`${id}.json`)) ?? files[0].replace(/\.json$/, '');

describe('structures as graphs through GraphQL', () => {
  it('every cluster with a structure file has it in Neo4j', async () => {
    const r = await gql('{ clusters(filter: {hasStructure: true}, first: 0) { totalCount } }');
    expect(r.body.data!.clusters.totalCount).toBe(files.length);
  });

  it('returns atoms, bonds and an XYZ export equal to the seed file', async () => {
    const file = load(fixtureId);
    const r = await gql(
      `query($id: ID!) { cluster(id: $id) { structure { rank method energyHartree xyz extendedXyz
      atoms { index element xAngstrom yAngstrom zAngstrom partialCharge coordinationNumber isMetal } bonds { a b order lengthAngstrom } }
      isomers { rank relativeEnergyKcalPerMol } } }`,
      { id: fixtureId },
    );
    const s = r.body.data!.cluster.structure;
    const lowest = file.isomers[0];
    expect(s.rank).toBe(0);
    expect(s.energyHartree).toBe(lowest.energyHartree);
    expect(
      s.atoms.map((a: { element: string; xAngstrom: number; yAngstrom: number; zAngstrom: number; partialCharge: number }) => [
        a.element,
        a.xAngstrom,
        a.yAngstrom,
        a.zAngstrom,
        a.partialCharge,
      ]),
    ).toEqual(lowest.atoms.map((a) => [a.element, ...a.xyzAngstrom, a.partialCharge]));
    expect(s.bonds.map((b: { a: number; b: number; order: number }) => [b.a, b.b, b.order])).toEqual(
      lowest.bonds.map((b) => [Math.min(b.a, b.b), Math.max(b.a, b.b), b.wibergOrder]).sort((x, y) => x[0] - y[0] || x[1] - y[1]),
    );
    expect(r.body.data!.cluster.isomers.map((i: { rank: number }) => i.rank)).toEqual(file.isomers.map((i) => i.rank));
    const parsed = parseXyz(s.xyz);
    expect(parsed.atoms.map((a) => a.element)).toEqual(lowest.atoms.map((a) => a.element));
    parsed.atoms.forEach((a, i) => a.xyzAngstrom.forEach((v, k) => expect(v).toBeCloseTo(lowest.atoms[i].xyzAngstrom[k], 6)));
    expect(s.extendedXyz.split('\n')[1]).toMatch(/Properties=species:S:1:pos:R:3:partial_charge:R:1/);
  });

  it('METAL_CORE carries the charge statistics of the metal atoms', async () => {
    const lowest = load(fixtureId).isomers[0];
    const metalCharges = lowest.atoms.filter((a) => isMetal(a.element)).map((a) => a.partialCharge);
    const mean = metalCharges.reduce((s, q) => s + q, 0) / metalCharges.length;
    const sd = Math.sqrt(metalCharges.reduce((s, q) => s + (q - mean) ** 2, 0) / metalCharges.length);
    const r = await gql(
      `query($id: ID!) { subgraph(clusterId: $id, kind: METAL_CORE) { totalCharge chargePolarization atoms { element } components { atoms { index } } } }`,
      { id: fixtureId },
    );
    const sub = r.body.data!.subgraph;
    expect(sub.atoms.every((a: { element: string }) => isMetal(a.element))).toBe(true);
    expect(sub.atoms).toHaveLength(metalCharges.length);
    expect(sub.totalCharge).toBeCloseTo(
      metalCharges.reduce((s, q) => s + q, 0),
      10,
    );
    expect(sub.chargePolarization).toBeCloseTo(sd, 10);
    expect(sub.components.flatMap((c: { atoms: unknown[] }) => c.atoms).length).toBe(metalCharges.length);
  });

  it('NEIGHBORHOOD of hops 0 is the atom itself; bad atom index is a clear error', async () => {
    const r = await gql(`query($id: ID!) { subgraph(clusterId: $id, kind: NEIGHBORHOOD, atomIndex: 0, hops: 0) { atoms { index } bonds { a } } }`, {
      id: fixtureId,
    });
    expect(r.body.data!.subgraph).toEqual({ atoms: [{ index: 0 }], bonds: [] });
    const bad = await gql(`query($id: ID!) { subgraph(clusterId: $id, kind: NEIGHBORHOOD, atomIndex: 999) { totalCharge } }`, { id: fixtureId });
    expect(bad.status).toBe(400);
    expect(bad.body.errors![0].extensions!.argument).toBe('atomIndex');
    const missing = await gql(`{ subgraph(clusterId: "Xx-anion", kind: WHOLE) { totalCharge } }`);
    expect(missing.body.data!.subgraph).toBeNull();
  });
});
