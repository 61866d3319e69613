export type XtbErrorKind = 'NOT_INSTALLED' | 'SCF_NOT_CONVERGED' | 'TIMEOUT' | 'CRASHED' | 'INVALID_INPUT';

export class XtbError extends Error {
  constructor(
    readonly kind: XtbErrorKind,
    message: string,
    /** Last lines of xtb's stderr and error block, for CRASHED (and SCF_NOT_CONVERGED). */
    readonly outputTail?: string,
  ) {
    super(message);
    this.name = 'XtbError';
  }
}

/** xtb's [ERROR] block from stdout and the end of stderr, so a failure says what xtb said. */
export function errorTail(stdout: string, stderr: string): string {
  const block = /#{20,}\s*\n\[ERROR\][\s\S]*?#{20,}/.exec(stdout)?.[0] ?? '';
  const stderrTail = stderr
    .split('\n')
    .filter((line) => !/floating-point exceptions are signalling/.test(line))
    .slice(-15)
    .join('\n');
  return [block, stderrTail].filter(Boolean).join('\n').trim();
}
