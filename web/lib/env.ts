/** Server-side settings, checked once on first use; every problem is listed at once. */
export interface WebEnv {
  /** The GraphQL endpoint of the ClusterAtlas API, reached from the Next server only. */
  apiUrl: URL;
}

let cached: WebEnv | undefined;

export function webEnv(env: NodeJS.ProcessEnv = process.env): WebEnv {
  if (cached) return cached;
  const problems: string[] = [];
  const raw = env.API_URL ?? 'http://127.0.0.1:4000/graphql';
  let apiUrl: URL | undefined;
  try {
    apiUrl = new URL(raw);
    if (apiUrl.protocol !== 'http:' && apiUrl.protocol !== 'https:') problems.push(`API_URL must be http(s), got "${raw}"`);
  } catch {
    problems.push(`API_URL is not a URL: "${raw}"`);
  }
  if (problems.length > 0 || !apiUrl) throw new Error(`Invalid web configuration:\n  ${problems.join('\n  ')}`);
  cached = { apiUrl };
  return cached;
}

/** The API's origin, for the bulk downloads served beside /graphql. */
export function apiOrigin(): string {
  return webEnv().apiUrl.origin;
}
