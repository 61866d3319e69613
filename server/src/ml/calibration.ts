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
