import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ModelUnavailableError } from './errors';

/**
 * Conformal calibration of the served intervals (models/served/calibration.json, written by
 * models/training/calibrate.py with crepes). The quantiles are computed in Python from the held-out
 * residuals; the server only applies them, so the two sides cannot drift apart.
 */

const num = z.number().refine(Number.isFinite, 'must be finite');

const CalibrationSchema = z.object({
  protocol: z.string(),
  method: z.discriminatedUnion('score', [
    z.object({ name: z.string(), score: z.literal('absolute') }).catchall(z.unknown()),
    z.object({ name: z.string(), score: z.literal('sigma'), beta: num }).catchall(z.unknown()),
  ]),
  calibrationSetSize: z.number().int().min(1),
  halfWidth: z.object({ '68': num, '95': num }),
  /** Mondrian calibration: q per class; a prediction takes its cluster's class (one metal element or more). */
  halfWidthByNuclearity: z.object({ homonuclear: z.object({ '68': num, '95': num }), heteronuclear: z.object({ '68': num, '95': num }) }).optional(),
  /** Nested coverage per held-out metal family (n = held-out predictions: clusters × seed repeats). */
  nestedCoverageByFamily: z.object({ families: z.record(z.string(), z.object({ n: z.number().int().min(1), '68': num, '95': num })) }).optional(),
});

export type Calibration = z.infer<typeof CalibrationSchema>;
export type Nuclearity = 'homonuclear' | 'heteronuclear';

export interface PredictionInterval {
  confidence: number;
  lowLog10K1: number;
  highLog10K1: number;
  /** False when the interval was widened by a heuristic outside what the calibration covers. */
  calibrated: boolean;
}

/** Half-widths are multiplied by this for structures far from every training cluster in the embedding (not calibrated). */
export const OUT_OF_DOMAIN_WIDENING = 2;

export async function loadCalibration(file: string): Promise<Calibration> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new ModelUnavailableError(`calibration ${file} cannot be read: ${(err as Error).message}`, { cause: err });
  }
  const parsed = CalibrationSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ModelUnavailableError(`calibration ${file} does not match the expected schema: ${problems}`);
  }
  return parsed.data;
}

/**
 * 68 % and 95 % intervals around `log10K1` (ensemble SD `std`), clipped at the capture limit
 * (clipping an interval at a bound the true value respects cannot lose coverage). With a
 * Mondrian calibration, `nuclearity` picks the class's half-widths.
 */
export function conformalIntervals(
  calibration: Calibration,
  log10K1: number,
  std: number,
  upperLimitLog10K1: number,
  options: { widen?: boolean; nuclearity?: Nuclearity } = {},
): [PredictionInterval, PredictionInterval] {
  const halfWidth = (options.nuclearity && calibration.halfWidthByNuclearity?.[options.nuclearity]) || calibration.halfWidth;
  const scale = calibration.method.score === 'sigma' ? std + calibration.method.beta : 1;
  const factor = options.widen ? OUT_OF_DOMAIN_WIDENING : 1;
  const make = (confidence: number, q: number): PredictionInterval => ({
    confidence,
    lowLog10K1: Math.min(log10K1 - q * scale * factor, upperLimitLog10K1),
    highLog10K1: Math.min(log10K1 + q * scale * factor, upperLimitLog10K1),
    calibrated: !options.widen,
  });
  return [make(0.68, halfWidth['68']), make(0.95, halfWidth['95'])];
}

/** How far below nominal a family's nested coverage may fall before its predictions carry a caveat. */
export const FAMILY_COVERAGE_TOLERANCE = 0.05;

/**
 * The calibration guarantees coverage per class (homo-/heteronuclear), not per metal family. A
 * family whose own held-out predictions were covered clearly less often than nominal gets that
 * said next to every prediction for it, with the figures.
 */
export function familyCoverageCaveat(calibration: Calibration, family: string): string | null {
  const c = calibration.nestedCoverageByFamily?.families[family];
  if (!c) return null;
  const short = (['68', '95'] as const).filter((k) => c[k] < Number(k) / 100 - FAMILY_COVERAGE_TOLERANCE);
  if (!short.length) return null;
  const pct = (v: number) => `${Math.round(v * 100)} %`;
  return (
    `intervals are too narrow for the ${family} family: in the nested check (each family held out of training and calibration) ` +
    `its 68 % interval covered ${pct(c['68'])} and its 95 % interval ${pct(c['95'])} of its held-out predictions`
  );
}
