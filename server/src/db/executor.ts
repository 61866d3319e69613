import type { Driver, ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import { Neo4jError } from 'neo4j-driver';
import type { CypherQuery } from './cypher';

export interface RunOptions {
  /** Names the caller in Neo4j's query log (dbms.listTransactions shows it). */
  purpose: string;
  timeoutMs?: number;
}

/** The database could not answer (down, unreachable, or over its time budget). */
export class DatabaseUnavailableError extends Error {
  constructor(
    message: string,
    readonly reason: 'UNREACHABLE' | 'TIMEOUT',
  ) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

const UNREACHABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.Terminated',
]);

function translateError(err: unknown): unknown {
  if (err instanceof Neo4jError) {
    if (UNREACHABLE_CODES.has(err.code) || /acquisition timed out|Connection was closed|ECONNREFUSED/i.test(err.message)) {
      return new DatabaseUnavailableError('the database is unreachable', 'UNREACHABLE');
    }
    if (TIMEOUT_CODES.has(err.code)) return new DatabaseUnavailableError('the query took longer than its time budget', 'TIMEOUT');
  }
  return err;
}

/**
 * The only code that opens Neo4j sessions: names the database, uses managed transactions
 * (the driver retries transient failures), attaches metadata and a timeout, closes in finally.
 */
export class Executor {
  constructor(
    private readonly driver: Driver,
    readonly database: string,
    private readonly defaultTimeoutMs: number,
  ) {}

  async read<T = Record<string, unknown>>(query: CypherQuery, opts: RunOptions): Promise<T[]> {
    return this.run('READ', (tx) => tx.run(query.cypher, query.params), opts).then(toObjects<T>);
  }

  async write<T = Record<string, unknown>>(query: CypherQuery, opts: RunOptions): Promise<T[]> {
    return this.run('WRITE', (tx) => tx.run(query.cypher, query.params), opts).then(toObjects<T>);
  }

  /** Several statements in one transaction: all or nothing. */
  async writeAll(queries: CypherQuery[], opts: RunOptions): Promise<void> {
    await this.run(
      'WRITE',
      async (tx) => {
        for (const q of queries) await tx.run(q.cypher, q.params);
        return [] as Neo4jRecord[];
      },
      opts,
    );
  }

  /**
   * One transaction whose statements depend on what earlier ones returned (publishing a release,
   * a review decision). The driver may retry `work` on a transient failure, so it must have no
   * side effects outside the transaction.
   */
  async transaction<T>(work: (run: <R = Record<string, unknown>>(query: CypherQuery) => Promise<R[]>) => Promise<T>, opts: RunOptions): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: 'WRITE' });
    const config = { timeout: opts.timeoutMs ?? this.defaultTimeoutMs, metadata: { app: 'clusteratlas', purpose: opts.purpose } };
    try {
      return await session.executeWrite((tx) => work(async <R>(q: CypherQuery) => toObjects<R>((await tx.run(q.cypher, q.params)).records)), config);
    } catch (err) {
      throw translateError(err);
    } finally {
      await session.close();
    }
  }

  /**
   * Auto-commit: for schema statements (which cannot share a transaction with data) and
   * `CALL … IN TRANSACTIONS`. Not retried, so only for idempotent statements.
   */
  async autoCommit(query: CypherQuery, opts: RunOptions): Promise<void> {
    const session = this.driver.session({ database: this.database });
    try {
      await session.run(query.cypher, query.params, { metadata: { app: 'clusteratlas', purpose: opts.purpose } });
    } catch (err) {
      throw translateError(err);
    } finally {
      await session.close();
    }
  }

  private async run(
    mode: 'READ' | 'WRITE',
    work: (tx: ManagedTransaction) => Promise<{ records: Neo4jRecord[] } | Neo4jRecord[]>,
    opts: RunOptions,
  ): Promise<Neo4jRecord[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: mode });
    const config = { timeout: opts.timeoutMs ?? this.defaultTimeoutMs, metadata: { app: 'clusteratlas', purpose: opts.purpose } };
    try {
      const result = mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
      return Array.isArray(result) ? result : result.records;
    } catch (err) {
      throw translateError(err);
    } finally {
      await session.close();
    }
  }
}

function toObjects<T>(records: Neo4jRecord[]): T[] {
  return records.map((r) => r.toObject() as T);
}
