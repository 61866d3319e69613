import { GraphQLError } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, ID, Mutation, Query, Resolver, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import type { ApiKeyRecord, UserRecord, UserWithKeys } from '../db/user.repository';
import { AccountError, type CreatedKey } from '../services/user.service';
import { requireRole } from './auth-guard';
import type { GraphQLContext } from './context';
import { translateServiceErrors } from './error-middleware';
import { badInput, checkLength, ErrorCode, MAX_ID_LENGTH } from './errors';
import { ApiKey, AuthMethod, CreatedApiKey, CreateUserInput, CreateUserPayload, toUserRole, User, ViewerInfo } from './user.type';

/** Account refusals from the service, as stable codes. */
export const translateAccountErrors: MiddlewareFn = async (_action, next) => {
  try {
    return await next();
  } catch (err) {
    if (!(err instanceof AccountError)) throw err;
    if (err.kind === 'INVALID') throw badInput(err.field ?? 'input', err.message);
    const [code, status] =
      err.kind === 'FORBIDDEN' ? [ErrorCode.FORBIDDEN, 403] : err.kind === 'NOT_FOUND' ? [ErrorCode.NOT_FOUND, 404] : [ErrorCode.CONFLICT, 409];
    throw new GraphQLError(err.message, { extensions: { code, http: { status } } });
  }
};

function toApiKey(k: ApiKeyRecord): ApiKey {
  return Object.assign(new ApiKey(), k);
}

function toUser(u: UserRecord | UserWithKeys): User {
  return Object.assign(new User(), { ...u, role: toUserRole(u.role), keys: 'keys' in u ? u.keys.map(toApiKey) : [] });
}

function toCreated(c: CreatedKey): CreatedApiKey {
  return Object.assign(new CreatedApiKey(), { apiKey: toApiKey(c.key), key: c.text });
}

@ArgsType()
class CreateApiKeyArgs {
  @Field(() => ID) userId!: string;
  @Field(() => String, { nullable: true, description: 'At most 64 characters.' }) label?: string | null;
}

@Resolver()
@UseMiddleware(translateServiceErrors, translateAccountErrors)
export class UserResolver {
  @Query(() => ViewerInfo, { nullable: true, description: 'Who is calling: null for anonymous readers.' })
  viewer(@Ctx() ctx: GraphQLContext): ViewerInfo | null {
    const v = ctx.viewer;
    if (!v) return null;
    return Object.assign(new ViewerInfo(), {
      id: v.userId,
      name: v.name,
      role: toUserRole(v.role),
      via: v.via === 'key' ? AuthMethod.KEY : AuthMethod.SESSION,
    });
  }

  @Query(() => [User], {
    description: 'Accounts the caller manages (curators: contributors and themselves; admins: everyone), by name. Needs the curator role.',
  })
  async users(@Ctx() ctx: GraphQLContext): Promise<User[]> {
    const viewer = requireRole(ctx.viewer, 'curator');
    return (await ctx.services.users.listUsers(viewer)).map(toUser);
  }

  @Mutation(() => CreateUserPayload, { description: 'A new account with its first key (shown once). Curators create contributors; admins any role.' })
  async createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: GraphQLContext): Promise<CreateUserPayload> {
    const viewer = requireRole(ctx.viewer, 'curator');
    checkLength('input.name', input.name, 64);
    checkLength('input.keyLabel', input.keyLabel, 64);
    const created = await ctx.services.users.createUser(viewer, { name: input.name, role: input.role, keyLabel: input.keyLabel });
    const user = await ctx.services.users.userById(created.user.id);
    return Object.assign(new CreateUserPayload(), { user: toUser(user ?? created.user), created: toCreated(created) });
  }

  @Mutation(() => CreatedApiKey, { description: 'Another key for an account the caller manages (shown once).' })
  async createApiKey(@Args(() => CreateApiKeyArgs) args: CreateApiKeyArgs, @Ctx() ctx: GraphQLContext): Promise<CreatedApiKey> {
    const viewer = requireRole(ctx.viewer, 'curator');
    checkLength('userId', args.userId, MAX_ID_LENGTH);
    checkLength('label', args.label, 64);
    return toCreated(await ctx.services.users.createApiKey(viewer, args.userId, args.label));
  }

  @Mutation(() => ApiKey, { description: 'Revokes a key at once. Anyone may revoke their own keys; curators and admins those of accounts they manage.' })
  async revokeApiKey(@Arg('keyId', () => ID) keyId: string, @Ctx() ctx: GraphQLContext): Promise<ApiKey> {
    const viewer = requireRole(ctx.viewer, 'contributor');
    checkLength('keyId', keyId, MAX_ID_LENGTH);
    return toApiKey(await ctx.services.users.revokeApiKey(viewer, keyId));
  }

  @Mutation(() => User, { description: 'Disables (its keys and sessions stop working at once) or re-enables an account the caller manages.' })
  async setUserDisabled(@Arg('userId', () => ID) userId: string, @Arg('disabled', () => Boolean) disabled: boolean, @Ctx() ctx: GraphQLContext): Promise<User> {
    const viewer = requireRole(ctx.viewer, 'curator');
    checkLength('userId', userId, MAX_ID_LENGTH);
    await ctx.services.users.setUserDisabled(viewer, userId, disabled);
    const user = await ctx.services.users.userById(userId);
    if (!user) throw new AccountError('NOT_FOUND', 'user not found');
    return toUser(user);
  }
}
