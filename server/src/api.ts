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
import { lineLog } from './logger';

export interface RunningApi {
  url: string;
  stop(): Promise<void>;
}

/** Wires repositories, services and the HTTP app over an open database, and listens. */
export async function startApi(db: Database, cfg: Config, datasetVersion: string, log: (line: string) => void = lineLog('api')): Promise<RunningApi> {
  const repository = new ClusterRepository(db.executor);
  const queues = createJobQueues(cfg);
  // A missing or corrupt model leaves the catalog serving; model fields answer MODEL_UNAVAILABLE.
  const loaded = await tryLoadModel({
    modelDir: cfg.MODELS_DIR,
    intraOpNumThreads: cfg.ORT_INTRA_OP_THREADS,
    schedule: queues.scheduleInference,
    maxFloatsPerCall: cfg.INFERENCE_MAX_FLOATS_PER_CALL,
  });
  if (loaded.status === 'ready') log(`model: ${loaded.model.info.name} ${loaded.model.info.version} loaded (${loaded.model.info.members} members)`);
  else log(`model: unavailable — ${loaded.error.message}`);
  const model = loaded.status === 'ready' ? loaded.model : null;
  const predictions = new PredictionService(model, loaded.status === 'ready' ? null : loaded.error.message, { queue: queues.xtb, niceness: cfg.XTB_NICENESS });
  const services = {
    catalog: new CatalogService(repository),
    structures: new StructureService(new StructureRepository(db.executor, cfg.MOTIF_TIMEOUT_MS), queues.motif),
    predictions,
  };
  const schema = await buildApiSchema();
  const versions = () => ({ datasetVersion, modelVersion: predictions.version });
  const guards = createRequestGuards(cfg, versions);
  await guards.ready();
  log(`api: rate-limit buckets in the ${guards.rateLimitStore}`);
  const { httpServer, apollo } = await createApp({
    schema,
    services,
    versions,
    guards,
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
    async stop() {
      await apollo.stop();
      await guards.close();
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
