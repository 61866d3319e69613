/**
 * Compare URLs: /compare?ids=A,B,C (order kept, duplicates dropped, at most four). Four is the
 * site's own layout limit (four columns fit 1280 px), not an API limit: the API takes up to
 * `limits.maxFilterListLength` ids.
 */
export const MAX_COMPARE_IDS = 4;
const ID = /^[A-Za-z0-9-]{1,64}$/;

export function parseCompareIds(raw: string | string[] | undefined): { ids: string[]; rejected: string[] } {
  const parts = (Array.isArray(raw) ? raw : raw ? [raw] : [])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  const ids: string[] = [];
  const rejected: string[] = [];
  for (const p of parts) {
    if (!ID.test(p)) rejected.push(p);
    else if (!ids.includes(p)) ids.push(p);
  }
  return { ids: ids.slice(0, MAX_COMPARE_IDS), rejected: [...rejected, ...ids.slice(MAX_COMPARE_IDS)] };
}

export function compareUrl(ids: string[]): string {
  return ids.length ? `/compare?ids=${ids.map(encodeURIComponent).join(',')}` : '/compare';
}
