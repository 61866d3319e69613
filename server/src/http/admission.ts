import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import proxyaddr from 'proxy-addr';
import { logger } from '../logger';
import { ClientGoneError } from '../services/fair-queue';
import { currentClient, keyClientId, runAsClient } from '../services/request-client';
import { MemoryTokenBucket, type TakeResult, type TokenBucketStore } from './token-bucket';

/**
 * Admission control in front of the API: who the client is, and how much it may ask for.
 *
 * Client = the peer's IP address; X-Forwarded-For is believed only when the peer itself is a
 * trusted proxy (TRUST_PROXY, evaluated by proxy-addr, the code Express uses for `trust proxy`),
 * so a direct client cannot pick its own identity. An authenticated request is its key instead
 * (`key:<keyId>`, set by auth/http-auth.ts, which runs first).
 *
 * Rate limit: a token bucket per client (token-bucket.ts) holding at most RATE_LIMIT_POINTS
 * points and refilled at RATE_LIMIT_POINTS per RATE_LIMIT_WINDOW_S seconds; kept in Redis when
 * one is configured, so every API process sharing that Redis shares each client's bucket. Every
 * request costs 1 point before its body is read; once the operation is parsed, expensive fields
 * cost more (FIELD_CHARGES). A refused request takes no points.
 *
 * Headers (IETF draft-ietf-httpapi-ratelimit-headers, structured fields) on every response:
 *   RateLimit-Policy: "default";q=600;w=60      (bucket size; seconds to refill it from empty)
 *   RateLimit: "default";r=598;t=1              (points left, seconds until the bucket is full again)
 * and on a refusal: 429, Retry-After (seconds until the request's points are there),
 * extensions.code RATE_LIMITED.
 */

export const RATE_LIMITED = 'RATE_LIMITED';

/** Points charged for a parsed operation, beyond the 1 point every request pays. */
export type QueryCharge = (document: DocumentNode, operation: OperationDefinitionNode) => number;

/**
 * What the expensive fields cost, per occurrence (aliases count): xtb runs and exact Shapley
 * values take seconds of a core, a motif search up to the transaction timeout of a Neo4j core.
 */
export const FIELD_CHARGES: Readonly<Record<string, number>> = { predict: 20, explain: 10, motifSearch: 5, similar: 2 };
/** explain(structure:) runs xtb before the attributions. */
const EXPLAIN_STRUCTURE_EXTRA = 10;
const MAX_CHARGE = 1_000_000;

/**
 * Linear in the document: each fragment's charge is computed once and reused for every spread
 * (a fragment bomb costs its size, not its expansion). The result is capped, so huge products
 * stay finite; any charge above the quota is refused anyway.
 */
export const expensiveFieldCharge: QueryCharge = (document, operation) => {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();
  const chargeOf = (set: SelectionSetNode | undefined): number => {
    if (!set) return 0;
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        total += FIELD_CHARGES[sel.name.value] ?? 0;
        if (sel.name.value === 'explain' && sel.arguments?.some((a) => a.name.value === 'structure')) total += EXPLAIN_STRUCTURE_EXTRA;
        total += chargeOf(sel.selectionSet);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        total += chargeOf(sel.selectionSet);
      } else {
        const name = sel.name.value;
        // Cycles are a validation error; they cost nothing here.
        if (inProgress.has(name)) continue;
        let c = memo.get(name);
        if (c === undefined) {
          inProgress.add(name);
          c = chargeOf(fragments.get(name)?.selectionSet);
          inProgress.delete(name);
          memo.set(name, c);
        }
        total += c;
      }
      if (total >= MAX_CHARGE) return MAX_CHARGE;
    }
    return total;
  };
  return Math.min(MAX_CHARGE, chargeOf(operation.selectionSet));
};

export interface AdmissionOptions {
  /** TRUST_PROXY: comma-separated addresses/CIDRs/keywords, or "none". */
  trustProxy: string;
  points: number;
  windowS: number;
  /**
   * Requests of one client being answered at once; one more is refused 429 at once. Without it a
   * window's whole budget could arrive in the same millisecond and drain the database pool.
   */
  maxInFlight: number;
  /** The buckets (RedisTokenBucket to share them between API processes); in this process's memory by default. */
  buckets?: TokenBucketStore;
  charge?: QueryCharge;
}

export interface Admission {
  /** Before the body is read: identifies the client and charges 1 point (429 when spent). */
  limit: RequestHandler;
  /** After the body is read: runs the rest of the request as this client (job queues see it). */
  asClient: RequestHandler;
  /** Charges the parsed operation's expensive fields before it executes. */
  plugin: ApolloServerPlugin;
  clientOf(req: Request): string;
  /** Releases the bucket store (its Redis connection). */
  close(): Promise<void>;
}

export function parseTrustProxy(value: string): (addr: string, i: number) => boolean {
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0 || (list.length === 1 && list[0].toLowerCase() === 'none')) return () => false;
  try {
    return proxyaddr.compile(list);
  } catch (err) {
    throw new Error(`TRUST_PROXY "${value}": ${(err as Error).message} (use addresses, CIDRs, loopback, linklocal, uniquelocal, or none)`, { cause: err });
  }
}

function policy(points: number, windowS: number) {
  return `"default";q=${points};w=${windowS}`;
}

function state(res: TakeResult) {
  return `"default";r=${res.remaining};t=${Math.ceil(res.fullInMs / 1000)}`;
}

function refusal(points: number, windowS: number, res: TakeResult) {
  const retryAfterS = Math.max(1, Math.ceil(res.retryAfterMs / 1000));
  return {
    retryAfterS,
    message: `Rate limit reached: this client's bucket holds ${points} points, refilled at ${points} points per ${windowS} s (a request costs 1, expensive fields more); retry in ${retryAfterS} s.`,
    extensions: { code: RATE_LIMITED, retryAfterS, limitPoints: points, windowS },
  };
}

/** One warning per interval while the store fails, not one per request. */
const STORE_WARNING_INTERVAL_MS = 10_000;

export function createAdmission(opts: AdmissionOptions): Admission {
  const trust = parseTrustProxy(opts.trustProxy);
  const buckets = opts.buckets ?? new MemoryTokenBucket({ capacity: opts.points, refillPerSecond: opts.points / opts.windowS });
  const charge = opts.charge ?? expensiveFieldCharge;
  const clientOf = (req: Request) => keyClientId(req) ?? `ip:${proxyaddr(req, trust)}`;
  let lastStoreWarningMs = 0;
  const storeError = (err: unknown) => {
    // A store outage (Redis away) must not take the API down: admit, and let the queues protect the service.
    const now = Date.now();
    if (now - lastStoreWarningMs < STORE_WARNING_INTERVAL_MS) return;
    lastStoreWarningMs = now;
    logger.warn({ component: 'admission', err: (err as Error)?.message }, 'rate-limit store failed; admitting requests until it answers');
  };

  // Per process, like the queues: a cap on concurrency, not on volume, needs no shared store.
  const inFlight = new Map<string, number>();

  const limit: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    const clientId = clientOf(req);
    res.locals.clientId = clientId;
    res.setHeader('RateLimit-Policy', policy(opts.points, opts.windowS));
    const busy = inFlight.get(clientId) ?? 0;
    if (busy >= opts.maxInFlight) {
      res.setHeader('Retry-After', '1');
      res.status(429).json({
        errors: [
          {
            message: `This client already has ${opts.maxInFlight} requests being answered; wait for them before sending more.`,
            extensions: { code: RATE_LIMITED, reason: 'IN_FLIGHT', retryAfterS: 1, maxInFlight: opts.maxInFlight },
          },
        ],
      });
      return;
    }
    inFlight.set(clientId, busy + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const left = (inFlight.get(clientId) ?? 1) - 1;
      if (left > 0) inFlight.set(clientId, left);
      else inFlight.delete(clientId);
    };
    res.once('finish', release);
    res.once('close', release);
    buckets.take(clientId, 1).then(
      (r) => {
        res.setHeader('RateLimit', state(r));
        if (r.allowed) return next();
        const body = refusal(opts.points, opts.windowS, r);
        res.setHeader('Retry-After', String(body.retryAfterS));
        res.status(429).json({ errors: [{ message: body.message, extensions: body.extensions }] });
      },
      (err: unknown) => {
        storeError(err);
        next();
      },
    );
  };

  const asClient: RequestHandler = (_req, res, next) => {
    const gone = new AbortController();
    // 'close' after 'finish' is the normal end of a response; before it, the client left.
    res.once('close', () => {
      if (!res.writableFinished) gone.abort(new ClientGoneError());
    });
    runAsClient(String(res.locals.clientId ?? 'unknown'), next, gone.signal);
  };

  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, response }) {
          if (!operation) return;
          const extra = charge(document, operation);
          if (extra <= 0) return;
          const clientId = currentClient();
          let r: TakeResult;
          try {
            r = await buckets.take(clientId, extra);
          } catch (err) {
            return storeError(err);
          }
          if (!r.allowed) {
            const body = refusal(opts.points, opts.windowS, r);
            const headers = new HeaderMap([
              ['retry-after', String(body.retryAfterS)],
              ['ratelimit', state(r)],
              ['ratelimit-policy', policy(opts.points, opts.windowS)],
            ]);
            throw new GraphQLError(`${body.message} This operation costs ${extra + 1} points.`, {
              extensions: { ...body.extensions, costPoints: extra + 1, http: { status: 429, headers } },
            });
          }
          response.http.headers.set('ratelimit', state(r));
        },
      };
    },
  };

  return { limit, asClient, plugin, clientOf, close: () => buckets.close() };
}
