import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { elementBySymbol } from '../chem/elements';
import { shortestContact, toXyz, type GeometryAtom } from '../chem/geometry';
import { XtbError } from './errors';
import { MIN_INTERATOMIC_DISTANCE_ANGSTROM, OPT_LEVELS, XTB_MAX_ATOMIC_NUMBER, type XtbInput, type XtbResult } from './types';

/** Everything about an xtb run decided before the process starts: validation, settings, arguments, input files. */

const DEFAULTS = { electronicTemperatureK: 300, accuracy: 1.0, maxScfIterations: 250, threads: 1, niceness: 0 };

/** Every problem with the input at once, as one INVALID_INPUT error. */
export function validateInput(input: XtbInput): void {
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

export function resolveSettings(input: XtbInput): XtbResult['settings'] {
  return {
    electronicTemperatureK: input.electronicTemperatureK ?? DEFAULTS.electronicTemperatureK,
    accuracy: input.accuracy ?? DEFAULTS.accuracy,
    maxScfIterations: input.maxScfIterations ?? DEFAULTS.maxScfIterations,
    maxOptCycles: input.maxOptCycles ?? null,
    scfGuess: input.scfGuess ?? 'default',
    threads: input.threads ?? DEFAULTS.threads,
  };
}

export function commandLine(input: XtbInput, gfn: 1 | 2, settings: XtbResult['settings']): string[] {
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
  if (settings.scfGuess === 'sad') args.push('--input', 'xcontrol');
  return args;
}

export function toGeometryAtoms(input: XtbInput): GeometryAtom[] {
  return input.atoms.map((a) => ({ element: a.element, xyzAngstrom: [a.xyzAngstrom[0], a.xyzAngstrom[1], a.xyzAngstrom[2]] }));
}

/** input.xyz, plus an xcontrol file when the SAD guess is asked for (xtb has no flag for it). */
export async function writeInputFiles(dir: string, atoms: readonly GeometryAtom[], settings: XtbResult['settings']): Promise<void> {
  await writeFile(path.join(dir, 'input.xyz'), toXyz(atoms, 'ClusterAtlas xtb input'));
  if (settings.scfGuess === 'sad') await writeFile(path.join(dir, 'xcontrol'), '$scc\n   guess=sad\n$end\n');
}
