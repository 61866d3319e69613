import type { ApolloServerPlugin } from '@apollo/server';
import { csrfSync } from 'csrf-sync';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import session from 'express-session';
import { GraphQLError } from 'graphql';
import proxyaddr from 'proxy-addr';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { UserRepository } from '../db/user.repository';
import { ErrorCode } from '../graphql/errors';
import { parseTrustProxy, RATE_LIMITED } from '../http/admission';
import { setRequestKey } from '../services/request-client';
import { MAX_KEY_CHARS } from './api-key';
import type { Authenticator } from './authenticator';
import { Neo4jSessionStore } from './session-store';
import type { Viewer } from './viewer';

declare module 'express-session' {
  interface SessionData {
    /** Set at sign-in: the key the session was opened with (checked again on every request) and its user. */
    auth?: { keyId: string; userId: string };
  }
}

export const CSRF_TOKEN_INVALID = 'CSRF_TOKEN_INVALID';
export const SESSION_COOKIE = 'ca_session';

export interface AuthHttpOptions {
  users: UserRepository;
  authenticator: Authenticator;
  /** TRUST_PROXY, as for admission: whose X-Forwarded-For / X-Forwarded-Proto is believed. */
  trustProxy: string;
  /** Signs the session cookie (express-session); the first of several is used to sign. */
  sessionSecret: string | string[];
  sessionTtlMs: number;
  /** Failed key attempts per client address per window before 429. */
  failurePoints: number;
  failureWindowS: number;
  /** Another store (RateLimiterRedis) for the failure budget; memory by default. */
  failureLimiter?: RateLimiterAbstract;
  log: (message: string, err?: unknown) => void;
}

export interface AuthHttp {
  /** Mounted in front of /graphql (before admission, which reads the key id as the client id). */
  middleware: RequestHandler[];
  /** /auth/session: sign in with a key (POST), who am I (GET), sign out (DELETE). */
  sessionRouter: Router;
  /** Refuses cookie-authenticated mutations without the CSRF token. */
  plugin: ApolloServerPlugin<{ viewer: Viewer | null }>;
  viewerOf(req: Request): Viewer | null;
  close(): void;
}

const viewers = new WeakMap<Request, Viewer>();

function problem(res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
  res
    .status(status)
    .set('cache-control', 'no-store')
    .json({ errors: [{ message, extensions: { code, ...extra } }] });
}

/** Deliberately the same for every kind of bad key, and never quoting it. */
const KEY_REFUSED = 'API key not accepted: it is malformed, unknown or revoked, or its account is disabled.';

export function createAuthHttp(opts: AuthHttpOptions): AuthHttp {
  const trust = parseTrustProxy(opts.trustProxy);
  const failures = opts.failureLimiter ?? new RateLimiterMemory({ keyPrefix: 'auth-failures', points: opts.failurePoints, duration: opts.failureWindowS });
  const addressOf = (req: Request) => proxyaddr(req, trust);
  /** https on this socket, or said so by a proxy we trust (the first X-Forwarded-Proto entry, as express-session reads it). */
  const viaHttps = (req: Request) => {
    if ((req.socket as { encrypted?: boolean }).encrypted) return true;
    if (!trust(req.socket.remoteAddress ?? '', 0)) return false;
    const proto = String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]
      .trim()
      .toLowerCase();
    return proto === 'https';
  };

  const store = new Neo4jSessionStore(opts.users, { ttlMs: opts.sessionTtlMs, onError: (err) => opts.log('session clean-up failed', err) });
  const sessions = session({
    name: SESSION_COOKIE,
    secret: opts.sessionSecret,
    store,
    resave: false,
    saveUninitialized: false,
    // express-session then reads X-Forwarded-Proto itself; `secure` below is only set when viaHttps() believes it.
    proxy: true,
    unset: 'destroy',
    // No Expires: the cookie ends with the browser; the server ends idle sessions after sessionTtlMs.
    cookie: (req) => ({ httpOnly: true, sameSite: 'strict', path: '/', secure: viaHttps(req) }),
  });

  const csrf = csrfSync({ size: 32, getTokenFromRequest: (req) => req.headers['x-csrf-token'] as string | undefined });

  const refuseKey = async (req: Request, res: Response): Promise<void> => {
    const address = addressOf(req);
    try {
      await failures.consume(address, 1);
    } catch (rej) {
      if (rej instanceof RateLimiterRes) return tooManyFailures(res, rej);
      opts.log('failed-key limiter store failed', rej);
    }
    problem(res, 401, ErrorCode.UNAUTHENTICATED, KEY_REFUSED);
  };

  const tooManyFailures = (res: Response, state: RateLimiterRes) => {
    const retryAfterS = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
    res.setHeader('Retry-After', String(retryAfterS));
    problem(
      res,
      429,
      RATE_LIMITED,
      `Too many failed API key attempts from this address: at most ${opts.failurePoints} per ${Math.round(opts.failureWindowS / 60)} min; retry in ${retryAfterS} s.`,
      { reason: 'AUTH_FAILURES', retryAfterS },
    );
  };

  /** The failure budget is checked before any key is looked at, so a spent address learns nothing more. */
  const failuresSpent = async (req: Request, res: Response): Promise<boolean> => {
    try {
      const state = await failures.get(addressOf(req));
      if (state && state.consumedPoints >= opts.failurePoints) {
        tooManyFailures(res, state);
        return true;
      }
    } catch (err) {
      opts.log('failed-key limiter store failed', err);
    }
    return false;
  };

  const admit = (req: Request, res: Response, viewer: Viewer) => {
    viewers.set(req, viewer);
    setRequestKey(req, viewer.keyId);
    // Read by the response cache: answers for a signed-in caller are neither served from it nor stored in it.
    res.locals.viewer = viewer;
    // Nor by any cache between here and the caller (a new key is in such an answer).
    res.setHeader('Cache-Control', 'private, no-store');
  };

  const bearer = (req: Request): string | null | undefined => {
    const header = req.headers.authorization;
    if (header === undefined) return undefined;
    const m = /^Bearer +(\S+) *$/i.exec(header);
    return m && m[1].length <= MAX_KEY_CHARS ? m[1] : null;
  };

  /** Bearer key, else a website session, else anonymous. */
  const authenticate: RequestHandler = (req, res, next) => {
    void (async () => {
      const presented = bearer(req);
      if (presented !== undefined) {
        if (await failuresSpent(req, res)) return;
        if (presented === null) return refuseKey(req, res);
        const check = await opts.authenticator.checkKey(presented);
        if (!check.ok) return refuseKey(req, res);
        admit(req, res, check.viewer);
        return next();
      }
      const auth = req.session?.auth;
      if (auth) {
        const check = await opts.authenticator.checkSessionKey(auth.keyId);
        if (!check.ok) {
          // The key was revoked or the account disabled: the session ends, the request goes on anonymously.
          await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
          return next();
        }
        admit(req, res, { ...check.viewer, csrfVerified: csrf.isRequestValid(req) });
      }
      next();
    })().catch(next);
  };

  const viewerBody = (v: Viewer) => ({ id: v.userId, name: v.name, role: v.role });

  const sessionRouter = express.Router();
  sessionRouter.use(sessions);
  sessionRouter.post('/', express.json({ limit: '2kb' }), (req, res, next) => {
    void (async () => {
      if (await failuresSpent(req, res)) return;
      const key = (req.body as { key?: unknown } | undefined)?.key;
      if (typeof key !== 'string' || key.length > MAX_KEY_CHARS) return refuseKey(req, res);
      const check = await opts.authenticator.checkKey(key.trim());
      if (!check.ok) return refuseKey(req, res);
      // A fresh session id at sign-in: a session id planted before sign-in is worth nothing after it.
      await new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err as Error) : resolve())));
      req.session.auth = { keyId: check.viewer.keyId, userId: check.viewer.userId };
      const csrfToken = csrf.generateToken(req, true);
      await new Promise<void>((resolve, reject) => req.session.save((err) => (err ? reject(err as Error) : resolve())));
      res.set('cache-control', 'no-store').json({ viewer: viewerBody(check.viewer), csrfToken });
    })().catch(next);
  });
  sessionRouter.get('/', (req, res, next) => {
    void (async () => {
      const auth = req.session.auth;
      const check = auth ? await opts.authenticator.checkSessionKey(auth.keyId) : null;
      if (!check?.ok) {
        if (auth) await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
        return problem(res, 401, ErrorCode.UNAUTHENTICATED, 'not signed in');
      }
      res.set('cache-control', 'no-store').json({ viewer: viewerBody(check.viewer), csrfToken: csrf.generateToken(req) });
    })().catch(next);
  });
  sessionRouter.delete('/', (req, res, next) => {
    if (!req.session.auth) {
      res.set('cache-control', 'no-store').json({ signedOut: true });
      return;
    }
    if (!csrf.isRequestValid(req)) return problem(res, 403, CSRF_TOKEN_INVALID, 'signing out needs the X-CSRF-Token header of this session');
    req.session.destroy((err) => {
      if (err) return next(err);
      res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: viaHttps(req) });
      res.set('cache-control', 'no-store').json({ signedOut: true });
    });
  });

  const plugin: ApolloServerPlugin<{ viewer: Viewer | null }> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          const viewer = contextValue.viewer;
          if (operation?.operation === 'mutation' && viewer?.via === 'session' && !viewer.csrfVerified) {
            throw new GraphQLError('a change made with a website session needs the X-CSRF-Token header of that session', {
              extensions: { code: CSRF_TOKEN_INVALID, http: { status: 403 } },
            });
          }
        },
      };
    },
  };

  // Anonymous requests (no session cookie) never touch express-session or the store.
  const sessionsIfCookie: RequestHandler = (req, res, next) => (req.headers.cookie?.includes(`${SESSION_COOKIE}=`) ? sessions(req, res, next) : next());

  return {
    middleware: [sessionsIfCookie, authenticate],
    sessionRouter,
    plugin,
    viewerOf: (req) => viewers.get(req) ?? null,
    close: () => store.close(),
  };
}

/** For handlers mounted after `middleware`: the request's viewer, or null. */
export function requestViewer(req: Request): Viewer | null {
  return viewers.get(req) ?? null;
}
