import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { GeometryAtom } from '../chem/geometry';
import { errorTail, XtbError } from './errors';
import { commandLine, resolveSettings, toGeometryAtoms, validateInput, writeInputFiles } from './input';
import { parseGfn1Outputs, parseOutputs } from './parse';
import { execute, resolveBinary } from './process';
import type { Gfn1Optimization, XtbInput, XtbOptLevel, XtbResult } from './types';

/**
 * Runs the xtb program (GFN2-xTB, Grimme group) on one geometry and parses what it writes.
 * Tested against xtb 6.5.1 (Debian package `xtb`). Each run gets a private temporary directory
 * because xtb always writes fixed file names (xtbout.json, wbo, xtbopt.xyz, xtbrestart) into
 * its working directory.
 */
export async function runXtb(input: XtbInput): Promise<XtbResult> {
  return runInTempDir(input, 2, (dir, stdout, atoms, settings) => parseOutputs(dir, stdout, atoms, input.optimize || null, input, settings));
}

/**
 * GFN1-xTB geometry optimisation, geometry and energy only. GFN1's SCC is more forgiving than
 * GFN2's for bare transition-metal clusters, so a GFN1 pre-optimisation is a useful start for a
 * GFN2 optimisation that otherwise fails or falls into a charge-runaway solution.
 */
export async function runGfn1Optimization(input: XtbInput & { optimize: XtbOptLevel }): Promise<Gfn1Optimization> {
  return runInTempDir(input, 1, (dir, stdout, atoms) => parseGfn1Outputs(dir, stdout, atoms));
}

async function runInTempDir<T>(
  input: XtbInput,
  gfn: 1 | 2,
  parse: (dir: string, stdout: string, atoms: GeometryAtom[], settings: XtbResult['settings']) => Promise<T>,
): Promise<T & { wallTimeMs: number }> {
  validateInput(input);
  const binary = await resolveBinary(input.xtbBinary ?? 'xtb');
  const settings = resolveSettings(input);
  const args = commandLine(input, gfn, settings);

  const started = Date.now();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'xtb-'));
  try {
    const atoms = toGeometryAtoms(input);
    await writeInputFiles(dir, atoms, settings);
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
