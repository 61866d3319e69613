import { GraphQLError } from 'graphql';
import { hasRole, type Role, type Viewer } from '../auth/viewer';
import { ErrorCode } from './errors';

/** The caller must be signed in with at least `minimum`: 401 UNAUTHENTICATED when anonymous, 403 FORBIDDEN when the role is too low. */
export function requireRole(viewer: Viewer | null | undefined, minimum: Role): Viewer {
  if (!viewer) {
    throw new GraphQLError('sign in first: send "Authorization: Bearer <API key>" or use a website session', {
      extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
    });
  }
  if (!hasRole(viewer, minimum)) {
    throw new GraphQLError(`this needs the ${minimum} role; you are signed in as a ${viewer.role}`, {
      extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
    });
  }
  return viewer;
}

/** A record the caller may not see is reported exactly like one that does not exist. */
export function notFound(what: string): GraphQLError {
  return new GraphQLError(`${what} not found`, { extensions: { code: ErrorCode.NOT_FOUND, http: { status: 404 } } });
}
