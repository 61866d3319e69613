import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { UserRepository, type UserWithKeys } from '../db/user.repository';
import { AccountError, OPERATOR, UserService } from '../services/user.service';

const USAGE = `npm run users -- <command> [options]

  create-user --name <name> --role contributor|curator|admin [--label <key label>]
                                      a new account and its first API key (printed once)
  create-key  --user <name> [--label <key label>]
                                      another key for an account (printed once)
  list                                accounts and their keys (never the secrets)
  revoke-key  --key <key id>          the key stops working on the next request
  set-role    --user <name> --role contributor|curator|admin
  disable     --user <name>           every key and session of the account stops working
  enable      --user <name>

Uses the embedded Neo4j (stop \`npm start\` first) or the server at NEO4J_URI.
Actions from here are audited without an actor (the operator at the server).`;

class UsageError extends Error {}

function option(values: Record<string, string | boolean | undefined>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || !v.trim()) throw new UsageError(`--${name} is required`);
  return v;
}

async function userNamed(service: UserService, name: string): Promise<UserWithKeys> {
  const user = await service.userByName(name);
  if (!user) throw new AccountError('NOT_FOUND', `no user named "${name}"`);
  return user;
}

function printKey(text: string): void {
  console.log(`\nAPI key (shown once; store it now, it cannot be shown again):\n\n  ${text}\n`);
}

function describe(u: UserWithKeys): string {
  const lines = [`${u.name}  ${u.role}  id ${u.id}${u.disabledAt ? `  DISABLED ${u.disabledAt}` : ''}`];
  for (const k of u.keys) {
    const state = k.revokedAt ? `revoked ${k.revokedAt}` : `last used ${k.lastUsedAt ?? 'never'}`;
    lines.push(`    key ${k.id}  "${k.label}"  created ${k.createdAt}  ${state}`);
  }
  return lines.join('\n');
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      label: { type: 'string' },
      user: { type: 'string' },
      key: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  const known = ['create-user', 'create-key', 'list', 'revoke-key', 'set-role', 'disable', 'enable'];
  if (!known.includes(command)) throw new UsageError(`unknown command "${command}"`);
  const cfg = loadConfig();
  const db = await openDatabase(cfg, () => undefined);
  try {
    const service = new UserService(new UserRepository(db.executor));
    switch (command) {
      case 'create-user': {
        const created = await service.createUser(OPERATOR, { name: option(values, 'name'), role: option(values, 'role'), keyLabel: values.label });
        console.log(`created ${created.user.role} "${created.user.name}" (id ${created.user.id}) with key ${created.key.id}`);
        printKey(created.text);
        break;
      }
      case 'create-key': {
        const user = await userNamed(service, option(values, 'user'));
        const created = await service.createApiKey(OPERATOR, user.id, values.label);
        console.log(`created key ${created.key.id} for "${user.name}"`);
        printKey(created.text);
        break;
      }
      case 'list': {
        const users = await service.listUsers(OPERATOR);
        console.log(users.length ? users.map(describe).join('\n') : 'no users yet: npm run users -- create-user --name <you> --role admin');
        break;
      }
      case 'revoke-key': {
        const key = await service.revokeApiKey(OPERATOR, option(values, 'key'));
        console.log(`key ${key.id} revoked at ${key.revokedAt}`);
        break;
      }
      case 'set-role': {
        const user = await userNamed(service, option(values, 'user'));
        const updated = await service.setUserRole(OPERATOR, user.id, option(values, 'role'));
        console.log(`"${updated.name}" is now a ${updated.role}`);
        break;
      }
      case 'disable':
      case 'enable': {
        const user = await userNamed(service, option(values, 'user'));
        const updated = await service.setUserDisabled(OPERATOR, user.id, command === 'disable');
        console.log(`"${updated.name}" ${updated.disabledAt ? `disabled at ${updated.disabledAt}` : 'enabled'}`);
        break;
      }
    }
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).catch((err: Error) => {
  if (err instanceof UsageError) console.error(`users: ${err.message}\n\n${USAGE}`);
  else console.error(`users: ${err.message}`);
  process.exit(err instanceof UsageError ? 2 : 1);
});
