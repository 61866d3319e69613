import { execFileSync } from 'node:child_process';
import path from 'node:path';

test('the committed GraphQL types in web/lib/api/generated match schema/schema.graphql', () => {
  const web = path.resolve(__dirname, '../../web');
  const bin = path.resolve(__dirname, '../../node_modules/.bin/graphql-codegen');
  // --check exits non-zero when generating now would change the committed files.
  expect(() => execFileSync(bin, ['--config', 'codegen.ts', '--check'], { cwd: web, stdio: 'pipe' })).not.toThrow();
});
