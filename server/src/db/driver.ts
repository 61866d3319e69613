import neo4j, { type Driver } from 'neo4j-driver';

export interface DriverOptions {
  uri: string;
  user: string;
  password: string;
  acquireTimeoutMs: number;
}

export function createDriver(opts: DriverOptions): Driver {
  return neo4j.driver(opts.uri, neo4j.auth.basic(opts.user, opts.password), {
    // Integers become JS numbers here, once, for the whole app: counts and indices are far below 2^53.
    disableLosslessIntegers: true,
    connectionAcquisitionTimeout: opts.acquireTimeoutMs,
    connectionTimeout: opts.acquireTimeoutMs,
    maxTransactionRetryTime: 5000,
    userAgent: 'clusteratlas/0.1',
  });
}

/** Fails with a message a newcomer can act on instead of the driver's raw error. */
export async function verifyDriver(driver: Driver, uri: string, database: string): Promise<void> {
  try {
    await driver.verifyAuthentication({ database });
    await driver.executeQuery('RETURN 1', {}, { database });
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'Neo.ClientError.Security.Unauthorized') {
      throw new Error(`Neo4j at ${uri} rejected the credentials: check NEO4J_USER / NEO4J_PASSWORD.`, { cause: err });
    }
    if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
      throw new Error(`Neo4j at ${uri} has no database "${database}": check NEO4J_DATABASE.`, { cause: err });
    }
    throw new Error(`Cannot reach Neo4j at ${uri}: ${(err as Error).message}`, { cause: err });
  }
}
