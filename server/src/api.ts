import type { Config } from './config';
import type { Database } from './db/database';
import { ClusterRepository } from './db/cluster.repository';
import { buildApiSchema } from './graphql/schema';
import { createApp } from './http/app';
import { CatalogService } from './services/catalog.service';
import { StructureRepository } from './db/structure.repository';
import { StructureService } from './services/structure.service';

export interface RunningApi {
  url: string;
  stop(): Promise<void>;
}

/** Wires repositories, services and the HTTP app over an open database, and listens. */
export async function startApi(db: Database, cfg: Config, datasetVersion: string, log: (line: string) => void = console.log): Promise<RunningApi> {
  const repository = new ClusterRepository(db.executor);
  const services = { catalog: new CatalogService(repository), structures: new StructureService(new StructureRepository(db.executor)) };
  const schema = await buildApiSchema();
  const { httpServer, apollo } = await createApp({
    schema,
    services,
    repository,
    versions: () => ({ datasetVersion, modelVersion: null }),
    development: cfg.NODE_ENV === 'development',
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
    },
  };
}
