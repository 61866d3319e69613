import { removeTmp, stopServices } from './stack';
import { WEB_STACK_ENV } from './stack-info';
import type { WebStack } from './stack';

export default async function globalTeardown(): Promise<void> {
  const raw = process.env[WEB_STACK_ENV];
  if (!raw) return;
  const stack = JSON.parse(raw) as WebStack;
  await stopServices(stack.services);
  removeTmp(stack.tmpDir);
}
