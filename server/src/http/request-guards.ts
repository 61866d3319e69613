import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { Config } from '../config';
import { createAdmission, type Admission } from './admission';
import { createResponseCache, type CacheVersions, type ResponseCache } from './response-cache';

/** What app.ts mounts around /graphql and the downloads: admission control and the read cache. */
export interface RequestGuards {
  /** Before the body is read (refusing a spent client costs no parsing). */
  beforeBody: RequestHandler[];
  /** After the body is read, before Apollo. */
  afterBody: RequestHandler[];
  plugins: ApolloServerPlugin[];
  admission: Admission;
  cache: ResponseCache;
}

export function createRequestGuards(cfg: Config, versions: () => CacheVersions): RequestGuards {
  const admission = createAdmission({
    trustProxy: cfg.TRUST_PROXY,
    points: cfg.RATE_LIMIT_POINTS,
    windowS: cfg.RATE_LIMIT_WINDOW_S,
    maxInFlight: cfg.RATE_LIMIT_MAX_IN_FLIGHT,
  });
  const cache = createResponseCache({ maxBytes: cfg.RESPONSE_CACHE_MB * 1024 * 1024, maxEntryBytes: cfg.RESPONSE_CACHE_MAX_ENTRY_KB * 1024, versions });
  return {
    beforeBody: [admission.limit],
    afterBody: [admission.asClient, cache.serve],
    // The cache plugin after the version plugin: it stores the body with its versions.
    plugins: [admission.plugin, cache.plugin],
    admission,
    cache,
  };
}
