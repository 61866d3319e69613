import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const ciRun = readFileSync(path.join(root, '.ci/run'), 'utf8');
const commands = ciRun.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));

/** The Quick start's fenced blocks: what a newcomer copies. */
function quickStartBlocks(): string[] {
  const start = readme.indexOf('## Quick start');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end);
  return [...section.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]);
}

describe('README commands and .ci/run stay one thing', () => {
  it('the Quick start shows the two newcomer commands verbatim, each on its own line', () => {
    const lines = quickStartBlocks().join('\n').split('\n');
    expect(lines).toContain('npm ci && npm start');
    expect(lines).toContain('npm ci && npm test');
  });

  it('the Quick start has one apt-get line, which .ci/run reads rather than repeats', () => {
    const aptLines = quickStartBlocks()
      .join('\n')
      .split('\n')
      .filter((l) => l.includes('apt-get install'));
    expect(aptLines).toHaveLength(1);
    // The same extraction .ci/run performs.
    expect(aptLines[0]).toMatch(/^apt-get update && apt-get install -y /);
    const pkgs = aptLines[0].replace(/^.*apt-get install -y /, '').split(/\s+/);
    for (const needed of ['openjdk-17-jdk-headless', 'maven', 'xtb', 'chromium', 'python3-torch']) expect(pkgs).toContain(needed);
    expect(ciRun).toContain("grep -m1 -E '^apt-get update && apt-get install -y ' README.md");
    expect(ciRun).toContain("grep -m1 -xF 'npm ci && npm test' README.md");
  });

  it('the one pip line (crepes into the Python the model scripts use) is read from the README too', () => {
    const pipLines = quickStartBlocks()
      .join('\n')
      .split('\n')
      .filter((l) => l.includes('pip install'));
    expect(pipLines).toHaveLength(1);
    expect(pipLines[0]).toMatch(/^\/usr\/bin\/python3 -m pip install /);
    expect(ciRun).toContain("grep -m1 -E '^/usr/bin/python3 -m pip install ' README.md");
    expect(commands.some((l) => l.includes('bash -c "$pip_line"'))).toBe(true);
  });

  it('.ci/run sets no environment and runs no build or test step of its own', () => {
    expect(commands.filter((l) => /^\s*export\b/.test(l))).toEqual([]);
    expect(ciRun).not.toMatch(/ONNXRUNTIME|TEST_MODELS_DIR|NEO4J_/);
    const tools = commands.filter((l) => /\b(npm|npx|mvn|jest|tsc|python3)\b/.test(l));
    // Only version prints, reading the README, and running what was read.
    const ownSteps = tools.filter(
      (l) => !/--version/.test(l) && !/grep .* README\.md\)$/.test(l) && l.trim() !== 'bash -c "$test_cmd"' && !l.includes('bash -c "$pip_line"'),
    );
    expect(ownSteps).toEqual([]);
    expect(commands.some((l) => l.trim() === 'bash -c "$test_cmd"')).toBe(true);
  });

  it('a plain npm ci downloads nothing beyond the npm registry', () => {
    const npmrc = readFileSync(path.join(root, '.npmrc'), 'utf8');
    expect(npmrc.split('\n')).toContain('onnxruntime-node-install=skip');
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.allowScripts['onnxruntime-node']).toBe(false);
  });
});
