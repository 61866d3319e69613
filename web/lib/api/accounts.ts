import { graphql } from './generated';

/** Account management (curators and admins), sent from the browser with the session's CSRF token. */
export const AccountKeyFields = graphql(`
  fragment AccountKey on ApiKey {
    id
    label
    createdAt
    lastUsedAt
    revokedAt
  }
`);

export const AccountUserFields = graphql(`
  fragment AccountUser on User {
    id
    name
    role
    createdAt
    disabledAt
    keys {
      ...AccountKey
    }
  }
`);

export const AccountUsersQuery = graphql(`
  query AccountUsers {
    viewer {
      id
      name
      role
    }
    users {
      ...AccountUser
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        ...AccountUser
      }
      created {
        key
      }
    }
  }
`);

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($userId: ID!, $label: String) {
    createApiKey(userId: $userId, label: $label) {
      key
      apiKey {
        ...AccountKey
      }
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($keyId: ID!) {
    revokeApiKey(keyId: $keyId) {
      ...AccountKey
    }
  }
`);

export const SetUserDisabledMutation = graphql(`
  mutation SetUserDisabled($userId: ID!, $disabled: Boolean!) {
    setUserDisabled(userId: $userId, disabled: $disabled) {
      ...AccountUser
    }
  }
`);
