import DataLoader from 'dataloader';
import type { MeasurementRecord } from '../db/cluster.repository';
import type { CatalogService, ClusterView } from '../services/catalog.service';

export interface Services {
  catalog: CatalogService;
}

export interface GraphQLContext {
  services: Services;
  loaders: {
    clusterById: DataLoader<string, ClusterView | null>;
    measurementsByCluster: DataLoader<string, MeasurementRecord[]>;
  };
}

/** Per-request loaders: a list of N clusters costs one query per field, not N. */
export function createContext(services: Services): GraphQLContext {
  return {
    services,
    loaders: {
      clusterById: new DataLoader((ids) => services.catalog.byIds(ids), { maxBatchSize: 200 }),
      measurementsByCluster: new DataLoader((ids) => services.catalog.measurementsFor(ids), { maxBatchSize: 200 }),
    },
  };
}
