import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { elementBySymbol } from '../chem/elements';
import { findBonds, type GeometryAtom, type Vec3 } from '../chem/geometry';
import { errorTail, XtbError } from './errors';
import {
  UNPHYSICAL_CHARGE_THRESHOLD,
  type Gfn1Optimization,
  type XtbAtom,
  type XtbBond,
  type XtbInput,
  type XtbOptLevel,
  type XtbResult,
  type XtbWarning,
  type XtbWibergOrder,
} from './types';

/** Reading what xtb wrote (stdout, xtbout.json, xtbopt.xyz, wbo) into results. */

const BOHR_PER_ANGSTROM = 1 / 0.529177210903;
const DEBYE_PER_AU = 2.541746473;

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

export async function parseOutputs(
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

export /** xtbopt.xyz keeps input order; its comment line carries the energy, which we take from JSON. */
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
/** GFN1 pre-optimisation: only the optimised geometry, the energy and whether it converged. */
export async function parseGfn1Outputs(dir: string, stdout: string, atoms: GeometryAtom[]): Promise<Omit<Gfn1Optimization, 'wallTimeMs'>> {
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
}
