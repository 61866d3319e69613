import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gql } from '../helpers/graphql';
import { stackInfo } from '../helpers/stack-info';

// A real catalog cluster with a stored structure and at most 14 atoms (exact Shapley values).
async function smallClusterWithStructure(): Promise<{ id: string; charge: number; size: number }> {
  const r = await gql(
    '{ clusters(filter: {hasStructure: true, size: {min: 4, max: 8}, charges: [-1]}, first: 1, orderBy: {field: SIZE, direction: DESC}) { edges { node { id charge size } } } }',
  );
  return r.body.data!.clusters.edges[0].node;
}

describe('model predictions through GraphQL', () => {
  it('headlines the held-out (protocol c) prediction with intervals, and keeps the in-sample one apart', async () => {
    const interval = 'confidence lowLog10K1 highLog10K1 calibrated';
    const fields = `kind protocol heldOutSplit log10K1 unboundedLog10K1 cappedAtCaptureLimit log10K1Std k1Cm3PerMoleculeS memberLog10K1 modelVersion
      captureLimit { kind log10K1 } interval68 { ${interval} } interval95 { ${interval} }
      domain { inDomain reasons caveats nearestTrainingClusterId }`;
    const r = await gql(`{ clusters(filter: {hasStructure: true}, first: 60) { edges { node { id charge nuclearity metalFamily log10K1
      prediction { ${fields} } inSamplePrediction { ${fields} } heldOutPredictions { protocol split log10K1 } } } } }`);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.extensions!.modelVersion).toEqual(expect.any(String));
    const widths68 = { HOMONUCLEAR: new Set<string>(), HETERONUCLEAR: new Set<string>() };
    for (const { node } of r.body.data!.clusters.edges) {
      const p = node.prediction;
      const c = node.heldOutPredictions.find((h: { protocol: string }) => h.protocol === 'c');
      expect(p.kind).toBe('HELD_OUT');
      expect(p.protocol).toBe('c');
      expect(p.heldOutSplit).toBe(c.split);
      expect(p.unboundedLog10K1).toBeCloseTo(c.log10K1, 5);
      expect(p.log10K1).toBeCloseTo(Math.min(c.log10K1, p.captureLimit.log10K1), 5);
      expect(p.memberLog10K1).toEqual([]);
      expect(p.modelVersion).toBe(r.body.extensions!.modelVersion);
      expect(p.captureLimit.kind).toBe(node.charge === 0 ? 'NEUTRAL_GAS_KINETIC' : 'LANGEVIN');
      // Langevin rates of cluster anions with N2 are 5.8–7e-10 (langevin.test.ts).
      if (node.charge !== 0) expect(10 ** p.captureLimit.log10K1).toBeGreaterThan(5.8e-10);
      for (const [iv, conf] of [
        [p.interval68, 0.68],
        [p.interval95, 0.95],
      ] as const) {
        expect(iv.confidence).toBe(conf);
        expect(iv.calibrated).toBe(true);
        expect(iv.lowLog10K1).toBeLessThan(p.log10K1);
        expect(iv.highLog10K1).toBeLessThanOrEqual(p.captureLimit.log10K1);
      }
      expect(p.interval95.lowLog10K1).toBeLessThan(p.interval68.lowLog10K1);
      // Conformal widths are of the order of the held-out RMSE (about 1 log unit), not the ensemble SD.
      if (!p.cappedAtCaptureLimit && p.interval68.highLog10K1 < p.captureLimit.log10K1) {
        widths68[node.nuclearity as keyof typeof widths68].add((p.interval68.highLog10K1 - p.interval68.lowLog10K1).toFixed(6));
        expect(p.interval68.highLog10K1 - p.interval68.lowLog10K1).toBeGreaterThan(1);
      }
      // Training clusters are in domain by construction.
      expect(p.domain.inDomain).toBe(true);
      expect(p.domain.reasons).toEqual([]);
      expect(p.domain.nearestTrainingClusterId).not.toBe(node.id);

      const s = node.inSamplePrediction;
      expect(s.kind).toBe('IN_SAMPLE');
      expect(s.protocol).toBeNull();
      // The committed model is a deep ensemble of at least 5 members (issue 4).
      expect(s.memberLog10K1.length).toBeGreaterThanOrEqual(5);
      const mean = s.memberLog10K1.reduce((a: number, x: number) => a + x, 0) / s.memberLog10K1.length;
      expect(s.unboundedLog10K1).toBeCloseTo(mean, 4);
      expect(s.k1Cm3PerMoleculeS).toBeCloseTo(10 ** s.log10K1, 20);
      // Rate constants of these clusters lie between 1e-16 and 1e-8 cm³/s; a broken model would not.
      expect(s.log10K1).toBeGreaterThan(-17);
      expect(s.log10K1).toBeLessThanOrEqual(s.captureLimit.log10K1);
    }
    // The served score is the plain residual calibrated per nuclearity (Mondrian): one width per
    // class for every unclipped interval, taken from calibration.json.
    const served = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'models', 'served', 'calibration.json'), 'utf8'));
    expect(served.method.score).toBe('absolute');
    expect([...widths68.HOMONUCLEAR].map(Number)).toEqual([expect.closeTo(2 * served.halfWidthByNuclearity.homonuclear['68'], 5)]);
    expect([...widths68.HETERONUCLEAR].map(Number)).toEqual([expect.closeTo(2 * served.halfWidthByNuclearity.heteronuclear['68'], 5)]);
  });

  it('shows the held-out value, not the in-sample one, for RhCo3H2¯, with the heteronuclear caveat', async () => {
    const r = await gql(`{ cluster(id: "RhCo3H2-anion") { log10K1 prediction { kind heldOutSplit log10K1 domain { inDomain caveats } }
      inSamplePrediction { kind log10K1 } heldOutPredictions { protocol log10K1 } } }`);
    const c = r.body.data!.cluster;
    expect(c.prediction.kind).toBe('HELD_OUT');
    expect(c.prediction.heldOutSplit).toBe('Co–Rh');
    expect(c.prediction.log10K1).toBeCloseTo(c.heldOutPredictions.find((h: { protocol: string }) => h.protocol === 'c').log10K1, 5);
    expect(c.inSamplePrediction.kind).toBe('IN_SAMPLE');
    expect(c.prediction.domain.inDomain).toBe(true);
    expect(c.prediction.domain.caveats.join(' ')).toMatch(/heteronuclear/);
    // Co–Rh's own held-out predictions were covered at about nominal: no interval caveat.
    expect(c.prediction.domain.caveats.join(' ')).not.toMatch(/intervals are too narrow/);
  });

  it('says next to a Mo cluster’s prediction that its family’s intervals covered less than nominal, with the figures', async () => {
    const served = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'models', 'served', 'calibration.json'), 'utf8'));
    const mo = served.nestedCoverageByFamily.families.Mo as { '68': number; '95': number };
    expect(mo['68']).toBeLessThan(0.63); // the reason for the caveat, from the nested check
    const r = await gql(`{ cluster(id: "Mo5S2-anion") { prediction { kind domain { inDomain caveats } } inSamplePrediction { domain { caveats } } } }`);
    const c = r.body.data!.cluster;
    expect(c.prediction.kind).toBe('HELD_OUT');
    expect(c.prediction.domain.inDomain).toBe(true);
    const caveat = c.prediction.domain.caveats.find((t: string) => /intervals are too narrow for the Mo family/.test(t));
    expect(caveat).toContain(`${Math.round(mo['68'] * 100)} %`);
    expect(caveat).toContain(`${Math.round(mo['95'] * 100)} %`);
    expect(c.inSamplePrediction.domain.caveats).toContain(caveat);
  });

  it('atom Shapley values sum to f(all) − f(none) and match the prediction', async () => {
    const c = await smallClusterWithStructure();
    const r = await gql(
      `query($id: ID!) { cluster(id: $id) { inSamplePrediction { unboundedLog10K1 } }
      explain(clusterId: $id, level: ATOM) { method fullLog10K1 emptyLog10K1 atoms { index element value standardError } } }`,
      { id: c.id },
    );
    const e = r.body.data!.explain;
    expect(e.method).toBe('exact Shapley');
    expect(e.atoms).toHaveLength(c.size);
    const sum = e.atoms.reduce((s: number, a: { value: number }) => s + a.value, 0);
    expect(sum).toBeCloseTo(e.fullLog10K1 - e.emptyLog10K1, 4);
    // Attributions explain the served model's output for the cluster.
    expect(e.fullLog10K1).toBeCloseTo(r.body.data!.cluster.inSamplePrediction.unboundedLog10K1, 4);
  });

  it('bond occlusion and subgraph contributions come with charge polarization', async () => {
    const c = await smallClusterWithStructure();
    const r = await gql(
      `query($id: ID!) {
      bond: explain(clusterId: $id, level: BOND) { fullLog10K1 bonds { a b delta log10K1Without } }
      sub: explain(clusterId: $id, level: SUBGRAPH) { subgraphs { name kind atoms shapleySum coalitionValue chargePolarization } atoms { value } }
      core: subgraph(clusterId: $id, kind: METAL_CORE) { chargePolarization atoms { index } }
      cluster(id: $id) { structure { bonds { a b } } } }`,
      { id: c.id },
    );
    const d = r.body.data!;
    expect(d.bond.bonds.map((b: { a: number; b: number }) => [b.a, b.b])).toEqual(d.cluster.structure.bonds.map((b: { a: number; b: number }) => [b.a, b.b]));
    for (const b of d.bond.bonds) expect(b.delta).toBeCloseTo(d.bond.fullLog10K1 - b.log10K1Without, 6);
    const core = d.sub.subgraphs.find((s: { name: string }) => s.name === 'metal core');
    expect(core.atoms).toEqual(d.core.atoms.map((a: { index: number }) => a.index));
    expect(core.chargePolarization).toBeCloseTo(d.core.chargePolarization, 10);
    expect(core.shapleySum).toBeCloseTo(
      core.atoms.reduce((s: number, i: number) => s + d.sub.atoms[i].value, 0),
      6,
    );
  });

  it('finds similar clusters by embedding, excluding the cluster itself', async () => {
    const c = await smallClusterWithStructure();
    const r = await gql(`query($id: ID!) { similar(clusterId: $id, k: 4) { similarity cluster { id } } }`, { id: c.id });
    const list = r.body.data!.similar;
    expect(list).toHaveLength(4);
    expect(list.map((s: { cluster: { id: string } }) => s.cluster.id)).not.toContain(c.id);
    const sims = list.map((s: { similarity: number }) => s.similarity);
    expect(sims).toEqual([...sims].sort((a: number, b: number) => b - a));
    const bad = await gql(`query($id: ID!) { similar(clusterId: $id, k: 0) { similarity } }`, { id: c.id });
    expect(bad.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('gives held-out predictions: homonuclear clusters under protocols a and c, heteronuclear under b and c', async () => {
    const q = `{ homo: cluster(id: "Mo5S2-anion") { nuclearity heldOutPredictions { protocol split log10K1 log10K1Std } }
      hetero: cluster(id: "RhCo3H2-anion") { nuclearity heldOutPredictions { protocol split log10K1 log10K1Std } } }`;
    const r = await gql(q);
    expect(r.body.errors).toBeUndefined();
    const { homo, hetero } = r.body.data!;
    expect(homo.nuclearity).toBe('HOMONUCLEAR');
    expect(hetero.nuclearity).toBe('HETERONUCLEAR');
    // (a) CV over homonuclear folds, (b) trained on homonuclear and tested on heteronuclear, (c) every family held out once.
    expect(homo.heldOutPredictions.map((h: { protocol: string }) => h.protocol).sort()).toEqual(['a', 'c']);
    expect(hetero.heldOutPredictions.map((h: { protocol: string }) => h.protocol).sort()).toEqual(['b', 'c']);
    expect(homo.heldOutPredictions.find((h: { protocol: string }) => h.protocol === 'a').split).toMatch(/fold/);
    for (const h of [...homo.heldOutPredictions, ...hetero.heldOutPredictions]) {
      expect(h.log10K1).toBeGreaterThan(-17);
      expect(h.log10K1).toBeLessThan(-7);
      expect(h.log10K1Std).toBeGreaterThanOrEqual(0);
    }
  });

  it('publishes the model card with its metrics', async () => {
    const r = await gql('{ model { version members trainingClusterCount metrics } }');
    expect(r.body.data!.model.version).toBe(r.body.extensions!.modelVersion);
    expect(r.body.data!.model.members).toBeGreaterThanOrEqual(5);
    expect(Object.keys(r.body.data!.model.metrics).length).toBeGreaterThan(0);
    expect(stackInfo().apiUrl).toMatch(/^http/);
  });
});

describe('predict for a structure not in the catalog (real GFN2-xTB)', () => {
  it('featurizes a catalog geometry with xtb and predicts what the catalog predicts for it', async () => {
    const c = await smallClusterWithStructure();
    const r0 = await gql(`query($id: ID!) { cluster(id: $id) { charge inSamplePrediction { log10K1 } structure { xyz multiplicity } } }`, { id: c.id });
    const { structure, inSamplePrediction: prediction, charge } = r0.body.data!.cluster;
    const r = await gql(
      `query($s: StructureInput!) { predict(structure: $s) { prediction { kind log10K1 log10K1Std interval95 { lowLog10K1 highLog10K1 calibrated } domain { inDomain } } structure { atoms { element partialCharge } } nearest { cluster { id } similarity } } }`,
      {
        s: { xyz: structure.xyz, charge, multiplicity: structure.multiplicity },
      },
    );
    expect(r.body.errors).toBeUndefined();
    const p = r.body.data!.predict;
    // Same geometry, same method: the xtb single point reproduces the stored features.
    expect(p.prediction.log10K1).toBeCloseTo(prediction.log10K1, 2);
    expect(p.prediction.kind).toBe('NEW_STRUCTURE');
    expect(p.prediction.interval95.lowLog10K1).toBeLessThan(p.prediction.log10K1);
    expect(p.nearest[0].cluster.id).toBe(c.id);
  }, 120000);

  const predictCatalogGeometry = async (id: string) => {
    const r0 = await gql(`query($id: ID!) { cluster(id: $id) { charge inSamplePrediction { log10K1 } structure { xyz multiplicity } } }`, { id });
    const { structure, inSamplePrediction, charge } = r0.body.data!.cluster;
    const r = await gql(`query($s: StructureInput!) { predict(structure: $s) { prediction { log10K1 } xtbElectronicTemperatureK } }`, {
      s: { xyz: structure.xyz, charge, multiplicity: structure.multiplicity },
    });
    return { r, inSample: inSamplePrediction.log10K1 as number };
  };

  it('predicts what the catalog predicts for its largest cluster, Mo9S3C¯ (13 atoms, catalog SCC at 300 K)', async () => {
    const { r, inSample } = await predictCatalogGeometry('Mo9S3C-anion');
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.predict.xtbElectronicTemperatureK).toBe(300);
    expect(r.body.data!.predict.prediction.log10K1).toBeCloseTo(inSample, 2);
  }, 120000);

  it('featurizes Mo8S4C¯ with the SCC settings of the structure search (atomic-density start) instead of refusing it', async () => {
    // From the default start at 300 K this geometry's SCC does not converge (it answered 422 XTB_FAILED).
    const { r } = await predictCatalogGeometry('Mo8S4C-anion');
    expect(r.body.errors).toBeUndefined();
    expect([300, 1000]).toContain(r.body.data!.predict.xtbElectronicTemperatureK);
    expect(Number.isFinite(r.body.data!.predict.prediction.log10K1)).toBe(true);
  }, 120000);

  const grid = (n: number) => Array.from({ length: n }, (_, i) => `Mo ${(i % 5) * 2.7} ${(Math.floor(i / 5) % 5) * 2.7} ${Math.floor(i / 25) * 2.7}`);
  const outside: Array<[string, Record<string, unknown>, RegExp]> = [
    [
      'a 50-atom Mo grid (training has 2–13 atoms)',
      { xyz: `50\ngrid\n${grid(50).join('\n')}\n`, charge: -1, multiplicity: 2 },
      /50 atoms is outside the training range 2–13/,
    ],
    ['an element the model never saw (W)', { xyz: '2\nx\nW 0 0 0\nW 0 0 2.5\n', charge: -1, multiplicity: 2 }, /elements not in the training data: W/],
    [
      'a cation (training has anions and neutrals)',
      { xyz: '2\nx\nMo 0 0 0\nMo 0 0 2.2\n', charge: 1, multiplicity: 2 },
      /charge 1 is not among the training charges/,
    ],
  ];
  it.each(outside)('refuses %s with OUT_OF_DOMAIN before running xtb', async (_name, s, message) => {
    const r = await gql('query($s: StructureInput!) { predict(structure: $s) { prediction { log10K1 } } }', { s });
    expect(r.status).toBe(422);
    expect(r.body.data?.predict ?? null).toBeNull();
    expect(r.body.errors![0].extensions!.code).toBe('OUT_OF_DOMAIN');
    expect(r.body.errors![0].message).toMatch(message);
  });

  const xyz = (lines: string[]) => `${lines.length}\ncomment\n${lines.join('\n')}\n`;
  const bad: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['an unparsable line', { xyz: '2\nx\nMo 0 0 0\nMo 0 0 zz\n', charge: -1, multiplicity: 2 }, 'structure.xyz', /line 4/],
    ['an unknown element', { xyz: xyz(['Mo 0 0 0', 'Xq 0 0 2.5']), charge: -1, multiplicity: 2 }, 'structure.xyz', /Xq/],
    ['more than 50 atoms', { xyz: xyz(Array.from({ length: 51 }, (_, i) => `H ${i * 2} 0 0`)), charge: 0, multiplicity: 2 }, 'structure.xyz', /50/],
    ['atoms on top of each other', { xyz: xyz(['Mo 0 0 0', 'S 0 0 0.3']), charge: -1, multiplicity: 1 }, 'structure.xyz', /0\.5 Å/],
    ['an inconsistent multiplicity', { xyz: xyz(['Mo 0 0 0', 'Mo 0 0 2.2']), charge: -1, multiplicity: 1 }, 'structure.multiplicity', /odd electron count/],
  ];
  it.each(bad)('rejects %s with BAD_USER_INPUT naming the input', async (_name, s, argument, message) => {
    const r = await gql('query($s: StructureInput!) { predict(structure: $s) { prediction { log10K1 } } }', { s });
    expect(r.status).toBe(400);
    expect(r.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(r.body.errors![0].extensions!.argument).toBe(argument);
    expect(r.body.errors![0].message).toMatch(message);
  });
});
