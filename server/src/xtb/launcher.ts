import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Starts xtb processes from a small helper process instead of the API itself.
 *
 * Node's spawn() forks the calling process before exec, and fork copies the page tables of the
 * whole address space on the calling thread: with the API's few hundred MB (model, caches) that
 * blocks its event loop 13–30 ms per xtb run (measured: 13 ms at +200 MB, 32 ms at +500 MB), so
 * a client sending predict() after predict() would slow every other client's cheap read. The
 * launcher is a bare Node process of a few tens of MB, started once; forking it costs ~1 ms and
 * blocks nobody. It dies with the API (its IPC channel closes) and takes its xtb groups with it.
 */

export interface LaunchRequest {
  binary: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  niceness: number;
  maxCaptureBytes: number;
}

export interface LaunchOutcome {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
}

/** The launcher could not start the program (errno code such as ENOENT, EACCES). */
export class LaunchError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'LaunchError';
  }
}

type ToLauncher = ({ type: 'spawn'; id: number } & LaunchRequest) | { type: 'kill'; id: number };
type FromLauncher =
  { type: 'started'; id: number; pid: number } | { type: 'error'; id: number; code: string; message: string } | ({ type: 'exit'; id: number } & LaunchOutcome);

// Plain JavaScript so it runs the same from the compiled build and from TypeScript sources (Jest).
export const LAUNCHER_SOURCE = `
const { spawn } = require('node:child_process');
const os = require('node:os');
const groups = new Map();
const killGroup = (pid) => { try { process.kill(-pid, 'SIGKILL'); } catch {} };
process.on('message', (m) => {
  if (m.type === 'kill') { const pid = groups.get(m.id); if (pid !== undefined) killGroup(pid); else groups.set(m.id, -1); return; }
  if (groups.get(m.id) === -1) { groups.delete(m.id); process.send({ type: 'exit', id: m.id, stdout: '', stderr: '', exitCode: null, signal: 'SIGKILL' }); return; }
  let child;
  try {
    child = spawn(m.binary, m.args, { cwd: m.cwd, env: m.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) { process.send({ type: 'error', id: m.id, code: err.code || 'SPAWN_FAILED', message: err.message }); return; }
  const out = [], errOut = [];
  let captured = 0;
  const capture = (sink) => (chunk) => { captured += chunk.length; if (captured <= m.maxCaptureBytes) sink.push(chunk); };
  child.stdout.on('data', capture(out));
  child.stderr.on('data', capture(errOut));
  child.on('error', (err) => { groups.delete(m.id); process.send({ type: 'error', id: m.id, code: err.code || 'SPAWN_FAILED', message: err.message }); });
  if (child.pid !== undefined) {
    groups.set(m.id, child.pid);
    if (m.niceness) { try { os.setPriority(child.pid, m.niceness); } catch {} }
    process.send({ type: 'started', id: m.id, pid: child.pid });
  }
  child.on('close', (exitCode, signal) => {
    groups.delete(m.id);
    process.send({ type: 'exit', id: m.id, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(errOut).toString('utf8'), exitCode, signal });
  });
});
// The API is gone (exit, crash or SIGKILL): nobody will read the results.
process.on('disconnect', () => { for (const pid of groups.values()) if (pid > 0) killGroup(pid); process.exit(0); });
`;

interface Pending {
  resolve: (o: LaunchOutcome) => void;
  reject: (e: Error) => void;
}

export class XtbLauncher {
  private child: ChildProcess | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /** The launcher's process id once started (tests look for its xtb children). */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Runs the program to completion; `abort` kills its process group. */
  run(req: LaunchRequest, signal?: { onKill: (kill: () => void) => void }): Promise<LaunchOutcome> {
    const child = this.ensureStarted();
    const id = this.nextId++;
    return new Promise<LaunchOutcome>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      child.ref();
      (child.channel as { ref?: () => void } | undefined)?.ref?.();
      child.send({ type: 'spawn', id, ...req } satisfies ToLauncher);
      signal?.onKill(() => {
        if (this.pending.has(id) && this.child === child) child.send({ type: 'kill', id } satisfies ToLauncher);
      });
    });
  }

  private ensureStarted(): ChildProcess {
    if (this.child) return this.child;
    const child = spawn(process.execPath, ['-e', LAUNCHER_SOURCE], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { PATH: process.env.PATH ?? '' } });
    child.on('message', (msg: FromLauncher) => this.onMessage(msg));
    const lost = (why: string) => {
      if (this.child !== child) return;
      this.child = null;
      for (const p of this.pending.values()) p.reject(new LaunchError('LAUNCHER_LOST', `the xtb launcher ${why}`));
      this.pending.clear();
    };
    child.on('exit', (code, sig) => lost(`exited (${sig ?? code})`));
    child.on('error', (err) => lost(`failed: ${err.message}`));
    this.child = child;
    this.idle();
    return child;
  }

  private onMessage(msg: FromLauncher): void {
    if (msg.type === 'started') return;
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    if (msg.type === 'error') p.reject(new LaunchError(msg.code, msg.message));
    else p.resolve({ stdout: msg.stdout, stderr: msg.stderr, exitCode: msg.exitCode, signal: msg.signal });
    if (this.pending.size === 0) this.idle();
  }

  /** An idle launcher must not keep a script (or a test run) alive. */
  private idle(): void {
    this.child?.unref();
    (this.child?.channel as { unref?: () => void } | undefined)?.unref?.();
  }

  close(): void {
    this.child?.kill('SIGTERM');
    this.child = null;
  }
}

/** One launcher per process, started at the first xtb run. */
export const xtbLauncher = new XtbLauncher();
