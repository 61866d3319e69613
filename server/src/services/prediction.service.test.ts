import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inMemoryCatalog } from '../../../test/helpers/in-memory-catalog';
import { ModelUnavailableError, type DomainReport } from '../ml';
import { loadCalibration } from '../ml/calibration';
import type { Manifest } from '../ml/manifest';
import { namedSubgraphs } from './explanation';
import { catalogModelInput, structureInputFromView } from './model-input';
import { boundedPrediction } from './prediction-view';
import { OutOfDomainError, PREDICT_LIMITS, PredictionService, StructureInputError } from './prediction.service';
import { StructureService, structureXyz } from './structure.service';
import { checkDomainLimits } from './user-structure';

// Everything here runs without ONNX Runtime, xtb or a database: the parts of the prediction path
// that are plain functions of the catalog, the served manifest and the calibration file.
const SERVED = path.join(__dirname, '..', '..', '..', 'models', 'served');
const manifest = JSON.parse(readFileSync(path.join(SERVED, 'manifest.json'), 'utf8')) as Manifest;
const served = { manifest, trainingCharges: manifest.training.charges };

describe('prediction path without a model (in-memory catalog)', () => {
  const catalog = inMemoryCatalog();
  const structures = new StructureService(catalog.structures);
  const isomersOf = async (id: string) => (await structures.isomersFor([id]))[0];

  it('runs the model on the lowest isomer with the cluster charge, bonds as Wiberg orders, coordinates as xyzAngstrom', async () => {
    const isomers = await isomersOf('Fe4C3-anion');
    expect(isomers.map((s) => s.rank)).toEqual([0, 1, 2]);
    const input = catalogModelInput({ charge: -1 }, isomers)!;
    expect(input.charge).toBe(-1);
    expect(input.isomer.energyHartree).toBe(isomers[0].energyHartree);
    expect(input.isomer.atoms.map((a) => a.xyzAngstrom)).toEqual(isomers[0].atoms.map((a) => [a.xAngstrom, a.yAngstrom, a.zAngstrom]));
    expect(input.isomer.bonds.map((b) => b.wibergOrder)).toEqual(isomers[0].bonds.map((b) => b.order));
    expect(catalogModelInput({ charge: -1 }, [])).toBeNull();
    expect(structureInputFromView(isomers[1], 0).isomer.energyHartree).toBe(isomers[1].energyHartree);
  });

  it('names the subgraphs an explanation attributes to: metal core, ligand shell and the shell’s two H components for RhCo3H2¯', async () => {
    const [lowest] = await isomersOf('RhCo3H2-anion');
    expect(namedSubgraphs(lowest)).toEqual([
      { name: 'metal core', kind: 'METAL_CORE', atoms: [0, 1, 2, 3] },
      { name: 'ligand shell', kind: 'LIGAND_SHELL', atoms: [4, 5] },
      { name: 'ligand shell component 1', kind: 'LIGAND_SHELL', atoms: [4] },
      { name: 'ligand shell component 2', kind: 'LIGAND_SHELL', atoms: [5] },
    ]);
  });

  it('a service without a model reports MODEL_UNAVAILABLE without the server-side reason, and skips domain limits', () => {
    const service = new PredictionService(null, 'manifest sha256 mismatch in /srv/models');
    expect(service.version).toBeNull();
    expect(service.largestTrainingAtomCount).toBeNull();
    expect(() => service.requireModel()).toThrow(ModelUnavailableError);
    expect(() => service.requireModel()).toThrow(/^the prediction model is not available on this server$/);
    expect(() => service.checkDomainLimits(['W', 'W'], 3)).not.toThrow();
  });

  describe('user structures are refused before xtb runs', () => {
    const service = new PredictionService(null, 'no model');
    const mo5s2 = async () => structureXyz((await isomersOf('Mo5S2-anion'))[0]);
    const refusal = async (structure: { xyz: string; charge: number; multiplicity: number }) => {
      const err = await service.featurizeUserStructure({ ...structure, optimize: false }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(StructureInputError);
      return err as StructureInputError;
    };

    it('an XYZ text over the character limit', async () => {
      const err = await refusal({ xyz: 'x'.repeat(PREDICT_LIMITS.maxXyzCharacters + 1), charge: -1, multiplicity: 2 });
      expect(err.input).toBe('structure.xyz');
      expect(err.message).toContain(`${PREDICT_LIMITS.maxXyzCharacters}`);
    });

    it('a charge beyond ±4', async () => {
      const err = await refusal({ xyz: await mo5s2(), charge: -5, multiplicity: 2 });
      expect(err.input).toBe('structure.charge');
    });

    it('atoms closer than 0.5 Å (Mo5S2¯ with its second Mo moved onto the first)', async () => {
      const lines = (await mo5s2()).split('\n');
      const first = lines[2].split(/\s+/);
      lines[3] = `Mo ${Number(first[1]) + 0.1} ${first[2]} ${first[3]}`;
      const err = await refusal({ xyz: lines.join('\n'), charge: -1, multiplicity: 2 });
      expect(err.input).toBe('structure.xyz');
      expect(err.message).toMatch(/atoms 1 and 2 are 0\.100 Å apart/);
    });

    it('a multiplicity that contradicts the electron count (Mo5S2¯ has 243 electrons: singlet impossible)', async () => {
      const err = await refusal({ xyz: await mo5s2(), charge: -1, multiplicity: 1 });
      expect(err.input).toBe('structure.multiplicity');
      expect(err.message).toContain('243 electrons');
    });
  });

  describe('hard domain limits of the served model (models/served/manifest.json)', () => {
    const reasonsFor = (elements: string[], charge: number) => {
      try {
        checkDomainLimits(served, elements, charge);
        return null;
      } catch (err) {
        expect(err).toBeInstanceOf(OutOfDomainError);
        return (err as OutOfDomainError).reasons;
      }
    };

    it('accepts the elements, size and charge of a catalog cluster (Mo5S2¯)', async () => {
      const [lowest] = await isomersOf('Mo5S2-anion');
      expect(
        reasonsFor(
          lowest.atoms.map((a) => a.element),
          -1,
        ),
      ).toBeNull();
    });

    it('refuses an unseen element, a size outside the training range and a cation, naming each', () => {
      expect(reasonsFor(['W', 'W', 'S'], -1)).toEqual([expect.stringMatching(/^elements not in the training data: W /)]);
      expect(
        reasonsFor(
          Array.from({ length: 50 }, () => 'Mo'),
          -1,
        ),
      ).toEqual([expect.stringMatching(/^50 atoms is outside the training range 2–13$/)]);
      expect(reasonsFor(['Mo', 'Mo', 'S'], 1)).toEqual([expect.stringMatching(/^charge 1 is not among the training charges \(-1, 0\)$/)]);
    });
  });

  describe('bounded predictions', () => {
    // The verdict on Mo5S2¯ itself: the nearest training cluster, at distance 0.
    const inDomain: DomainReport = {
      inDomain: true,
      reasons: [],
      caveats: [],
      embeddingOutlier: false,
      unknownElements: [],
      atomCount: 7,
      trainingAtomCount: manifest.training.atomCount,
      nearestTrainingClusterId: 'Mo5S2-anion',
      nearestDistance: 0,
      distanceThreshold: 1,
      distancePercentile: 95,
    };
    // Mo5S2¯ + N2, from the README's formula: k_L = 2π q √(α/μ), IUPAC masses, α(N2) = 1.74 Å³.
    const muG = (((5 * 95.95 + 2 * 32.06) * 28.014) / (5 * 95.95 + 2 * 32.06 + 28.014)) * 1.66053907e-24;
    const kL = 2 * Math.PI * 4.8032e-10 * Math.sqrt(1.74e-24 / muG);
    const elements = ['Mo', 'Mo', 'Mo', 'Mo', 'Mo', 'S', 'S'];
    const base = { kind: 'NEW_STRUCTURE' as const, protocol: null, protocolTitle: null, heldOutSplit: null, members: [], domain: inDomain };

    it('caps a mean above the Langevin rate at it, keeps the unbounded value, and ends both intervals there', async () => {
      const calibration = await loadCalibration(path.join(SERVED, 'calibration.json'));
      const model = { calibration, info: { version: manifest.version } } as Parameters<typeof boundedPrediction>[0];
      const view = boundedPrediction(model, base, -8, 0.3, elements, -1);
      expect(view.captureLimit.kind).toBe('LANGEVIN');
      expect(view.captureLimit.k1Cm3PerMoleculeS / kL).toBeCloseTo(1, 3);
      expect(view.cappedAtCaptureLimit).toBe(true);
      expect(view.meanLog10K1).toBeCloseTo(Math.log10(kL), 3);
      expect(view.unboundedLog10K1).toBe(-8);
      expect(view.k1Cm3PerMoleculeS).toBeCloseTo(10 ** view.meanLog10K1, 20);
      expect(view.interval95.highLog10K1).toBe(view.captureLimit.log10K1);
      expect(view.modelVersion).toBe(manifest.version);
    });

    it('puts an uncapped mean in the middle of the calibrated half-widths (absolute score), widening them ×2 for an embedding outlier', async () => {
      const calibration = await loadCalibration(path.join(SERVED, 'calibration.json'));
      // Mo5S2¯ has one metal element: the homonuclear class's half-widths (Mondrian calibration).
      const halfWidths = JSON.parse(readFileSync(path.join(SERVED, 'calibration.json'), 'utf8')).halfWidthByNuclearity.homonuclear as Record<
        '68' | '95',
        number
      >;
      const model = { calibration, info: { version: manifest.version } } as Parameters<typeof boundedPrediction>[0];
      const view = boundedPrediction(model, base, -13, 0.3, elements, -1);
      expect(view.cappedAtCaptureLimit).toBe(false);
      expect(view.interval68.highLog10K1 - -13).toBeCloseTo(halfWidths['68'], 10);
      expect(-13 - view.interval95.lowLog10K1).toBeCloseTo(halfWidths['95'], 10);
      expect(view.interval68.calibrated).toBe(true);
      const outlier = boundedPrediction(model, { ...base, domain: { ...inDomain, embeddingOutlier: true } }, -13, 0.3, elements, -1);
      expect(-13 - outlier.interval68.lowLog10K1).toBeCloseTo(2 * halfWidths['68'], 10);
      expect(outlier.interval68.calibrated).toBe(false);
    });

    it('gives a cluster with two metal elements (Rh2Co2H¯) the heteronuclear class’s half-widths', async () => {
      const calibration = await loadCalibration(path.join(SERVED, 'calibration.json'));
      const byClass = JSON.parse(readFileSync(path.join(SERVED, 'calibration.json'), 'utf8')).halfWidthByNuclearity as Record<
        'homonuclear' | 'heteronuclear',
        Record<'68' | '95', number>
      >;
      const model = { calibration, info: { version: manifest.version } } as Parameters<typeof boundedPrediction>[0];
      const view = boundedPrediction(model, base, -13, 0.3, ['Rh', 'Rh', 'Co', 'Co', 'H'], -1);
      expect(-13 - view.interval68.lowLog10K1).toBeCloseTo(byClass.heteronuclear['68'], 10);
      expect(-13 - view.interval95.lowLog10K1).toBeCloseTo(byClass.heteronuclear['95'], 10);
      expect(byClass.heteronuclear['68']).not.toBeCloseTo(byClass.homonuclear['68'], 2);
    });
  });
});
