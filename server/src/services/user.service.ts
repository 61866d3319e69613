import { randomUUID } from 'node:crypto';
import { generateKey, hashSecret } from '../auth/api-key';
import { canManage, canSetRoles, manageableRoles } from '../auth/permissions';
import { isRole, type Role, type Viewer } from '../auth/viewer';
import { DuplicateUserError, type ApiKeyRecord, type UserRecord, type UserRepository, type UserWithKeys } from '../db/user.repository';

/** The operator at the server's command line (`npm run users`): may do anything, audited without an actor. */
export const OPERATOR = null;
export type Actor = Viewer | typeof OPERATOR;

export type AccountErrorKind = 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'INVALID';

/** A refusal the caller can act on; `field` names the input at fault for INVALID. */
export class AccountError extends Error {
  constructor(
    readonly kind: AccountErrorKind,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._ -]{0,63}$/;
export const MAX_LABEL_CHARS = 64;

export function checkName(name: string): string {
  const trimmed = name.trim();
  if (!NAME_PATTERN.test(trimmed)) {
    throw new AccountError('INVALID', 'a user name is 1-64 characters: letters, digits, space, dot, dash, underscore, starting with a letter or digit', 'name');
  }
  return trimmed;
}

export function checkLabel(label: string | null | undefined): string {
  const trimmed = (label ?? '').trim();
  if (trimmed.length > MAX_LABEL_CHARS) throw new AccountError('INVALID', `a key label is at most ${MAX_LABEL_CHARS} characters`, 'label');
  return trimmed || 'default';
}

export interface CreatedKey {
  key: ApiKeyRecord;
  /** The full key text: returned once, to be handed to its owner, never stored or logged. */
  text: string;
}

/** Accounts and keys: the rules of who may manage whom (auth/permissions.ts) over the repository. */
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private audit(actor: Actor) {
    return { auditId: randomUUID(), actorId: actor?.userId ?? null, now: this.now().toISOString() };
  }

  private async newKey(label: string | null | undefined) {
    const generated = generateKey();
    return { generated, key: { keyId: generated.keyId, hash: await hashSecret(generated.secret), label: checkLabel(label) } };
  }

  async createUser(actor: Actor, input: { name: string; role: string; keyLabel?: string | null }): Promise<{ user: UserRecord } & CreatedKey> {
    const name = checkName(input.name);
    if (!isRole(input.role)) throw new AccountError('INVALID', 'role must be contributor, curator or admin', 'role');
    if (!canManage(actor, input.role)) throw new AccountError('FORBIDDEN', `a ${actor?.role} cannot create ${input.role} accounts`);
    const { generated, key } = await this.newKey(input.keyLabel);
    try {
      const user = await this.users.createUser({ ...this.audit(actor), userId: randomUUID(), name, role: input.role, key });
      const created = await this.users.user({ id: user.id });
      return { user, key: created!.keys[0], text: generated.text };
    } catch (err) {
      if (err instanceof DuplicateUserError) throw new AccountError('CONFLICT', err.message, 'name');
      throw err;
    }
  }

  async createApiKey(actor: Actor, userId: string, label?: string | null): Promise<CreatedKey> {
    const { generated, key } = await this.newKey(label);
    const created = await this.users.createKey({ ...this.audit(actor), userId, key, targetRoles: manageableRoles(actor) });
    if (!created) throw await this.refusal(actor, await this.users.user({ id: userId }), 'user');
    return { key: created, text: generated.text };
  }

  async revokeApiKey(actor: Actor, keyId: string): Promise<ApiKeyRecord> {
    // Anyone may revoke their own key (a leaked key must be killable by its owner).
    const owner = await this.users.keyOwner(keyId);
    const targetRoles = owner && actor && owner.id === actor.userId ? [owner.role] : manageableRoles(actor);
    const revoked = await this.users.revokeKey({ ...this.audit(actor), keyId, targetRoles });
    if (!revoked) throw await this.refusal(actor, owner, 'API key');
    return revoked;
  }

  async setUserDisabled(actor: Actor, userId: string, disabled: boolean): Promise<UserRecord> {
    if (actor && actor.userId === userId) throw new AccountError('FORBIDDEN', 'you cannot disable or enable your own account');
    const updated = await this.users.setUserDisabled({ ...this.audit(actor), userId, disabled, targetRoles: manageableRoles(actor) });
    if (!updated) throw await this.refusal(actor, await this.users.user({ id: userId }), 'user');
    return updated;
  }

  async setUserRole(actor: Actor, userId: string, role: string): Promise<UserRecord> {
    if (!isRole(role)) throw new AccountError('INVALID', 'role must be contributor, curator or admin', 'role');
    if (!canSetRoles(actor)) throw new AccountError('FORBIDDEN', 'only an admin can change roles');
    const updated = await this.users.setUserRole({ ...this.audit(actor), userId, role });
    if (!updated) throw new AccountError('NOT_FOUND', 'user not found');
    return updated;
  }

  /** Admins see every account; curators the contributors they manage (and themselves). */
  async listUsers(actor: Actor): Promise<UserWithKeys[]> {
    const roles = manageableRoles(actor);
    if (roles.length === 0) throw new AccountError('FORBIDDEN', 'listing users needs the curator role');
    const all = await this.users.listUsers(roles.length === 3 ? null : roles);
    if (actor && !all.some((u) => u.id === actor.userId)) {
      const self = await this.users.user({ id: actor.userId });
      if (self) all.unshift(self);
    }
    return all;
  }

  async userByName(name: string): Promise<UserWithKeys | null> {
    return this.users.user({ name });
  }

  async userById(id: string): Promise<UserWithKeys | null> {
    return this.users.user({ id });
  }

  /** Not found when it does not exist or the actor may not even see it; forbidden when visible but out of reach. */
  private async refusal(actor: Actor, target: { role: Role } | null, what: string): Promise<AccountError> {
    if (!target) return new AccountError('NOT_FOUND', `${what} not found`);
    return new AccountError('FORBIDDEN', `a ${actor?.role ?? 'operator'} cannot manage a ${target.role}'s account`);
  }
}
