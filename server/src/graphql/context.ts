import DataLoader from 'dataloader';
import type { MeasurementRecord } from '../db/cluster.repository';
import type { CatalogService, ClusterView } from '../services/catalog.service';
import type { StructureService, StructureView } from '../services/structure.service';

export interface Services {
  catalog: CatalogService;
  structures: StructureService;
}

export interface GraphQLContext {
  services: Services;
  loaders: {
    clusterById: DataLoader<string, ClusterView | null>;
    measurementsByCluster: DataLoader<string, MeasurementRecord[]>;
    isomersByCluster: DataLoader<string, StructureView[]>;
  };
}

/** Per-request loaders: a list of N clusters costs one query per field, not N. */
export function createContext(services: Services): GraphQLContext {
  return {
    services,
    loaders: {
      clusterById: new DataLoader((ids) => services.catalog.byIds(ids), { maxBatchSize: 200 }),
      measurementsByCluster: new DataLoader((ids) => services.catalog.measurementsFor(ids), { maxBatchSize: 200 }),
      isomersByCluster: new DataLoader((ids) => services.structures.isomersFor(ids), { maxBatchSize: 100 }),
    },
  };
}
