import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isConnected, type GeometryAtom } from '../chem/geometry';
import { runGfn1Optimization, runXtb, XtbError, type XtbInput } from '.';

// Runs the real xtb binary (Debian package `xtb`) on real clusters of the data set:
// Mo2S¯ (published multiplicity 2) and Ta3S (neutral, multiplicity 2).
jest.setTimeout(60_000);

const mo2s: GeometryAtom[] = [
  { element: 'Mo', xyzAngstrom: [0, 0, 0] },
  { element: 'Mo', xyzAngstrom: [2.2, 0, 0] },
  { element: 'S', xyzAngstrom: [1.1, 1.8, 0] },
];
const mo2sAnion = { atoms: mo2s, charge: -1, multiplicity: 2, timeoutMs: 30_000 } satisfies XtbInput;

// Each test gets its own TMPDIR so "temp dirs are always removed" can be checked even while
// other xtb runs (the structure search) use the system temp dir.
let tmp: string;
let savedTmp: string | undefined;
beforeEach(() => {
  savedTmp = process.env.TMPDIR;
  tmp = mkdtempSync(path.join(os.tmpdir(), 'xtb-test-'));
  process.env.TMPDIR = tmp;
});
afterEach(() => {
  expect(readdirSync(tmp)).toEqual([]);
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  rmSync(tmp, { recursive: true, force: true });
});

// Start geometries for the optimisation and timeout tests, written out once from the structure search's
// start-geometry generator (server/src/xtb/search/start-geometry.ts, seeds 1, 2 and 1) so server tests need nothing from seed/.
const ta3sStartSeed1: GeometryAtom[] = [
  { element: 'Ta', xyzAngstrom: [0.5409770821415686, 1.4910989664189473, -0.14139269475832372] },
  { element: 'Ta', xyzAngstrom: [0.49578047431990135, -1.4137403784003106, 0.428547758574755] },
  { element: 'Ta', xyzAngstrom: [0.029510636026449155, -0.003680118274289601, -2.1333766184741076] },
  { element: 'S', xyzAngstrom: [-1.0662681924879194, -0.07367846974434755, 1.8462215546576761] },
];

const ta3sStartSeed2: GeometryAtom[] = [
  { element: 'Ta', xyzAngstrom: [-1.0499329016274244, -0.4418848973852432, 1.3102676514653884] },
  { element: 'Ta', xyzAngstrom: [0.2744639569784439, -0.8532027686662, -1.2617572026831936] },
  { element: 'Ta', xyzAngstrom: [1.839144254307337, -0.10549644631598931, 0.3906540185046832] },
  { element: 'S', xyzAngstrom: [-1.0636753096583564, 1.4005841123674325, -0.43916446728687775] },
];

const mo8s4cStartSeed1: GeometryAtom[] = [
  { element: 'Mo', xyzAngstrom: [-1.221103146335724, 1.2542405835074595, -1.5153906680674463] },
  { element: 'Mo', xyzAngstrom: [-2.2677981677845755, -0.43328591952975837, -0.2288051915825754] },
  { element: 'Mo', xyzAngstrom: [-1.5373385183843398, 1.9913239213380431, 1.1222905851663594] },
  { element: 'Mo', xyzAngstrom: [-1.9763900535839363, -3.1337887044149193, -0.8144254821180935] },
  { element: 'Mo', xyzAngstrom: [0.24382188557189854, 0.3038967136411159, 0.7872131667328665] },
  { element: 'Mo', xyzAngstrom: [-1.1001404449681589, -0.8451501015326067, 2.3672890020669617] },
  { element: 'Mo', xyzAngstrom: [0.44944020415853636, -2.0923017574256373, 0.15298255490094614] },
  { element: 'Mo', xyzAngstrom: [-0.6074342673857773, -0.8430900345136979, -2.1757839340616703] },
  { element: 'S', xyzAngstrom: [2.243104041645892, 1.8179164272201405, 1.177036461125193] },
  { element: 'S', xyzAngstrom: [0.891405020800792, 0.9419609175066247, -1.0186345494527052] },
  { element: 'S', xyzAngstrom: [2.6298545160037063, -0.2868250956678815, 0.14775661747937918] },
  { element: 'S', xyzAngstrom: [1.728174666926929, -1.020825071102784, -1.528675625186633] },
  { element: 'C', xyzAngstrom: [0.5244042633347554, 2.3459281209739014, 1.5271470629974178] },
];

async function xtbError(input: XtbInput): Promise<XtbError> {
  try {
    await runXtb(input);
  } catch (error) {
    if (error instanceof XtbError) return error;
    throw error;
  }
  throw new Error('expected runXtb to fail');
}

describe('runXtb single point (Mo2S¯, doublet)', () => {
  let result: Awaited<ReturnType<typeof runXtb>>;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xtb-test-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = dir;
    try {
      result = await runXtb(mo2sAnion);
    } finally {
      process.env.TMPDIR = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports GFN2-xTB 6.5.1 with a finite negative total energy and no optimisation', () => {
    expect(result.method).toBe('GFN2-xTB');
    expect(result.programVersion).toBe('6.5.1');
    expect(result.totalEnergyHartree).toBeLessThan(0);
    expect(Number.isFinite(result.homoLumoGapEv)).toBe(true);
    expect(result.optimization).toBeNull();
  });

  it('counts valence electrons: Mo 6 + Mo 6 + S 6 + 1 extra = 19, one unpaired', () => {
    expect(result.electronCount).toBe(19);
    expect(result.unpairedElectrons).toBe(1);
  });

  it('gives per-atom properties in input order, with charges summing to the total charge', () => {
    expect(result.atoms.map((a) => [a.index, a.element, a.atomicNumber])).toEqual([
      [0, 'Mo', 42],
      [1, 'Mo', 42],
      [2, 'S', 16],
    ]);
    expect(result.atoms.reduce((sum, a) => sum + a.partialCharge, 0)).toBeCloseTo(-1, 3);
    for (const atom of result.atoms) {
      expect(atom.xyzAngstrom).toEqual(mo2s[atom.index].xyzAngstrom);
      expect(atom.coordinationNumber).toBeGreaterThan(0.5);
      expect(atom.polarizabilityAu).toBeGreaterThan(1);
      expect(atom.c6Au).toBeGreaterThan(1);
      expect(atom.atomicDipoleAu.every(Number.isFinite)).toBe(true);
    }
    // Mo is far more polarisable than S (free-atom α: Mo ≈ 87, S ≈ 19.6 bohr³).
    expect(result.atoms[0].polarizabilityAu).toBeGreaterThan(result.atoms[2].polarizabilityAu);
    expect(result.polarizabilityAu).toBeCloseTo(
      result.atoms.reduce((s, a) => s + a.polarizabilityAu, 0),
      1,
    );
  });

  it('lists bonds by the distance rule with their lengths and Wiberg orders', () => {
    // Mo–Mo 2.20 Å, Mo–S sqrt(1.1² + 1.8²) = 2.109 Å: all three pairs bonded under 1.25 × (r_i + r_j).
    expect(result.bonds.map((b) => [b.a, b.b])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    expect(result.bonds[0].lengthAngstrom).toBeCloseTo(2.2, 10);
    expect(result.bonds[1].lengthAngstrom).toBeCloseTo(Math.hypot(1.1, 1.8), 10);
    for (const bond of result.bonds) expect(bond.wibergOrder).toBeGreaterThan(0.1);
    // The geometry is mirror-symmetric, so both Mo–S orders agree.
    expect(result.bonds[1].wibergOrder).toBeCloseTo(result.bonds[2].wibergOrder, 3);
    expect(result.wibergOrders.length).toBeGreaterThanOrEqual(3);
  });

  it('gives an origin-independent dipole for the anion (reported about the centre of mass)', async () => {
    const shifted = await runXtb({
      ...mo2sAnion,
      atoms: mo2s.map((a) => ({ element: a.element, xyzAngstrom: [a.xyzAngstrom[0] + 5, a.xyzAngstrom[1] - 3, a.xyzAngstrom[2] + 2] })),
    });
    expect(shifted.totalEnergyHartree).toBeCloseTo(result.totalEnergyHartree, 6);
    expect(shifted.dipoleDebye).toBeCloseTo(result.dipoleDebye, 2);
    expect(result.dipoleDebye).toBeGreaterThan(0);
  });
});

describe('runXtb optimisation', () => {
  it('optimises Ta3S (neutral doublet) to a connected structure with a converged flag', async () => {
    const start = ta3sStartSeed1;
    const result = await runXtb({ atoms: start, charge: 0, multiplicity: 2, optimize: 'normal', timeoutMs: 60_000, scfGuess: 'sad' });
    expect(result.optimization).toMatchObject({ level: 'normal', converged: true });
    expect(result.optimization?.cycles).toBeGreaterThan(0);
    expect(result.gradientNormHartreePerBohr).toBeLessThan(0.002);
    expect(result.atoms.map((a) => a.element)).toEqual(['Ta', 'Ta', 'Ta', 'S']);
    expect(result.atoms[0].xyzAngstrom).not.toEqual(start[0].xyzAngstrom);
    expect(isConnected(result.atoms)).toBe(true);
    expect(result.settings).toMatchObject({ electronicTemperatureK: 300, scfGuess: 'sad', threads: 1 });
  });

  it('runs a GFN1 pre-optimisation whose geometry a GFN2 optimisation then lowers in energy', async () => {
    const start = ta3sStartSeed2;
    const gfn1 = await runGfn1Optimization({ atoms: start, charge: 0, multiplicity: 2, optimize: 'loose', timeoutMs: 30_000 });
    expect(gfn1.method).toBe('GFN1-xTB');
    expect(gfn1.converged).toBe(true);
    expect(gfn1.atoms.map((a) => a.element)).toEqual(['Ta', 'Ta', 'Ta', 'S']);
    expect(isConnected(gfn1.atoms)).toBe(true);
    const before = await runXtb({ atoms: gfn1.atoms, charge: 0, multiplicity: 2, timeoutMs: 30_000, scfGuess: 'sad' });
    const after = await runXtb({ atoms: gfn1.atoms, charge: 0, multiplicity: 2, timeoutMs: 60_000, scfGuess: 'sad', optimize: 'normal' });
    expect(after.totalEnergyHartree).toBeLessThanOrEqual(before.totalEnergyHartree + 1e-6);
  });
});

describe('runXtb errors', () => {
  it('NOT_INSTALLED names the apt package when the binary is missing', async () => {
    const error = await xtbError({ ...mo2sAnion, xtbBinary: '/nonexistent/bin/xtb' });
    expect(error.kind).toBe('NOT_INSTALLED');
    expect(error.message).toContain('apt-get install xtb');
  });

  it('INVALID_INPUT for an impossible multiplicity (19 electrons cannot be a singlet)', async () => {
    const error = await xtbError({ ...mo2sAnion, multiplicity: 1 });
    expect(error.kind).toBe('INVALID_INPUT');
    expect(error.message).toContain('multiplicity 1 is impossible with');
  });

  it('INVALID_INPUT lists every problem at once', async () => {
    const error = await xtbError({ atoms: [{ element: 'Xx', xyzAngstrom: [0, 0, Number.NaN] }], charge: 0.5, multiplicity: 0, timeoutMs: -1 });
    expect(error.kind).toBe('INVALID_INPUT');
    for (const part of ['atoms[0].element "Xx"', 'atoms[0].xyzAngstrom', 'charge 0.5', 'multiplicity 0', 'timeoutMs']) expect(error.message).toContain(part);
  });

  it('INVALID_INPUT for elements GFN2 has no parameters for', async () => {
    const error = await xtbError({
      ...mo2sAnion,
      atoms: [
        { element: 'U', xyzAngstrom: [0, 0, 0] },
        { element: 'S', xyzAngstrom: [2.3, 0, 0] },
      ],
      charge: 0,
    });
    expect(error.kind).toBe('INVALID_INPUT');
    expect(error.message).toContain('beyond Rn');
  });

  it('INVALID_INPUT for atoms on top of each other, naming the pair', async () => {
    const error = await xtbError({ ...mo2sAnion, atoms: [mo2s[0], { element: 'Mo', xyzAngstrom: [0, 0, 0.01] }, mo2s[2]] });
    expect(error.kind).toBe('INVALID_INPUT');
    expect(error.message).toContain('atoms[0] and atoms[1] are only 0.010 Å apart');
  });

  it('SCF_NOT_CONVERGED when the SCC iteration limit is too small', async () => {
    const error = await xtbError({ ...mo2sAnion, maxScfIterations: 2 });
    expect(error.kind).toBe('SCF_NOT_CONVERGED');
    expect(error.outputTail).toContain('Self consistent charge iterator did not converge');
  });

  it('TIMEOUT kills the run and still removes its temp dir', async () => {
    const start = mo8s4cStartSeed1;
    const started = Date.now();
    const error = await xtbError({ atoms: start, charge: -1, multiplicity: 2, optimize: 'tight', timeoutMs: 300 });
    expect(error.kind).toBe('TIMEOUT');
    expect(error.message).toContain('within 300 ms');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('an aborted signal stops the run as TIMEOUT (aborted)', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await xtbError({ ...mo2sAnion, signal: controller.signal });
    expect(error.kind).toBe('TIMEOUT');
    expect(error.message).toContain('aborted');
  });
});
