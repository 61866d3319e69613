import { spawn } from 'node:child_process';
import { LAUNCHER_SOURCE, LaunchError, XtbLauncher } from './launcher';

const request = (binary: string, args: string[]) => ({
  binary,
  args,
  cwd: '/tmp',
  env: { PATH: process.env.PATH ?? '' },
  niceness: 0,
  maxCaptureBytes: 1 << 20,
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('XtbLauncher', () => {
  const launcher = new XtbLauncher();
  afterAll(() => launcher.close());

  it('runs a program from the launcher process and returns its output and exit code', async () => {
    const out = await launcher.run(request('/bin/sh', ['-c', 'echo out; echo err >&2; exit 3']));
    expect(out).toEqual({ stdout: 'out\n', stderr: 'err\n', exitCode: 3, signal: null });
  });

  it('kills the program (its process group) on request', async () => {
    let kill!: () => void;
    const t0 = Date.now();
    const run = launcher.run(request('/bin/sh', ['-c', 'sleep 30 & sleep 30; wait']), { onKill: (k) => (kill = k) });
    await new Promise((r) => setTimeout(r, 200));
    kill();
    const out = await run;
    expect(out.signal).toBe('SIGKILL');
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('reports a missing program as a LaunchError with its errno code', async () => {
    await expect(launcher.run(request('/nonexistent/xtb', []))).rejects.toEqual(expect.objectContaining({ code: 'ENOENT' }));
    await expect(launcher.run(request('/nonexistent/xtb', []))).rejects.toBeInstanceOf(LaunchError);
  });

  it('takes its programs down when the process that owns it is killed with SIGKILL', async () => {
    // A parent that starts `sleep 60` through its launcher, prints the sleep's pid, then waits.
    const parent = spawn(
      process.execPath,
      [
        '-e',
        `
        const { spawn } = require('node:child_process');
        const launcher = spawn(process.execPath, ['-e', ${JSON.stringify(launcherSourceForTest())}], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        launcher.on('message', (m) => { if (m.type === 'started') console.log(m.pid); });
        launcher.send({ type: 'spawn', id: 1, binary: '/bin/sleep', args: ['60'], cwd: '/tmp', env: { PATH: process.env.PATH }, niceness: 0, maxCaptureBytes: 1024 });
        setInterval(() => {}, 1000);
      `,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const pid = await new Promise<number>((resolve) => parent.stdout!.once('data', (b: Buffer) => resolve(Number(b.toString().trim()))));
    expect(alive(pid)).toBe(true);
    parent.kill('SIGKILL');
    const deadline = Date.now() + 10_000;
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(alive(pid)).toBe(false);
  });
});

/** The launcher's own source, as the API runs it (read from the module, not copied). */
function launcherSourceForTest(): string {
  return LAUNCHER_SOURCE;
}
