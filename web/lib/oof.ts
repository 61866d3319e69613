import { apiOrigin } from './env';

/**
 * Out-of-fold predictions for the parity plot. The training script writes them as a static file
 * beside the model (models/served/oof-predictions.json); the API serves it at /download/oof-predictions.json.
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
  // Served by the API beside /graphql, so the site needs no access to the model files.
  let text: string;
  try {
    const res = await fetch(`${apiOrigin()}/download/oof-predictions.json`, { cache: 'no-store', signal: AbortSignal.timeout(15000) });
    if (res.status === 503) return { ok: false, reason: 'The out-of-fold predictions are not available on this server.' };
    if (!res.ok) return { ok: false, reason: `The API answered HTTP ${res.status} for the out-of-fold predictions.` };
    text = await res.text();
  } catch {
    return { ok: false, reason: 'The ClusterAtlas API is not reachable right now.' };
  }
  try {
    const parsed = JSON.parse(text) as { protocols?: unknown };
    if (!Array.isArray(parsed.protocols)) return { ok: false, reason: 'The out-of-fold predictions have no "protocols" list.' };
    const protocols = (parsed.protocols as OofProtocol[]).map((p) => ({ ...p, rows: p.rows.filter((r) => r.gin && Number.isFinite(r.observedLog10K1)) }));
    return { ok: true, protocols };
  } catch (err) {
    return { ok: false, reason: `The out-of-fold predictions are not valid JSON: ${(err as Error).message}` };
  }
}
