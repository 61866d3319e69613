import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { Role } from '../auth/viewer';

/** GraphQL spelling of auth/viewer.ts's roles. */
export enum UserRole {
  CONTRIBUTOR = 'contributor',
  CURATOR = 'curator',
  ADMIN = 'admin',
}
registerEnumType(UserRole, {
  name: 'UserRole',
  description: 'Contributors submit data; curators also review it and manage contributors; admins also manage curators and admins.',
});

export enum AuthMethod {
  KEY = 'key',
  SESSION = 'session',
}
registerEnumType(AuthMethod, { name: 'AuthMethod', description: 'How the caller signed in: an API key (Authorization: Bearer) or a website session.' });

export function toUserRole(role: Role): UserRole {
  return role as UserRole;
}

@ObjectType({ description: 'The signed-in caller.' })
export class ViewerInfo {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => UserRole) role!: UserRole;
  @Field(() => AuthMethod) via!: AuthMethod;
}

@ObjectType({ description: 'An API key, without its secret (which is shown once, when the key is created, and never stored).' })
export class ApiKey {
  @Field(() => ID, { description: 'The public part of the key (`ca_<id>_…`).' }) id!: string;
  @Field() label!: string;
  @Field({ description: 'ISO 8601.' }) createdAt!: string;
  @Field(() => String, { nullable: true, description: 'ISO 8601, to the minute.' }) lastUsedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 8601; a revoked key is refused.' }) revokedAt!: string | null;
}

@ObjectType({ description: 'An account.' })
export class User {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => UserRole) role!: UserRole;
  @Field({ description: 'ISO 8601.' }) createdAt!: string;
  @Field(() => String, { nullable: true, description: "ISO 8601; a disabled account's keys and sessions are refused." }) disabledAt!: string | null;
  @Field(() => [ApiKey], { description: 'Its keys, oldest first (revoked ones included).' }) keys!: ApiKey[];
}

@ObjectType({ description: 'A new key. `key` is the only time the full key is ever shown: hand it to its owner now.' })
export class CreatedApiKey {
  @Field(() => ApiKey) apiKey!: ApiKey;
  @Field({ description: "The full key (`ca_<id>_<secret>`), for `Authorization: Bearer <key>` or the website's sign-in." }) key!: string;
}

@ObjectType()
export class CreateUserPayload {
  @Field(() => User) user!: User;
  @Field(() => CreatedApiKey, { description: "The new user's first key." }) created!: CreatedApiKey;
}

@InputType()
export class CreateUserInput {
  @Field({ description: '1-64 characters: letters, digits, space, dot, dash, underscore; unique.' }) name!: string;
  @Field(() => UserRole, { description: 'Curators may create contributors only.' }) role!: UserRole;
  @Field(() => String, { nullable: true, description: 'A label for the first key (at most 64 characters).' }) keyLabel?: string | null;
}
