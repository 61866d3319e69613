/** bench:abuse's HTTP side: one request as an outcome, hostile attackers and their tally. */

/** How long an attacker waits for one answer. */
export const ATTACK_TIMEOUT_MS = 60_000;

/** What the bench's queries select; each response fills the part its query asks for. */
export interface ReplyBody {
  data?: {
    cluster?: { prediction?: { log10K1: number } | null } | null;
    clusters?: {
      edges: Array<{
        node: {
          id: string;
          charge: number;
          structure: { multiplicity: number; atoms: Array<{ element: string; xAngstrom: number; yAngstrom: number; zAngstrom: number }> };
        };
      }>;
    };
  } | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export interface Outcome {
  status: number; // 0: network error or timeout
  ms: number;
  retryAfter: boolean;
  body?: ReplyBody;
  error?: string;
}

export async function send(url: string, client: string, body: unknown, timeoutMs: number): Promise<Outcome> {
  const t0 = performance.now();
  try {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(Math.round(timeoutMs)),
    });
    const text = await res.text();
    let parsed: ReplyBody | undefined;
    try {
      parsed = JSON.parse(text) as ReplyBody;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, ms: performance.now() - t0, retryAfter: res.headers.has('retry-after'), body: parsed };
  } catch (err) {
    const e = err as Error & { cause?: Error };
    return { status: 0, ms: performance.now() - t0, retryAfter: false, error: `${e.name}: ${e.cause?.message ?? e.message}` };
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface AttackTally {
  statuses: Map<number, number>;
  /** Distinct client-side failures (status 0), for the report. */
  errors: Map<string, number>;
  /** Refusals and failures by status and extensions.code. */
  codes: Map<string, number>;
  refusals: number;
  refusalsWithRetryAfter: number;
  requests: number;
}

export const tally = (): AttackTally => ({ statuses: new Map(), errors: new Map(), codes: new Map(), refusals: 0, refusalsWithRetryAfter: 0, requests: 0 });
export function count(t: AttackTally, r: Outcome) {
  t.requests++;
  t.statuses.set(r.status, (t.statuses.get(r.status) ?? 0) + 1);
  if (r.error) t.errors.set(r.error, (t.errors.get(r.error) ?? 0) + 1);
  if (r.status >= 400) {
    const codes = [...new Set<string>((r.body?.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code ?? '?'))].join('+') || 'no body';
    const key = `${r.status} ${codes}`;
    t.codes.set(key, (t.codes.get(key) ?? 0) + 1);
  }
  if (r.status === 429 || r.status === 503) {
    t.refusals++;
    if (r.retryAfter) t.refusalsWithRetryAfter++;
  }
}

/** A hostile client: sends `next()` back to back until `until`. */
export async function attacker(url: string, client: string, next: (i: number) => unknown, until: number, t: AttackTally) {
  for (let i = 0; performance.now() < until; i++) {
    const r = await send(url, client, next(i), Math.min(ATTACK_TIMEOUT_MS, Math.max(1000, until - performance.now() + 5000)));
    count(t, r);
    if (r.status !== 200) await sleep(100);
  }
}
