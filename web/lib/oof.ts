import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Out-of-fold predictions for the parity plot. The training script writes them as a static file
 * beside the model (models/oof-predictions.json); the API serves the model card but not this file.
 */
export interface OofRow {
  id: string;
  formula: string;
  charge: number;
  family: string;
  observedLog10K1: number;
  gin?: { meanLog10K1: number; stdLog10K1: number };
}

export interface OofProtocol {
  key: string;
  title: string;
  description: string;
  rows: OofRow[];
}

export type OofResult = { ok: true; protocols: OofProtocol[] } | { ok: false; reason: string };

export async function loadOofPredictions(): Promise<OofResult> {
  const file = path.resolve(process.env.MODELS_DIR ?? path.join(process.cwd(), '..', 'models'), 'oof-predictions.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { ok: false, reason: `The out-of-fold predictions file (${path.basename(file)}) has not been produced by training yet.` };
  }
  try {
    const parsed = JSON.parse(text) as { protocols?: unknown };
    if (!Array.isArray(parsed.protocols)) return { ok: false, reason: `${path.basename(file)} has no "protocols" list.` };
    const protocols = (parsed.protocols as OofProtocol[]).map((p) => ({ ...p, rows: p.rows.filter((r) => r.gin && Number.isFinite(r.observedLog10K1)) }));
    return { ok: true, protocols };
  } catch (err) {
    return { ok: false, reason: `${path.basename(file)} is not valid JSON: ${(err as Error).message}` };
  }
}
