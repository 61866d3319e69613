import DataLoader from 'dataloader';
import type { Viewer } from '../auth/viewer';
import type { MeasurementRecord } from '../db/cluster.repository';
import type { CatalogService, ClusterView } from '../services/catalog.service';
import type { ContributionService } from '../services/contribution.service';
import type { ReleaseService } from '../services/release.service';
import type { StructureService, StructureView } from '../services/structure.service';
import type { UserService } from '../services/user.service';
import { catalogModelInput, type PredictionService, type PredictionView } from '../services/prediction.service';

export interface Services {
  catalog: CatalogService;
  structures: StructureService;
  predictions: PredictionService;
  contributions: ContributionService;
  releases: ReleaseService;
  users: UserService;
}

export interface ReadScope {
  release: number | null;
  /** Named in the response's extensions (the latest when the request named none). */
  answeredRelease?: number;
}

export interface GraphQLContext {
  services: Services;
  /** The signed-in caller; null for anonymous readers. */
  viewer: Viewer | null;
  /**
   * The release this request reads: release-plugin.ts sets it from the operation's `release`
   * arguments before execution; null reads the current catalog. A holder object, because Apollo
   * hands resolvers a shallow clone of the context and the loaders must see the same value.
   */
  readScope: ReadScope;
  loaders: {
    clusterById: DataLoader<string, ClusterView | null>;
    measurementsByCluster: DataLoader<string, MeasurementRecord[]>;
    isomersByCluster: DataLoader<string, StructureView[]>;
    predictionByCluster: DataLoader<string, PredictionView | null>;
  };
}

/** Per-request loaders: a list of N clusters costs one query per field, not N. */
export function createContext(services: Services, viewer: Viewer | null = null): GraphQLContext {
  // Loaders read ctx.release when they run, after the release plugin has set it.
  const readScope: ReadScope = { release: null };
  const clusterById = new DataLoader<string, ClusterView | null>((ids) => services.catalog.byIds(ids, readScope.release), { maxBatchSize: 200 });
  const isomersByCluster = new DataLoader<string, StructureView[]>((ids) => services.structures.isomersFor(ids), { maxBatchSize: 100 });
  // All clusters of a page share one batched inference call.
  const predictionByCluster = new DataLoader<string, PredictionView | null>(
    async (ids) => {
      const [clusters, isomers] = await Promise.all([clusterById.loadMany(ids), isomersByCluster.loadMany(ids)]);
      const inputs = ids.flatMap((id, i) => {
        const cluster = clusters[i];
        const iso = isomers[i];
        if (!cluster || cluster instanceof Error || iso instanceof Error) return [];
        const input = catalogModelInput(cluster, iso);
        return input ? [{ clusterId: id, input }] : [];
      });
      const predictions = inputs.length ? await services.predictions.predictMany(inputs) : [];
      const byId = new Map(inputs.map((x, i) => [x.clusterId, predictions[i]]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    { maxBatchSize: 100 },
  );
  return {
    services,
    viewer,
    readScope,
    loaders: {
      clusterById,
      isomersByCluster,
      predictionByCluster,
      measurementsByCluster: new DataLoader<string, MeasurementRecord[]>((ids) => services.catalog.measurementsFor(ids, readScope.release), {
        maxBatchSize: 200,
      }),
    },
  };
}
