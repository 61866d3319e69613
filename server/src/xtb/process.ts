import { constants as fsConstants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { XtbError } from './errors';
import { LaunchError, xtbLauncher } from './launcher';
import type { XtbInput } from './types';

/** Starting the xtb executable: PATH lookup, process group, timeout and abort, output capture. */

const MAX_CAPTURE_BYTES = 32 * 1024 * 1024;

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
  const env = { ...process.env, OMP_NUM_THREADS: String(threads), MKL_NUM_THREADS: String(threads), OPENBLAS_NUM_THREADS: String(threads) };
  let timedOut = false;
  let aborted = false;
  const kills: Array<() => void> = [];
  const kill = () => kills.forEach((k) => k());
  const timer = setTimeout(() => {
    timedOut = true;
    kill();
  }, input.timeoutMs);
  const onAbort = () => {
    timedOut = true;
    aborted = true;
    kill();
  };
  if (input.signal?.aborted) onAbort();
  else input.signal?.addEventListener('abort', onAbort, { once: true });
  const cleanup = () => {
    clearTimeout(timer);
    input.signal?.removeEventListener('abort', onAbort);
  };
  // xtb runs as a process-group leader in the launcher (launcher.ts), so a kill takes anything it forks.
  return xtbLauncher
    .run(
      { binary, args, cwd, env, niceness: input.niceness ?? 0, maxCaptureBytes: MAX_CAPTURE_BYTES },
      {
        onKill: (k) => {
          kills.push(k);
          // Aborted before the launcher had the run: kill it as soon as it starts.
          if (timedOut) k();
        },
      },
    )
    .then(
      (o) => {
        cleanup();
        return { ...o, timedOut, aborted };
      },
      (err: unknown) => {
        cleanup();
        if (err instanceof LaunchError && (err.code === 'ENOENT' || err.code === 'EACCES')) {
          throw new XtbError('NOT_INSTALLED', `xtb executable "${binary}" could not be started (${err.code}); install it with \`apt-get install xtb\``);
        }
        throw new XtbError('CRASHED', `xtb could not be started: ${(err as Error).message}`);
      },
    );
}
