import type { WebStack } from './stack';

/** Global setup hands the running stack to test files through the environment (workers inherit it). */
export const WEB_STACK_ENV = 'CLUSTERATLAS_E2E_STACK';

export function webStack(): WebStack {
  const raw = process.env[WEB_STACK_ENV];
  if (!raw) throw new Error(`${WEB_STACK_ENV} is not set: run these tests with \`npm run test:e2e\` (jest project e2e).`);
  return JSON.parse(raw) as WebStack;
}
