import { apiRequest } from './client';
import type { LimitsQuery as LimitsResult } from './generated/graphql';
import { LimitsQuery } from './queries';

export type ApiLimits = LimitsResult['limits'];
export type PredictLimits = ApiLimits['predict'];
export type MotifLimits = ApiLimits['motif'];

/**
 * The limits change only when the API is redeployed, so a site server asks once a minute at
 * most; a failure is not remembered, so the next page asks again.
 */
const TTL_MS = 60_000;
let cached: { at: number; value: Promise<ApiLimits> } | null = null;

export function loadLimits(now = Date.now()): Promise<ApiLimits> {
  if (cached && now - cached.at < TTL_MS) return cached.value;
  const value = apiRequest(LimitsQuery).then(({ data }) => data.limits);
  const entry = { at: now, value };
  cached = entry;
  value.catch(() => {
    if (cached === entry) cached = null;
  });
  return value;
}
