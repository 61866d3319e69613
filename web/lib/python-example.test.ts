import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PYTHON_EXAMPLE, PYTHON_GQL_EXAMPLE } from './python-example';

// The page shows the script CI runs (test/integration/python-example.test.ts); they must not drift.
test('the Python page shows docs/python/example.py exactly', () => {
  expect(PYTHON_EXAMPLE).toBe(readFileSync(path.join(__dirname, '..', '..', 'docs', 'python', 'example.py'), 'utf8'));
});

test('the Python page shows docs/python/gql_example.py exactly', () => {
  expect(PYTHON_GQL_EXAMPLE).toBe(readFileSync(path.join(__dirname, '..', '..', 'docs', 'python', 'gql_example.py'), 'utf8'));
});
