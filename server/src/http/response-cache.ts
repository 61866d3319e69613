import type { ApolloServerPlugin } from '@apollo/server';
import type { Request, RequestHandler } from 'express';
import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';

/**
 * The catalog and the model change only with the dataset and model versions, so the answer to a
 * read query is a pure function of (query, operationName, variables, datasetVersion,
 * modelVersion). Answers are kept in an LRU bounded in bytes (lru-cache) and served without
 * running the query again; each carries a weak ETag, and a GET with a matching If-None-Match is
 * answered 304 with no body. (A POST is never 304: RFC 9110 reserves 304 for GET and HEAD.)
 *
 * Not cached: anything with errors, mutations, requests with credentials (an Authorization
 * header, or a signed-in website session: `res.locals.viewer` / `contextValue.viewer`, set by
 * auth/http-auth.ts; a signed-in caller may see more than the public), private fields (submissions), and operations that submit user structures (`predict`, `explain`
 * with `structure`): those run xtb on private input, and their answer is not catalog data.
 */

export interface CacheVersions {
  datasetVersion: string;
  modelVersion?: string | null;
  /** The latest release: a publish changes what requests without `release` answer. */
  release?: number;
}

/** Fields whose answer depends on who asks (signed-in users' own data): never cached, even for a request without credentials. */
const PRIVATE_FIELDS = new Set(['submissions', 'submission', 'viewer', 'users', 'apiKeys']);

export interface ResponseCacheOptions {
  maxBytes: number;
  maxEntryBytes: number;
  versions: () => CacheVersions;
}

interface Entry {
  body: string;
  etag: string;
}

export interface ResponseCache {
  /** After the body is read, before Apollo: answers from the cache when it can. */
  serve: RequestHandler;
  /** Stores cacheable answers and sets their ETag. */
  plugin: ApolloServerPlugin;
  readonly size: number;
}

/** The cache key of a request; the version pair is part of it, so a new release never sees old answers. */
export function cacheKey(query: string, operationName: string | null | undefined, variables: unknown, v: CacheVersions): string {
  return createHash('sha256')
    .update(JSON.stringify([query, operationName ?? null, variables ?? {}, v.datasetVersion, v.modelVersion ?? null, v.release ?? null]))
    .digest('base64url');
}

export function etagOf(body: string): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** True when the operation can be cached: a query without user structures. Linear: each fragment visited once. */
export function isCacheableOperation(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  const seen = new Set<string>();
  const stack: SelectionSetNode[] = [operation.selectionSet];
  while (stack.length) {
    for (const sel of stack.pop()!.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value === 'predict' || PRIVATE_FIELDS.has(sel.name.value)) return false;
        if (sel.arguments?.some((a) => a.name.value === 'structure')) return false;
        if (sel.selectionSet) stack.push(sel.selectionSet);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        stack.push(sel.selectionSet);
      } else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        const f = fragments.get(sel.name.value);
        if (f) stack.push(f);
      }
    }
  }
  return true;
}

/** Apollo's CSRF prevention, which a cached answer must not bypass: a non-simple content type or a preflight header. */
function passesCsrfCheck(req: Request): boolean {
  const type = req.headers['content-type'];
  if (type !== undefined) {
    const mime = type.split(';')[0].trim().toLowerCase();
    if (!['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'].includes(mime)) return true;
  }
  return req.headers['apollo-require-preflight'] !== undefined || req.headers['x-apollo-operation-name'] !== undefined;
}

/** query, operationName and variables of a GET or POST request, as Apollo reads them; null when malformed. */
function requestParts(req: Request): { query: string; operationName: string | null; variables: unknown } | null {
  if (req.method === 'GET' || req.method === 'HEAD') {
    const q = req.query as Record<string, unknown>;
    // Request extensions (a persisted-query hash, …) are Apollo's to check: never answered from here.
    if (typeof q.query !== 'string' || q.extensions !== undefined) return null;
    let variables: unknown = {};
    if (typeof q.variables === 'string') {
      try {
        variables = JSON.parse(q.variables);
      } catch {
        return null;
      }
    } else if (q.variables !== undefined) return null;
    return { query: q.query, operationName: typeof q.operationName === 'string' ? q.operationName : null, variables };
  }
  if (req.method !== 'POST') return null;
  const b = req.body as Record<string, unknown> | undefined;
  if (!b || typeof b !== 'object' || Array.isArray(b) || typeof b.query !== 'string' || b.extensions !== undefined) return null;
  if (b.operationName != null && typeof b.operationName !== 'string') return null;
  return { query: b.query, operationName: (b.operationName as string | undefined) ?? null, variables: b.variables ?? {} };
}

const CACHE_CONTROL = 'public, no-cache';

export function createResponseCache(opts: ResponseCacheOptions): ResponseCache {
  const lru =
    opts.maxBytes > 0
      ? new LRUCache<string, Entry>({ maxSize: opts.maxBytes, maxEntrySize: opts.maxEntryBytes, sizeCalculation: (e) => Buffer.byteLength(e.body) + 64 })
      : null;

  const serve: RequestHandler = (req, res, next) => {
    if (!lru || req.headers.authorization !== undefined || res.locals.viewer || !passesCsrfCheck(req)) return next();
    const parts = requestParts(req);
    if (!parts) return next();
    const hit = lru.get(cacheKey(parts.query, parts.operationName, parts.variables, opts.versions()));
    if (!hit) return next();
    res.setHeader('ETag', hit.etag);
    res.setHeader('Cache-Control', CACHE_CONTROL);
    const conditional = req.method === 'GET' || req.method === 'HEAD';
    const tags = req.headers['if-none-match'];
    if (conditional && tags && (tags.trim() === '*' || tags.split(',').some((t) => t.trim() === hit.etag))) {
      res.status(304).end();
      return;
    }
    res.status(200).type('application/json; charset=utf-8').send(hit.body);
  };

  const plugin: ApolloServerPlugin = {
    async requestDidStart({ request, contextValue }) {
      if (!lru || request.http?.headers.get('authorization') !== undefined || (contextValue as { viewer?: unknown }).viewer) return {};
      return {
        async willSendResponse({ response, document, operation }) {
          if (response.body.kind !== 'single' || !document || !operation || typeof request.query !== 'string') return;
          const result = response.body.singleResult;
          if (result.errors?.length || (response.http.status ?? 200) !== 200 || !isCacheableOperation(document, operation)) return;
          // Byte for byte what Apollo sends, so a hit and a miss carry the same ETag.
          const body = JSON.stringify({ errors: result.errors, data: result.data, extensions: result.extensions }) + '\n';
          const etag = etagOf(body);
          lru.set(cacheKey(request.query, request.operationName, request.variables, opts.versions()), { body, etag });
          response.http.headers.set('etag', etag);
          response.http.headers.set('cache-control', CACHE_CONTROL);
        },
      };
    },
  };

  return {
    serve,
    plugin,
    get size() {
      return lru?.size ?? 0;
    },
  };
}
