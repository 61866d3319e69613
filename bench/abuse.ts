import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { loadConfig } from '../server/src/config';
import { openDatabase } from '../server/src/db/database';
import { ensureSeeded } from '../server/src/load/ensure-seeded';
import { freePort } from '../test/helpers/free-port';
import { expensiveRequest, fixtures, hugeDocument, type Fixtures } from './abuse-attacks';
import { ATTACK_TIMEOUT_MS, attacker, count, send, sleep, tally, type AttackTally, type Outcome } from './abuse-client';
import { fmt, summarize } from './stats';

/**
 * `npm run bench:abuse`: is one cheap query still fast while the API is attacked?
 *
 * A cheap catalog query (one cluster with its model prediction, never from the cache) is timed
 * alone, then during each attack:
 *   (i)   8 clients sending the most expensive requests the limits accept (as many aliases as
 *         the cost analysis accepts, see mostExpensiveAccepted): aliased
 *         explain(structure:) with exact Shapley values, predict(structure:, optimize if accepted) on the
 *         largest catalog structure, aliased 8-atom motif searches (a new pattern each time,
 *         so the cache cannot help);
 *   (ii)  8 clients sending maximum-size documents: fragment spreads nested to the depth and
 *         token limits, and 100 kB XYZ documents;
 *   (iii) one client bursting 1,000 requests at once.
 * Every attacker is a distinct client: the bench talks to the API from 127.0.0.1, which the API
 * is told to trust as a proxy (TRUST_PROXY), and sends a different X-Forwarded-For per client.
 * The API runs with its default limits, a fresh process per phase (limits and caches start
 * empty), over one embedded Neo4j. Attackers are hostile: they ignore Retry-After, pausing only
 * 100 ms after a refusal so that the bench process itself does not spin on the 2 cores.
 *
 * Env: BENCH_PHASE_S (default 60: a p99 over ~600 samples, not the second-slowest of ~200) seconds per phase; BENCH_PHASES (default alone,i,iii,ii); BENCH_I_KINDS
 * (default 0,1,2: explain, predict, motif) the request kinds of attack (i).
 */

const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
const PHASE_S = Number(process.env.BENCH_PHASE_S ?? 60);
const CHEAP_CLIENT = '198.51.100.200';
const CHEAP_QUERY = 'query($id: ID!) { cluster(id: $id) { id formula log10K1 prediction { log10K1 log10K1Std } } }';
const CHEAP_TIMEOUT_MS = 30_000;

interface Api {
  url: string;
  child: ChildProcess;
}

async function startApi(env: NodeJS.ProcessEnv): Promise<Api> {
  const port = await freePort();
  // BENCH_API_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the API under attack.
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'dist', 'server', 'src', 'main.js')], {
    env: { ...env, API_PORT: String(port), API_HOST: '127.0.0.1', NODE_ENV: 'production', TRUST_PROXY: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (process.env.BENCH_VERBOSE) console.log(`  [api] ${line}`);
      // The API logs through pino: a JSON line in production, so look for the message inside it.
      if (line.includes('api: GraphQL at')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`API process exited with code ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

/** SIGTERM, then SIGKILL if the API does not exit (an attack can leave its event loop blocked). */
async function stopApi(api: Api): Promise<'clean' | 'killed'> {
  if (api.child.exitCode !== null) return 'clean';
  const exited = new Promise<void>((resolve) => api.child.once('exit', () => resolve()));
  api.child.kill('SIGTERM');
  const clean = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
  if (clean) return 'clean';
  api.child.kill('SIGKILL');
  await exited;
  return 'killed';
}

/** The cheap client: one request at a time with 50 ms between them, until `until`. */
async function cheapClient(url: string, ids: string[], until: number) {
  const ms: number[] = [];
  const failures: Outcome[] = [];
  for (let i = 0; performance.now() < until; i++) {
    // `nonce` is not a variable of the query (ignored by GraphQL) but is part of the cache key: every answer is computed.
    const r = await send(url, CHEAP_CLIENT, { query: CHEAP_QUERY, variables: { id: ids[i % ids.length], nonce: `${Date.now()}-${i}` } }, CHEAP_TIMEOUT_MS);
    if (r.status === 200 && !r.body?.errors && Number.isFinite(r.body?.data?.cluster?.prediction?.log10K1)) ms.push(r.ms);
    else {
      failures.push(r);
      ms.push(r.status === 0 ? CHEAP_TIMEOUT_MS : r.ms);
    }
    await sleep(50);
  }
  return { ms, failures };
}

/**
 * The API's event-loop delay: `reset` starts a window (allowed: the bench is a loopback peer with no
 * X-Forwarded-For), otherwise the window is read. Tells a blocked event loop from CPU contention.
 */
async function eventLoopWindow(url: string, reset: boolean): Promise<{ p99Ms: number; maxMs: number } | null> {
  try {
    const res = await fetch(`${url}/health/event-loop${reset ? '?reset=1' : ''}`, { signal: AbortSignal.timeout(CHEAP_TIMEOUT_MS) });
    const body = (await res.json()) as { p99Ms: number; maxMs: number };
    return { p99Ms: body.p99Ms, maxMs: body.maxMs };
  } catch {
    return null;
  }
}

/** (iii) one client, 1,000 cheap-but-real requests at once. */
async function burst(url: string, f: Fixtures, t: AttackTally) {
  await Promise.all(
    Array.from({ length: 1000 }, (_, i) =>
      send(url, '203.0.113.200', { query: CHEAP_QUERY, variables: { id: f.ids[i % f.ids.length], nonce: `burst-${i}` } }, ATTACK_TIMEOUT_MS).then((r) =>
        count(t, r),
      ),
    ),
  );
}

interface PhaseResult {
  name: string;
  /** The API's event-loop delay over the measured part of the phase (its /health/event-loop window). */
  loop: { p99Ms: number; maxMs: number } | null;
  cheap: ReturnType<typeof summarize>;
  cheapFailures: Outcome[];
  attack: AttackTally | null;
  stop: 'clean' | 'killed';
}

async function main() {
  console.log(`bench:abuse — ${PHASE_S} s per phase, default limits, attackers as distinct clients via X-Forwarded-For from a trusted 127.0.0.1`);
  const dataDir = path.join(ROOT, '.data', 'bench-abuse-neo4j');
  mkdirSync(dataDir, { recursive: true });
  // Neo4j lives in this process, the API in a child: an API killed after an attack leaves no orphan database.
  const password = 'bench-password-1234';
  const { NEO4J_URI: _external, ...inherited } = process.env;
  const dbCfg = loadConfig({ ...inherited, NEO4J_DATA_DIR: dataDir, NEO4J_PASSWORD: password, NEO4J_BOLT_PORT: String(await freePort()) });
  const quiet = () => undefined;
  const db = await openDatabase(dbCfg, quiet);
  const results: PhaseResult[] = [];
  try {
    await ensureSeeded(db, dbCfg, quiet);
    const apiEnv: NodeJS.ProcessEnv = { ...inherited, NEO4J_URI: db.uri, NEO4J_PASSWORD: password, NEO4J_USER: dbCfg.NEO4J_USER };

    const phases: Array<{ key: string; name: string }> = [
      { key: 'alone', name: 'alone' },
      { key: 'i', name: '(i) 8 clients, most expensive accepted requests' },
      { key: 'iii', name: '(iii) 1 client bursts 1,000 requests' },
      { key: 'ii', name: '(ii) 8 clients, maximum-size fragment and XYZ documents' },
    ];

    // BENCH_PHASES=alone,i,iii,ii (default all) runs a subset, e.g. while fixing one attack.
    const wanted = (process.env.BENCH_PHASES ?? 'alone,i,iii,ii').split(',').map((x) => x.trim());
    for (const phase of phases.filter((p) => wanted.includes(p.key))) {
      const api = await startApi(apiEnv);
      const f = await fixtures(api.url);
      // Warm-up: JIT, plans, ORT session (not measured).
      await cheapClient(api.url, f.ids, performance.now() + 2000);
      const until = performance.now() + PHASE_S * 1000;
      // Attackers run in their own process, so their thousand sockets do not slow the cheap client's clock.
      const attack: Promise<AttackTally | null> = phase.key === 'alone' ? Promise.resolve(null) : runAttackProcess(phase.key, api.url, f, PHASE_S * 1000);
      // Let the attack get going before the cheap client starts measuring.
      if (phase.key !== 'alone') await sleep(1000);
      await eventLoopWindow(api.url, true);
      const cheap = await cheapClient(api.url, f.ids, until);
      const loop = await eventLoopWindow(api.url, false);
      const t = await attack;
      const stop = await stopApi(api);
      // Queries the attack left running in Neo4j (motif searches) end within its transaction timeout.
      if (phase.key !== 'alone') await sleep(dbCfg.NEO4J_TX_TIMEOUT_MS);
      results.push({ name: phase.name, loop, cheap: summarize(cheap.ms), cheapFailures: cheap.failures, attack: t, stop });
      console.log(
        `  ${phase.name}: cheap p50 ${fmt(summarize(cheap.ms).p50, 1)} ms p99 ${fmt(summarize(cheap.ms).p99, 1)} ms (n = ${cheap.ms.length}); ` +
          `API event loop delay p99 ${loop ? fmt(loop.p99Ms, 1) : '?'} ms max ${loop ? fmt(loop.maxMs, 1) : '?'} ms; API stop: ${stop}`,
      );
    }
  } finally {
    await db.close();
  }

  const alone = results[0].cheap;
  const rows = results.map((r) => {
    const statuses = r.attack
      ? [...r.attack.statuses]
          .sort((a, b) => a[0] - b[0])
          .map(([s, n]) => `${s === 0 ? 'timeout' : s}×${n}`)
          .join(' ')
      : '—';
    const fiveXX = r.attack ? [...r.attack.statuses].filter(([s]) => s >= 500 && s !== 503).reduce((a, [, n]) => a + n, 0) : 0;
    const cheap5xx = r.cheapFailures.filter((x) => x.status >= 500).length;
    const retry = r.attack ? `${r.attack.refusalsWithRetryAfter}/${r.attack.refusals}` : '—';
    return [
      r.name,
      `${r.cheap.n}`,
      fmt(r.cheap.p50, 1),
      fmt(r.cheap.p99, 1),
      r === results[0] ? '1.00' : fmt(r.cheap.p99 / alone.p99),
      r.loop ? `${fmt(r.loop.p99Ms, 1)} / ${fmt(r.loop.maxMs, 1)}` : '?',
      `${r.cheapFailures.length}`,
      `${fiveXX + cheap5xx}`,
      statuses,
      retry,
      r.stop,
    ];
  });
  const header = [
    'phase',
    'cheap n',
    'p50 ms',
    'p99 ms',
    'p99 ÷ alone (≤ 3)',
    'API loop delay p99 / max ms',
    'cheap not OK',
    '5xx ≠ 503',
    'attackers got (status×count)',
    'Retry-After on 429/503',
    'API stop',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${rows.map(line).join('\n')}`);
  console.log('\ncheap query: one catalog cluster with its model prediction, computed every time (not from the cache), 50 ms think time;');
  console.log(
    '"cheap not OK": cheap requests that failed or timed out (30 s). "5xx ≠ 503": server faults over all clients (503 SERVER_BUSY is the designed answer of a full queue).',
  );
  console.log('"API stop: killed": the API did not exit within 10 s of SIGTERM after the attack (event loop still blocked).');
  for (const r of results) {
    const kinds = new Map<string, number>();
    for (const x of r.cheapFailures) {
      const key = `${x.status === 0 ? (x.error ?? 'timeout') : x.status} ${x.body?.errors?.[0]?.extensions?.code ?? ''}`.trim();
      kinds.set(key, (kinds.get(key) ?? 0) + 1);
    }
    if (kinds.size) console.log(`  ${r.name}: cheap failures ${[...kinds].map(([k, n]) => `${k}×${n}`).join(', ')}`);
    if (r.attack?.codes.size) console.log(`  ${r.name}: attackers' errors by code ${[...r.attack.codes].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
    if (r.attack?.errors.size) console.log(`  ${r.name}: attackers' client-side failures ${[...r.attack.errors].map(([k, n]) => `${k} ×${n}`).join('; ')}`);
  }
}

function attackFor(key: string): (url: string, f: Fixtures, until: number, t: AttackTally) => Promise<void> {
  if (key === 'i') {
    // BENCH_I_KINDS=0,1,2 (default all): which expensive kinds the 8 clients share, to attribute a slowdown.
    const kinds = (process.env.BENCH_I_KINDS ?? '0,1,2').split(',').map(Number);
    return (url, f, until, t) =>
      Promise.all(Array.from({ length: 8 }, (_, c) => attacker(url, `203.0.113.${c + 1}`, expensiveRequest(kinds[c % kinds.length], f), until, t))).then(
        () => undefined,
      );
  }
  if (key === 'iii') return (url, f, _until, t) => burst(url, f, t);
  return (url, _f, until, t) =>
    Promise.all(Array.from({ length: 8 }, (_, c) => attacker(url, `203.0.113.${c + 11}`, hugeDocument(c % 2), until, t))).then(() => undefined);
}

type WireTally = {
  statuses: Array<[number, number]>;
  errors: Array<[string, number]>;
  codes: Array<[string, number]>;
  refusals: number;
  refusalsWithRetryAfter: number;
  requests: number;
};

function runAttackProcess(key: string, url: string, f: Fixtures, durationMs: number): Promise<AttackTally> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename, '--attack', JSON.stringify({ key, url, f, durationMs })], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`attack process ${key} exited with ${code}`));
      const w = JSON.parse(out) as WireTally;
      resolve({ ...w, statuses: new Map(w.statuses), errors: new Map(w.errors), codes: new Map(w.codes) });
    });
  });
}

async function attackMain(arg: string) {
  const { key, url, f, durationMs } = JSON.parse(arg) as { key: string; url: string; f: Fixtures; durationMs: number };
  const t = tally();
  await attackFor(key)(url, f, performance.now() + durationMs, t);
  const wire: WireTally = { ...t, statuses: [...t.statuses], errors: [...t.errors], codes: [...t.codes] };
  process.stdout.write(JSON.stringify(wire));
}

if (process.argv[2] === '--attack') {
  attackMain(process.argv[3]).then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
} else
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
