/** Connection facts global setup hands to test files (through the environment, which workers inherit). */
export const STACK_INFO_ENV = 'CLUSTERATLAS_TEST_STACK';

export interface StackInfo {
  apiUrl: string;
  boltUri: string;
  neo4jUser: string;
  neo4jPassword: string;
  database: string;
  datasetVersion: string;
  /** The stack's redis-server (with its password): the job queue and the shared API's rate-limit buckets. */
  redisUrl: string;
}

export function stackInfo(): StackInfo {
  const raw = process.env[STACK_INFO_ENV];
  if (!raw) throw new Error(`${STACK_INFO_ENV} is not set: run integration tests through jest's integration project`);
  return JSON.parse(raw) as StackInfo;
}
