import { randomBytes } from 'node:crypto';
import { createDriver } from '../../server/src/db/driver';
import { Executor } from '../../server/src/db/executor';
import { UserRepository } from '../../server/src/db/user.repository';
import type { Role } from '../../server/src/auth/viewer';
import { OPERATOR, UserService } from '../../server/src/services/user.service';
import { stackInfo } from './stack-info';

export interface TestAccount {
  id: string;
  name: string;
  role: Role;
  keyId: string;
  key: string;
}

/**
 * Accounts in the shared test database, made the way `npm run users` makes them (the operator),
 * with names unique to this run; `cleanup()` removes exactly what was made here (users, their
 * keys, sessions and audit events), never anything else.
 */
export function testAccounts() {
  const info = stackInfo();
  const driver = createDriver({ uri: info.boltUri, user: info.neo4jUser, password: info.neo4jPassword, acquireTimeoutMs: 5000 });
  const executor = new Executor(driver, info.database, 30_000);
  const repository = new UserRepository(executor);
  const service = new UserService(repository);
  const run = randomBytes(4).toString('hex');
  const made: string[] = [];

  return {
    executor,
    service,
    async create(role: Role, name = `${role}-${run}-${made.length}`): Promise<TestAccount> {
      const created = await service.createUser(OPERATOR, { name, role, keyLabel: 'test' });
      made.push(created.user.id);
      return { id: created.user.id, name: created.user.name, role, keyId: created.key.id, key: created.text };
    },
    /** Users created through the API by these tests, to be removed as well. */
    adopt(userId: string) {
      made.push(userId);
    },
    async cleanup() {
      try {
        await executor.write(
          {
            cypher: `MATCH (u:User) WHERE u.id IN $ids
OPTIONAL MATCH (k:ApiKey)-[:KEY_OF]->(u)
WITH u, collect(k) AS keys
OPTIONAL MATCH (e:AuditEvent)-[:ON|BY]->(t) WHERE t = u OR t IN keys
WITH u, keys, collect(e) AS events
FOREACH (x IN events | DETACH DELETE x)
FOREACH (x IN keys | DETACH DELETE x)
DETACH DELETE u`,
            params: { ids: made },
          },
          { purpose: 'test cleanup' },
        );
        await executor.write(
          { cypher: 'MATCH (s:Session) WHERE any(id IN $ids WHERE s.dataJson CONTAINS id) DELETE s', params: { ids: made } },
          { purpose: 'test cleanup' },
        );
      } finally {
        await driver.close();
      }
    },
  };
}
