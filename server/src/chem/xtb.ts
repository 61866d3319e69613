import { spawn } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { elementBySymbol } from './elements';
import { findBonds, shortestContact, toXyz, type GeometryAtom, type Vec3 } from './geometry';

/**
 * Runs the xtb program (GFN2-xTB, Grimme group) on one geometry and parses what it writes.
 * Tested against xtb 6.5.1 (Debian package `xtb`). Each run gets a private temporary directory
 * because xtb always writes fixed file names (xtbout.json, wbo, xtbopt.xyz, xtbrestart) into
 * its working directory.
 */

export type XtbOptLevel = 'crude' | 'sloppy' | 'loose' | 'lax' | 'normal' | 'tight' | 'vtight' | 'extreme';
const OPT_LEVELS: ReadonlySet<string> = new Set(['crude', 'sloppy', 'loose', 'lax', 'normal', 'tight', 'vtight', 'extreme']);

/** GFN2-xTB is parametrised for H–Rn. */
export const XTB_MAX_ATOMIC_NUMBER = 86;

/**
 * Closer pairs are rejected before xtb runs: xtb itself refuses only exactly coincident atoms and
 * otherwise returns astronomically repulsive energies (+10⁵ Eh at 0.01 Å). The shortest real bond,
 * H–H, is 0.74 Å.
 */
export const MIN_INTERATOMIC_DISTANCE_ANGSTROM = 0.4;

export interface XtbInput {
  atoms: ReadonlyArray<{ element: string; xyzAngstrom: readonly number[] }>;
  charge: number;
  /** Spin multiplicity 2S+1; passed as --uhf (multiplicity − 1). */
  multiplicity: number;
  /** Geometry optimisation level, or false/undefined for a single point. */
  optimize?: XtbOptLevel | false;
  /** Hard wall-clock limit; the whole xtb process group is killed when it passes. */
  timeoutMs: number;
  /** Fermi smearing temperature (xtb default 300 K); higher values help SCF convergence of metal clusters. */
  electronicTemperatureK?: number;
  /**
   * Initial guess of the SCC charges. 'sad' (superposition of atomic densities, set through an
   * xcontrol `$scc guess=sad` block) often avoids the non-physical charge-separated solutions
   * GFN2 can fall into for early transition-metal clusters; 'default' is xtb's own guess.
   */
  scfGuess?: 'default' | 'sad';
  /** xtb --acc (default 1.0; lower is tighter). */
  accuracy?: number;
  /** xtb --iterations: SCC iteration limit (default 250). */
  maxScfIterations?: number;
  /** xtb --cycles: optimisation cycle limit (default: xtb's own, which grows with system size). */
  maxOptCycles?: number;
  /** OMP/MKL threads; 1 by default so parallel callers do not oversubscribe the CPU. */
  threads?: number;
  /** Scheduling niceness applied to the xtb process (0..19); 0 by default. */
  niceness?: number;
  /** Path or name of the executable; default "xtb" looked up on PATH. */
  xtbBinary?: string;
  /** Aborting kills the xtb process group and rejects with kind TIMEOUT. */
  signal?: AbortSignal;
}

export interface XtbAtom {
  index: number;
  element: string;
  atomicNumber: number;
  xyzAngstrom: Vec3;
  /** GFN2-xTB atomic partial charge (e). */
  partialCharge: number;
  /** Covalent coordination number (covCN of D4), dimensionless. */
  coordinationNumber: number;
  /** Static atomic dipole polarisability α(0) from D4, bohr³ (atomic units). */
  polarizabilityAu: number;
  /** Atomic C6 dispersion coefficient C6AA from D4, Eh·bohr⁶. */
  c6Au: number;
  /** Sum of this atom's Wiberg bond orders (xtb's "total" valence column). */
  wibergValence: number;
  /** Atomic dipole moment from the GFN2 multipole expansion, e·bohr. */
  atomicDipoleAu: Vec3;
}

export interface XtbWibergOrder {
  a: number;
  b: number;
  order: number;
}

export interface XtbBond {
  /** a < b; bonded by the distance rule of geometry.ts (BOND_TOLERANCE). */
  a: number;
  b: number;
  lengthAngstrom: number;
  /**
   * Wiberg bond order from xtb's `wbo` file. xtb writes only orders above 0.1, so 0 here means
   * "below 0.1", not exactly zero.
   */
  wibergOrder: number;
}

export interface XtbResult {
  method: 'GFN2-xTB';
  program: 'xtb';
  programVersion: string;
  charge: number;
  multiplicity: number;
  totalEnergyHartree: number;
  homoLumoGapEv: number;
  /**
   * |μ| in Debye about the centre of mass. An ion's dipole depends on the origin and xtb prints
   * it about the coordinate origin, so it is shifted here: μ_com = μ_origin − Q·R_com.
   */
  dipoleDebye: number;
  /** Dipole vector about the centre of mass, e·bohr. */
  dipoleAu: Vec3;
  /** Molecular static polarisability α(0) from D4, bohr³. */
  polarizabilityAu: number;
  /** Molecular C6 coefficient from D4, Eh·bohr⁶. */
  c6Au: number;
  fermiLevelEv: number | null;
  gradientNormHartreePerBohr: number | null;
  electronCount: number;
  unpairedElectrons: number;
  orbitalEnergiesEv: number[];
  orbitalOccupations: number[];
  atoms: XtbAtom[];
  bonds: XtbBond[];
  /** Every pair xtb reported (order > 0.1), whether or not bonded by the distance rule. */
  wibergOrders: XtbWibergOrder[];
  /** null for a single point. */
  optimization: { level: XtbOptLevel; converged: boolean; cycles: number | null } | null;
  settings: {
    electronicTemperatureK: number;
    accuracy: number;
    maxScfIterations: number;
    maxOptCycles: number | null;
    scfGuess: 'default' | 'sad';
    threads: number;
  };
  /** Results to treat with suspicion; the caller decides whether to use them. */
  warnings: XtbWarning[];
  wallTimeMs: number;
}

export interface XtbWarning {
  code: 'CHARGE_RUNAWAY' | 'OPT_NOT_CONVERGED';
  message: string;
}

/**
 * |q| above this on any atom marks a charge-runaway SCC solution: GFN2 can converge to states
 * with one metal atom near −4 e (seen here for Mo clusters; see grimme-lab/xtb#409 on early
 * transition metals). Real partial charges in these clusters stay well inside ±2 e.
 */
export const UNPHYSICAL_CHARGE_THRESHOLD = 2.0;

export type XtbErrorKind = 'NOT_INSTALLED' | 'SCF_NOT_CONVERGED' | 'TIMEOUT' | 'CRASHED' | 'INVALID_INPUT';

export class XtbError extends Error {
  constructor(
    readonly kind: XtbErrorKind,
    message: string,
    /** Last lines of xtb's stderr and error block, for CRASHED (and SCF_NOT_CONVERGED). */
    readonly outputTail?: string,
  ) {
    super(message);
    this.name = 'XtbError';
  }
}

const BOHR_PER_ANGSTROM = 1 / 0.529177210903;
const DEBYE_PER_AU = 2.541746473;

const DEFAULTS = { electronicTemperatureK: 300, accuracy: 1.0, maxScfIterations: 250, threads: 1, niceness: 0 };
const MAX_CAPTURE_BYTES = 32 * 1024 * 1024;

/** Live xtb process groups, so that a normal Node exit never leaves orphans computing. */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

export async function runXtb(input: XtbInput): Promise<XtbResult> {
  return runInTempDir(input, 2, (dir, stdout, atoms, settings) => parseOutputs(dir, stdout, atoms, input.optimize || null, input, settings));
}

export interface Gfn1Optimization {
  method: 'GFN1-xTB';
  atoms: GeometryAtom[];
  totalEnergyHartree: number;
  converged: boolean;
  wallTimeMs: number;
}

/**
 * GFN1-xTB geometry optimisation, geometry and energy only. GFN1's SCC is more forgiving than
 * GFN2's for bare transition-metal clusters, so a GFN1 pre-optimisation is a useful start for a
 * GFN2 optimisation that otherwise fails or falls into a charge-runaway solution.
 */
export async function runGfn1Optimization(input: XtbInput & { optimize: XtbOptLevel }): Promise<Gfn1Optimization> {
  return runInTempDir(input, 1, async (dir, stdout, atoms) => {
    const crashed = (what: string) => new XtbError('CRASHED', `xtb (GFN1) finished but ${what}`, errorTail(stdout, ''));
    const json = await readJson(dir, crashed);
    const optimized = parseXtbXyz(
      await readFile(path.join(dir, 'xtbopt.xyz'), 'utf8').catch(() => {
        throw crashed('wrote no xtbopt.xyz');
      }),
      atoms,
      crashed,
    );
    if (!Number.isFinite(json['total energy'])) throw crashed('reported no finite total energy');
    return {
      method: 'GFN1-xTB' as const,
      atoms: optimized,
      totalEnergyHartree: json['total energy'],
      converged: /GEOMETRY OPTIMIZATION CONVERGED AFTER/.test(stdout) && !/FAILED TO CONVERGE GEOMETRY OPTIMIZATION/.test(stdout),
    };
  });
}

async function runInTempDir<T>(
  input: XtbInput,
  gfn: 1 | 2,
  parse: (dir: string, stdout: string, atoms: GeometryAtom[], settings: XtbResult['settings']) => Promise<T>,
): Promise<T & { wallTimeMs: number }> {
  validateInput(input);
  const binary = await resolveBinary(input.xtbBinary ?? 'xtb');
  const settings: XtbResult['settings'] = {
    electronicTemperatureK: input.electronicTemperatureK ?? DEFAULTS.electronicTemperatureK,
    accuracy: input.accuracy ?? DEFAULTS.accuracy,
    maxScfIterations: input.maxScfIterations ?? DEFAULTS.maxScfIterations,
    maxOptCycles: input.maxOptCycles ?? null,
    scfGuess: input.scfGuess ?? 'default',
    threads: input.threads ?? DEFAULTS.threads,
  };
  const args = [
    'input.xyz',
    '--gfn',
    String(gfn),
    '--chrg',
    String(input.charge),
    '--uhf',
    String(input.multiplicity - 1),
    '--etemp',
    String(settings.electronicTemperatureK),
    '--acc',
    String(settings.accuracy),
    '--iterations',
    String(settings.maxScfIterations),
    '--json',
  ];
  if (input.optimize) {
    args.push('--opt', input.optimize);
    if (settings.maxOptCycles !== null) args.push('--cycles', String(settings.maxOptCycles));
  }

  const started = Date.now();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'xtb-'));
  try {
    const atoms: GeometryAtom[] = input.atoms.map((a) => ({ element: a.element, xyzAngstrom: [a.xyzAngstrom[0], a.xyzAngstrom[1], a.xyzAngstrom[2]] }));
    await writeFile(path.join(dir, 'input.xyz'), toXyz(atoms, 'ClusterAtlas xtb input'));
    if (settings.scfGuess === 'sad') {
      await writeFile(path.join(dir, 'xcontrol'), '$scc\n   guess=sad\n$end\n');
      args.push('--input', 'xcontrol');
    }
    const run = await execute(binary, args, dir, input, settings.threads);
    const stdout = run.stdout;
    if (run.timedOut) {
      throw new XtbError('TIMEOUT', `xtb did not finish within ${input.timeoutMs} ms${run.aborted ? ' (aborted)' : ''}; its process group was killed`);
    }
    if (/Self consistent charge iterator did not converge/.test(stdout)) {
      throw new XtbError(
        'SCF_NOT_CONVERGED',
        `xtb GFN${gfn} SCC did not converge within ${settings.maxScfIterations} iterations at ${settings.electronicTemperatureK} K (charge ${input.charge}, multiplicity ${input.multiplicity})${input.optimize ? ' during the optimisation' : ''}; a higher electronic temperature or another geometry may help`,
        errorTail(stdout, run.stderr),
      );
    }
    const inputProblem = /very short distance[^\n]*|Cannot map symbol[^\n]*|reading geometry input[^\n]*/.exec(stdout);
    if (inputProblem) throw new XtbError('INVALID_INPUT', `xtb rejected the geometry: ${inputProblem[0].trim()}`, errorTail(stdout, run.stderr));
    if (run.exitCode !== 0 || /abnormal termination/.test(run.stderr)) {
      throw new XtbError('CRASHED', `xtb exited with ${run.signal ? `signal ${run.signal}` : `code ${run.exitCode}`}`, errorTail(stdout, run.stderr));
    }
    const result = await parse(dir, stdout, atoms, settings);
    return { ...result, wallTimeMs: Date.now() - started };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function validateInput(input: XtbInput): void {
  const problems: string[] = [];
  if (!Array.isArray(input.atoms) || input.atoms.length === 0) problems.push('atoms must be a non-empty array');
  let protons = 0;
  (input.atoms ?? []).forEach((atom, i) => {
    const element = elementBySymbol(atom?.element);
    if (!element) problems.push(`atoms[${i}].element "${atom?.element}" is not an element symbol`);
    else if (element.atomicNumber > XTB_MAX_ATOMIC_NUMBER) problems.push(`atoms[${i}].element ${atom.element} is beyond Rn; GFN2-xTB has no parameters for it`);
    else protons += element.atomicNumber;
    const xyz = atom?.xyzAngstrom;
    if (!xyz || xyz.length !== 3 || !xyz.every(Number.isFinite)) problems.push(`atoms[${i}].xyzAngstrom must be three finite numbers`);
  });
  if (problems.length === 0) {
    const closest = shortestContact(input.atoms.map((a) => ({ element: a.element, xyzAngstrom: [a.xyzAngstrom[0], a.xyzAngstrom[1], a.xyzAngstrom[2]] })));
    if (closest && closest.distanceAngstrom < MIN_INTERATOMIC_DISTANCE_ANGSTROM) {
      problems.push(
        `atoms[${closest.a}] and atoms[${closest.b}] are only ${closest.distanceAngstrom.toFixed(3)} Å apart (minimum ${MIN_INTERATOMIC_DISTANCE_ANGSTROM} Å)`,
      );
    }
  }
  if (!Number.isInteger(input.charge)) problems.push(`charge ${input.charge} must be an integer`);
  if (!Number.isInteger(input.multiplicity) || input.multiplicity < 1) problems.push(`multiplicity ${input.multiplicity} must be an integer ≥ 1`);
  if (problems.length === 0) {
    // Core shells are closed, so total and valence electron counts have the same parity.
    const electrons = protons - input.charge;
    if (electrons < 0) problems.push(`charge ${input.charge} leaves ${electrons} electrons`);
    else if ((electrons + input.multiplicity - 1) % 2 !== 0) {
      problems.push(
        `multiplicity ${input.multiplicity} is impossible with ${electrons} electrons (${electrons % 2 === 0 ? 'even count needs an odd multiplicity' : 'odd count needs an even multiplicity'})`,
      );
    } else if (input.multiplicity - 1 > electrons)
      problems.push(`multiplicity ${input.multiplicity} needs more unpaired electrons than the ${electrons} present`);
  }
  if (input.optimize && !OPT_LEVELS.has(input.optimize)) problems.push(`optimize "${input.optimize}" must be one of ${[...OPT_LEVELS].join(', ')} or false`);
  if (!(Number.isFinite(input.timeoutMs) && input.timeoutMs > 0)) problems.push('timeoutMs must be a positive number');
  if (input.electronicTemperatureK !== undefined && !(input.electronicTemperatureK > 0 && input.electronicTemperatureK <= 50000)) {
    problems.push('electronicTemperatureK must be in (0, 50000]');
  }
  if (input.accuracy !== undefined && !(input.accuracy >= 0.0001 && input.accuracy <= 1000)) problems.push('accuracy must be in [0.0001, 1000]');
  for (const key of ['maxScfIterations', 'maxOptCycles', 'threads'] as const) {
    const value = input[key];
    if (value !== undefined && !(Number.isInteger(value) && value >= 1)) problems.push(`${key} must be a positive integer`);
  }
  if (input.scfGuess !== undefined && input.scfGuess !== 'default' && input.scfGuess !== 'sad')
    problems.push(`scfGuess "${input.scfGuess}" must be 'default' or 'sad'`);
  if (input.niceness !== undefined && !(Number.isInteger(input.niceness) && input.niceness >= 0 && input.niceness <= 19)) {
    problems.push('niceness must be an integer in 0..19');
  }
  if (problems.length > 0) throw new XtbError('INVALID_INPUT', `Invalid xtb input: ${problems.join('; ')}`);
}

async function resolveBinary(binary: string): Promise<string> {
  const candidates = binary.includes('/')
    ? [binary]
    : (process.env.PATH ?? '')
        .split(path.delimiter)
        .filter(Boolean)
        .map((dir) => path.join(dir, binary));
  for (const candidate of candidates) {
    try {
      await access(candidate, fsConstants.X_OK);
      return candidate;
    } catch {
      // try the next PATH entry
    }
  }
  throw new XtbError(
    'NOT_INSTALLED',
    `xtb executable "${binary}" not found${binary.includes('/') ? '' : ' on PATH'}; install it with \`apt-get install xtb\` (Debian/Ubuntu) or from https://github.com/grimme-lab/xtb/releases`,
  );
}

interface ProcessOutcome {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  aborted: boolean;
}

function execute(binary: string, args: string[], cwd: string, input: XtbInput, threads: number): Promise<ProcessOutcome> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, OMP_NUM_THREADS: String(threads), MKL_NUM_THREADS: String(threads), OPENBLAS_NUM_THREADS: String(threads) };
    // detached: xtb becomes a process-group leader, so a timeout can kill it and anything it forks.
    const child = spawn(binary, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let captured = 0;
    let timedOut = false;
    let aborted = false;
    const capture = (sink: Buffer[]) => (chunk: Buffer) => {
      captured += chunk.length;
      if (captured <= MAX_CAPTURE_BYTES) sink.push(chunk);
    };
    child.stdout.on('data', capture(stdout));
    child.stderr.on('data', capture(stderr));

    const pid = child.pid;
    const killGroup = () => {
      if (pid === undefined) return;
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    if (pid !== undefined) {
      liveGroups.add(pid);
      installExitHook();
      if (input.niceness) {
        try {
          os.setPriority(pid, input.niceness);
        } catch {
          // Lowering priority is a courtesy; running at normal priority is not an error.
        }
      }
    }
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, input.timeoutMs);
    const onAbort = () => {
      timedOut = true;
      aborted = true;
      killGroup();
    };
    if (input.signal?.aborted) onAbort();
    else input.signal?.addEventListener('abort', onAbort, { once: true });

    const cleanup = () => {
      clearTimeout(timer);
      input.signal?.removeEventListener('abort', onAbort);
      if (pid !== undefined) liveGroups.delete(pid);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      cleanup();
      if (error.code === 'ENOENT' || error.code === 'EACCES') {
        reject(new XtbError('NOT_INSTALLED', `xtb executable "${binary}" could not be started (${error.code}); install it with \`apt-get install xtb\``));
      } else {
        reject(new XtbError('CRASHED', `xtb could not be started: ${error.message}`));
      }
    });
    child.on('close', (exitCode, signal) => {
      cleanup();
      resolve({
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        exitCode,
        signal,
        timedOut,
        aborted,
      });
    });
  });
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pid of liveGroups) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
}

function errorTail(stdout: string, stderr: string): string {
  const block = /#{20,}\s*\n\[ERROR\][\s\S]*?#{20,}/.exec(stdout)?.[0] ?? '';
  const stderrTail = stderr
    .split('\n')
    .filter((line) => !/floating-point exceptions are signalling/.test(line))
    .slice(-15)
    .join('\n');
  return [block, stderrTail].filter(Boolean).join('\n').trim();
}

interface XtbJson {
  'total energy': number;
  'HOMO-LUMO gap/eV': number;
  'partial charges': number[];
  'atomic dipole moments'?: number[][];
  'number of electrons': number;
  'number of unpaired electrons': number;
  'orbital energies/eV'?: number[];
  'fractional occupation'?: number[];
  'xtb version'?: string;
}

async function readJson(dir: string, crashed: (what: string) => XtbError): Promise<XtbJson> {
  const text = await readFile(path.join(dir, 'xtbout.json'), 'utf8').catch(() => {
    throw crashed('wrote no xtbout.json');
  });
  try {
    return JSON.parse(text) as XtbJson;
  } catch (error) {
    throw crashed(`wrote an unreadable xtbout.json (${(error as Error).message})`);
  }
}

async function parseOutputs(
  dir: string,
  stdout: string,
  inputAtoms: GeometryAtom[],
  optimize: XtbOptLevel | null,
  input: XtbInput,
  settings: XtbResult['settings'],
): Promise<Omit<XtbResult, 'wallTimeMs'>> {
  const crashed = (what: string) => new XtbError('CRASHED', `xtb finished but ${what}`, errorTail(stdout, ''));
  const json = await readJson(dir, crashed);
  const n = inputAtoms.length;
  if (!Array.isArray(json['partial charges']) || json['partial charges'].length !== n) throw crashed(`xtbout.json has no partial charge per atom`);

  let atomsXyz = inputAtoms;
  let optimization: XtbResult['optimization'] = null;
  if (optimize) {
    const optXyz = await readFile(path.join(dir, 'xtbopt.xyz'), 'utf8').catch(() => {
      throw crashed('wrote no xtbopt.xyz after the optimisation');
    });
    atomsXyz = parseXtbXyz(optXyz, inputAtoms, crashed);
    const converged = /GEOMETRY OPTIMIZATION CONVERGED AFTER\s+(\d+)\s+ITERATIONS/.exec(stdout);
    const failed = /FAILED TO CONVERGE GEOMETRY OPTIMIZATION IN\s+(\d+)\s+ITERATIONS/.exec(stdout);
    optimization = { level: optimize, converged: Boolean(converged) && !failed, cycles: Number((converged ?? failed)?.[1] ?? NaN) || null };
  }

  const table = parsePropertyTable(stdout, n);
  if (!table) throw crashed('its covCN/q/C6/α(0) table could not be read');
  const wibergValence = parseWibergValences(stdout, n);
  const wibergOrders = parseWboFile(await readFile(path.join(dir, 'wbo'), 'utf8').catch(() => ''), n);
  const wboByPair = new Map(wibergOrders.map((w) => [`${w.a}-${w.b}`, w.order]));
  const dipole = /molecular dipole:[\s\S]*?full:\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)/.exec(stdout.slice(Math.max(0, stdout.lastIndexOf('molecular dipole:'))));
  const molecular = {
    c6: Number(/Mol\. C6AA \/au·bohr⁶\s*:\s*(\S+)/.exec(stdout)?.[1]),
    alpha: Number(/Mol\. α\(0\) \/au\s*:\s*(\S+)/.exec(stdout)?.[1]),
  };
  const fermi = [...stdout.matchAll(/Fermi-level\s+\S+\s+Eh\s+(\S+)\s+eV/g)].pop();
  const gradient = [...stdout.matchAll(/GRADIENT NORM\s+(\S+)\s+Eh/g)].pop();
  const version = /xtb version (\d+\.\d+\.\d+)/.exec(stdout)?.[1] ?? json['xtb version']?.split(' ')[0] ?? 'unknown';

  const atoms: XtbAtom[] = atomsXyz.map((atom, index) => {
    const row = table[index];
    const atomicDipole = json['atomic dipole moments']?.[index];
    return {
      index,
      element: atom.element,
      atomicNumber: row.atomicNumber,
      xyzAngstrom: atom.xyzAngstrom,
      partialCharge: json['partial charges'][index],
      coordinationNumber: row.covCN,
      polarizabilityAu: row.alpha,
      c6Au: row.c6,
      wibergValence: wibergValence[index],
      atomicDipoleAu: atomicDipole && atomicDipole.length === 3 ? [atomicDipole[0], atomicDipole[1], atomicDipole[2]] : [NaN, NaN, NaN],
    };
  });
  for (const atom of atoms) {
    const expected = elementBySymbol(atom.element)?.atomicNumber;
    if (expected !== atom.atomicNumber) throw crashed(`atom ${atom.index} came back as Z=${atom.atomicNumber}, expected ${atom.element} (Z=${expected})`);
  }
  const dipoleOrigin: Vec3 = dipole ? [Number(dipole[1]), Number(dipole[2]), Number(dipole[3])] : [NaN, NaN, NaN];
  const com = centreOfMassBohr(atomsXyz);
  const dipoleCom: Vec3 = [0, 1, 2].map((k) => dipoleOrigin[k] - input.charge * com[k]) as Vec3;
  const warnings: XtbWarning[] = [];
  const maxCharge = atoms.reduce((best, atom) => (Math.abs(atom.partialCharge) > Math.abs(best.partialCharge) ? atom : best));
  if (Math.abs(maxCharge.partialCharge) > UNPHYSICAL_CHARGE_THRESHOLD) {
    warnings.push({
      code: 'CHARGE_RUNAWAY',
      message: `atom ${maxCharge.index} (${maxCharge.element}) has partial charge ${maxCharge.partialCharge.toFixed(2)} e; GFN2 has probably converged to a non-physical charge-separated state`,
    });
  }
  if (optimization && !optimization.converged) {
    warnings.push({
      code: 'OPT_NOT_CONVERGED',
      message: `the ${optimization.level} optimisation stopped before converging${optimization.cycles ? ` (${optimization.cycles} cycles)` : ''}`,
    });
  }
  const bonds: XtbBond[] = findBonds(atomsXyz).map((bond) => ({ ...bond, wibergOrder: wboByPair.get(`${bond.a}-${bond.b}`) ?? 0 }));

  const numbers = [json['total energy'], json['HOMO-LUMO gap/eV']];
  if (!numbers.every(Number.isFinite)) throw crashed('xtbout.json lacks a finite total energy or HOMO-LUMO gap');
  return {
    method: 'GFN2-xTB',
    program: 'xtb',
    programVersion: version,
    charge: input.charge,
    multiplicity: input.multiplicity,
    totalEnergyHartree: json['total energy'],
    homoLumoGapEv: json['HOMO-LUMO gap/eV'],
    dipoleDebye: Math.hypot(...dipoleCom) * DEBYE_PER_AU,
    dipoleAu: dipoleCom,
    polarizabilityAu: molecular.alpha,
    c6Au: molecular.c6,
    fermiLevelEv: fermi ? Number(fermi[1]) : null,
    gradientNormHartreePerBohr: gradient ? Number(gradient[1]) : null,
    electronCount: json['number of electrons'],
    unpairedElectrons: json['number of unpaired electrons'],
    orbitalEnergiesEv: json['orbital energies/eV'] ?? [],
    orbitalOccupations: json['fractional occupation'] ?? [],
    atoms,
    bonds,
    wibergOrders,
    optimization,
    settings,
    warnings,
  };
}

function centreOfMassBohr(atoms: readonly GeometryAtom[]): Vec3 {
  let total = 0;
  const sum: Vec3 = [0, 0, 0];
  for (const atom of atoms) {
    const mass = elementBySymbol(atom.element)?.atomicMassU ?? 0;
    total += mass;
    for (let k = 0; k < 3; k++) sum[k] += mass * atom.xyzAngstrom[k];
  }
  return sum.map((value) => (value / total) * BOHR_PER_ANGSTROM) as Vec3;
}

/** xtbopt.xyz keeps input order; its comment line carries the energy, which we take from JSON. */
function parseXtbXyz(text: string, inputAtoms: GeometryAtom[], crashed: (what: string) => XtbError): GeometryAtom[] {
  const lines = text.split('\n');
  const n = inputAtoms.length;
  if (Number(lines[0]?.trim()) !== n) throw crashed(`xtbopt.xyz declares "${lines[0]?.trim()}" atoms, expected ${n}`);
  return inputAtoms.map((inputAtom, i) => {
    const fields = (lines[i + 2] ?? '').trim().split(/\s+/);
    const xyz = fields.slice(1, 4).map(Number);
    const symbol = fields[0] ? fields[0][0].toUpperCase() + fields[0].slice(1).toLowerCase() : '';
    if (symbol !== inputAtom.element || xyz.length !== 3 || !xyz.every(Number.isFinite)) throw crashed(`xtbopt.xyz line ${i + 3} is unreadable`);
    return { element: inputAtom.element, xyzAngstrom: [xyz[0], xyz[1], xyz[2]] };
  });
}

interface PropertyRow {
  atomicNumber: number;
  covCN: number;
  q: number;
  c6: number;
  alpha: number;
}

/** The last "#   Z   covCN   q   C6AA   α(0)" table in stdout (the final geometry's). */
function parsePropertyTable(stdout: string, n: number): PropertyRow[] | null {
  const start = stdout.lastIndexOf('covCN');
  if (start < 0) return null;
  const lines = stdout
    .slice(start)
    .split('\n')
    .slice(1, n + 1);
  const rows = lines.map((line) => {
    const f = line.trim().split(/\s+/);
    // "  1  42 Mo   1.873  -0.962  494.459  53.500"
    return { atomicNumber: Number(f[1]), covCN: Number(f[3]), q: Number(f[4]), c6: Number(f[5]), alpha: Number(f[6]) };
  });
  const ok = rows.length === n && rows.every((r) => [r.atomicNumber, r.covCN, r.q, r.c6, r.alpha].every(Number.isFinite));
  return ok ? rows : null;
}

/** "total" column of the last Wiberg printout; atoms not listed (no bonds > 0.1) get 0. */
function parseWibergValences(stdout: string, n: number): number[] {
  const valences = new Array<number>(n).fill(0);
  const start = stdout.lastIndexOf('Wiberg/Mayer (AO) data.');
  if (start < 0) return valences;
  for (const match of stdout.slice(start).matchAll(/^\s+(\d+)\s+\d+\s+[A-Za-z]{1,3}\s+(-?\d+\.\d+)\s+--/gm)) {
    const index = Number(match[1]) - 1;
    if (index >= 0 && index < n) valences[index] = Number(match[2]);
  }
  return valences;
}

/** `wbo` lines: "i j order" with 1-based atom numbers, pairs with order > 0.1. */
function parseWboFile(text: string, n: number): XtbWibergOrder[] {
  const orders: XtbWibergOrder[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 3) continue;
    const i = Number(f[0]) - 1;
    const j = Number(f[1]) - 1;
    const order = Number(f[2]);
    if (!Number.isInteger(i) || !Number.isInteger(j) || i === j || i < 0 || j < 0 || i >= n || j >= n || !Number.isFinite(order)) continue;
    orders.push({ a: Math.min(i, j), b: Math.max(i, j), order });
  }
  return orders.sort((x, y) => x.a - y.a || x.b - y.b);
}
