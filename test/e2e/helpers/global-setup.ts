import { startWebStack } from './stack';
import { WEB_STACK_ENV } from './stack-info';

export default async function globalSetup(): Promise<void> {
  const stack = await startWebStack();
  process.env[WEB_STACK_ENV] = JSON.stringify(stack);
}
