import { spawn } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { access } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { XtbError } from './errors';
import type { XtbInput } from './types';

/** Starting the xtb executable: PATH lookup, process group, timeout and abort, output capture. */

const MAX_CAPTURE_BYTES = 32 * 1024 * 1024;

/** Live xtb process groups, so that a normal Node exit never leaves orphans computing. */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

export async function resolveBinary(binary: string): Promise<string> {
  const candidates = binary.includes('/')
    ? [binary]
    : (process.env.PATH ?? '')
        .split(path.delimiter)
        .filter(Boolean)
        .map((dir) => path.join(dir, binary));
  for (const candidate of candidates) {
    try {
      await access(candidate, fsConstants.X_OK);
      return candidate;
    } catch {
      // try the next PATH entry
    }
  }
  throw new XtbError(
    'NOT_INSTALLED',
    `xtb executable "${binary}" not found${binary.includes('/') ? '' : ' on PATH'}; install it with \`apt-get install xtb\` (Debian/Ubuntu) or from https://github.com/grimme-lab/xtb/releases`,
  );
}

export interface ProcessOutcome {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  aborted: boolean;
}

export function execute(binary: string, args: string[], cwd: string, input: XtbInput, threads: number): Promise<ProcessOutcome> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, OMP_NUM_THREADS: String(threads), MKL_NUM_THREADS: String(threads), OPENBLAS_NUM_THREADS: String(threads) };
    // detached: xtb becomes a process-group leader, so a timeout can kill it and anything it forks.
    const child = spawn(binary, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let captured = 0;
    let timedOut = false;
    let aborted = false;
    const capture = (sink: Buffer[]) => (chunk: Buffer) => {
      captured += chunk.length;
      if (captured <= MAX_CAPTURE_BYTES) sink.push(chunk);
    };
    child.stdout.on('data', capture(stdout));
    child.stderr.on('data', capture(stderr));

    const pid = child.pid;
    const killGroup = () => {
      if (pid === undefined) return;
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    if (pid !== undefined) {
      liveGroups.add(pid);
      installExitHook();
      if (input.niceness) {
        try {
          os.setPriority(pid, input.niceness);
        } catch {
          // Lowering priority is a courtesy; running at normal priority is not an error.
        }
      }
    }
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, input.timeoutMs);
    const onAbort = () => {
      timedOut = true;
      aborted = true;
      killGroup();
    };
    if (input.signal?.aborted) onAbort();
    else input.signal?.addEventListener('abort', onAbort, { once: true });

    const cleanup = () => {
      clearTimeout(timer);
      input.signal?.removeEventListener('abort', onAbort);
      if (pid !== undefined) liveGroups.delete(pid);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      cleanup();
      if (error.code === 'ENOENT' || error.code === 'EACCES') {
        reject(new XtbError('NOT_INSTALLED', `xtb executable "${binary}" could not be started (${error.code}); install it with \`apt-get install xtb\``));
      } else {
        reject(new XtbError('CRASHED', `xtb could not be started: ${error.message}`));
      }
    });
    child.on('close', (exitCode, signal) => {
      cleanup();
      resolve({
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        exitCode,
        signal,
        timedOut,
        aborted,
      });
    });
  });
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pid of liveGroups) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
}
