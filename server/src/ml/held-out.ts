import { readFile } from 'node:fs/promises';
import { ModelUnavailableError } from './errors';

/** One cluster's out-of-fold prediction under one evaluation protocol (written by models/training/train.py). */
export interface HeldOutPrediction {
  protocol: string;
  protocolTitle: string;
  /** The fold or split in which the cluster was held out, e.g. "fold 6", "family Fe-V". */
  split: string;
  log10K1: number;
  log10K1Std: number;
}

interface OofFile {
  protocols: Array<{
    key: string;
    title: string;
    rows: Array<{ id: string; split: string; gin?: { meanLog10K1: number; stdLog10K1: number } }>;
  }>;
}

/**
 * Out-of-fold predictions by cluster id. Catalog clusters are the training set, so their
 * `prediction` is in-sample; these are what the model said about each one when it was held out.
 */
export async function loadHeldOutPredictions(file: string): Promise<Map<string, HeldOutPrediction[]>> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as OofFile;
  if (!Array.isArray(parsed?.protocols)) throw new ModelUnavailableError(`${file}: no "protocols" list`);
  const byCluster = new Map<string, HeldOutPrediction[]>();
  for (const protocol of parsed.protocols) {
    for (const row of protocol.rows ?? []) {
      if (!row.gin || !Number.isFinite(row.gin.meanLog10K1)) continue;
      const list = byCluster.get(row.id) ?? [];
      list.push({ protocol: protocol.key, protocolTitle: protocol.title, split: row.split, log10K1: row.gin.meanLog10K1, log10K1Std: row.gin.stdLog10K1 });
      byCluster.set(row.id, list);
    }
  }
  return byCluster;
}
