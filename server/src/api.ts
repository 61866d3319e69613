import type { Config } from './config';
import type { Database } from './db/database';
import { ensureSeeded } from './load/ensure-seeded';
import { ClusterRepository } from './db/cluster.repository';
import { buildApiSchema } from './graphql/schema';
import { createApp } from './http/app';
import { createRequestGuards } from './http/request-guards';
import { createJobQueues } from './services/job-queues';
import { CatalogService } from './services/catalog.service';
import { StructureRepository } from './db/structure.repository';
import { StructureService } from './services/structure.service';
import { PredictionService } from './services/prediction.service';
import { tryLoadModel } from './ml';
import { lineLog, logger } from './logger';
import { ContributionRepository } from './db/contribution.repository';
import { ContributionService } from './services/contribution.service';
import { ReleaseService } from './services/release.service';
import { createStructureJobs, type StructureJobs } from './jobs/structure-jobs';
import type { Services } from './graphql/context';
import { Authenticator } from './auth/authenticator';
import { createAuthHttp } from './auth/http-auth';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { createRedis } from './redis/connection';
import { sessionSecret } from './auth/session-secret';
import { UserRepository } from './db/user.repository';
import { UserService } from './services/user.service';

export interface RunningApi {
  url: string;
  stop(): Promise<void>;
}

/** Wires repositories, services and the HTTP app over an open database, and listens. */
export interface ApiOptions {
  /** The BullMQ structure-search queue (jobs/); without it, new clusters wait in QUEUED until an API with one re-enqueues them. */
  structureJobs?: StructureJobs | null;
}

export async function startApi(
  db: Database,
  cfg: Config,
  datasetVersion: string,
  log: (line: string) => void = lineLog('api'),
  opts: ApiOptions = {},
): Promise<RunningApi & { services: Services }> {
  const repository = new ClusterRepository(db.executor);
  const queues = createJobQueues(cfg);
  // A missing or corrupt model leaves the catalog serving; model fields answer MODEL_UNAVAILABLE.
  const loaded = await tryLoadModel({
    modelDir: cfg.MODELS_DIR,
    intraOpNumThreads: cfg.ORT_INTRA_OP_THREADS,
    niceness: cfg.INFERENCE_NICENESS,
    schedule: queues.scheduleInference,
    maxFloatsPerCall: cfg.INFERENCE_MAX_FLOATS_PER_CALL,
  });
  if (loaded.status === 'ready') log(`model: ${loaded.model.info.name} ${loaded.model.info.version} loaded (${loaded.model.info.members} members)`);
  else log(`model: unavailable — ${loaded.error.message}`);
  const model = loaded.status === 'ready' ? loaded.model : null;
  const predictions = new PredictionService(model, loaded.status === 'ready' ? null : loaded.error.message, { queue: queues.xtb, niceness: cfg.XTB_NICENESS });
  const userRepository = new UserRepository(db.executor);
  const authLog = logger.child({ component: 'auth' });
  // Failed key attempts are counted in Redis when there is one, so the budget holds across API
  // processes; while Redis is away the insurance limiter counts in memory.
  const failureRedis = cfg.REDIS_URL ? createRedis(cfg.REDIS_URL, 'limiter') : null;
  const failureBudget = { points: cfg.AUTH_FAILURES_MAX, duration: cfg.AUTH_FAILURES_WINDOW_S };
  const failureLimiter = failureRedis
    ? new RateLimiterRedis({
        storeClient: failureRedis,
        keyPrefix: 'clusteratlas:auth-failures',
        ...failureBudget,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: 'auth-failures', ...failureBudget }),
      })
    : undefined;
  const auth = createAuthHttp({
    failureLimiter,
    users: userRepository,
    authenticator: new Authenticator(userRepository, { onTouchError: (err) => authLog.warn({ err }, 'could not record a key as used') }),
    trustProxy: cfg.TRUST_PROXY,
    sessionSecret: sessionSecret(cfg),
    sessionTtlMs: cfg.SESSION_TTL_H * 3_600_000,
    failurePoints: cfg.AUTH_FAILURES_MAX,
    failureWindowS: cfg.AUTH_FAILURES_WINDOW_S,
    log: (message, err) => authLog.error({ err }, message),
  });
  const catalog = new CatalogService(repository);
  // New clusters' structure searches go to the BullMQ queue on Redis; without Redis they wait (QUEUED) for an API that has one.
  const structureJobs: StructureJobs | null =
    opts.structureJobs !== undefined
      ? opts.structureJobs
      : cfg.REDIS_URL
        ? createStructureJobs({ redisUrl: cfg.REDIS_URL, backoffMs: cfg.WORKER_BACKOFF_MS })
        : null;
  const releases = new ReleaseService(db.executor);
  await releases.ensureFirstRelease(datasetVersion, null);
  await releases.latest();
  const services = {
    catalog,
    users: new UserService(userRepository),
    releases,
    contributions: new ContributionService(new ContributionRepository(db.executor), catalog, structureJobs),
    structures: new StructureService(new StructureRepository(db.executor, cfg.MOTIF_TIMEOUT_MS), queues.motif),
    predictions,
  };
  const schema = await buildApiSchema();
  // The latest release is part of every cache key and response: a publish (in any API process) changes both within seconds.
  const versions = () => ({ datasetVersion, modelVersion: predictions.version, release: releases.latestKnown() });
  const refresh = setInterval(() => void releases.latest().catch(() => undefined), 2000);
  refresh.unref();
  // Submissions whose enqueue failed (Redis down at the time) are enqueued again; job ids are per submission, so twice is once.
  const requeue = setInterval(() => void services.contributions.requeueAwaiting().catch(() => undefined), 60_000);
  requeue.unref();
  void services.contributions.requeueAwaiting().catch(() => undefined);
  const guards = createRequestGuards(cfg, versions);
  await guards.ready();
  log(`api: rate-limit buckets in the ${guards.rateLimitStore}`);
  const { httpServer, apollo } = await createApp({
    schema,
    services,
    versions,
    guards,
    auth,
    development: cfg.NODE_ENV === 'development',
    modelsDir: cfg.MODELS_DIR,
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`API port ${cfg.API_PORT} on ${cfg.API_HOST} is already in use; set API_PORT to a free port.`) : err),
    );
    httpServer.listen(cfg.API_PORT, cfg.API_HOST, resolve);
  });
  const url = `http://${cfg.API_HOST === '0.0.0.0' ? 'localhost' : cfg.API_HOST}:${cfg.API_PORT}`;
  log(`api: GraphQL at ${url}/graphql, downloads at ${url}/download/clusters.{json,csv}`);
  return {
    url,
    services,
    async stop() {
      clearInterval(refresh);
      clearInterval(requeue);
      await apollo.stop();
      auth.close();
      failureRedis?.disconnect();
      await guards.close();
      if (opts.structureJobs === undefined) await structureJobs?.close();
      await model?.close();
    },
  };
}

/** Seeds the database when needed, then starts the API; closes the database if either fails. */
export async function startSeededApi(db: Database, cfg: Config): Promise<RunningApi> {
  try {
    const bundle = await ensureSeeded(db, cfg);
    return await startApi(db, cfg, bundle.datasetVersion);
  } catch (err) {
    await db.close();
    throw err;
  }
}
