import { startTestStack } from './stack';
import { STACK_INFO_ENV, type StackInfo } from './stack-info';

export default async function globalSetup(): Promise<void> {
  const stack = await startTestStack();
  (globalThis as { __clusterAtlasStack?: unknown }).__clusterAtlasStack = stack;
  const info: StackInfo = {
    apiUrl: stack.api.url,
    boltUri: stack.db.uri,
    neo4jUser: stack.cfg.NEO4J_USER,
    neo4jPassword: stack.cfg.neo4jPassword,
    database: stack.cfg.NEO4J_DATABASE,
    datasetVersion: stack.datasetVersion,
    redisUrl: stack.redis.url,
  };
  process.env[STACK_INFO_ENV] = JSON.stringify(info);
}
