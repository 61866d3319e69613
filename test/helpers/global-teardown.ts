import type { TestStack } from './stack';

export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as { __clusterAtlasStack?: TestStack }).__clusterAtlasStack;
  await stack?.stop();
}
