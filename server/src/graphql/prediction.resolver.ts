import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { translateServiceErrors } from './error-middleware';
import type { ClusterView } from '../services/catalog.service';
import { catalogModelInput, type PredictionView } from '../services/prediction.service';
import { Cluster } from './cluster.type';
import type { GraphQLContext } from './context';
import { badInput, checkLength, MAX_ID_LENGTH } from './errors';
import { AttributionLevel, Explanation, HeldOutPrediction, ModelCard, Prediction, PredictResult, SimilarCluster, StructureInput } from './prediction.type';

export const MAX_SIMILAR = 50;

function toPrediction(p: PredictionView) {
  return {
    kind: p.kind,
    protocol: p.protocol,
    protocolTitle: p.protocolTitle,
    heldOutSplit: p.heldOutSplit,
    unboundedLog10K1: p.unboundedLog10K1,
    cappedAtCaptureLimit: p.cappedAtCaptureLimit,
    captureLimit: p.captureLimit,
    interval68: p.interval68,
    interval95: p.interval95,
    reactant: MODEL_REACTANT,
    log10K1: p.meanLog10K1,
    log10K1Std: p.stdLog10K1,
    k1Cm3PerMoleculeS: p.k1Cm3PerMoleculeS,
    memberLog10K1: p.members,
    modelVersion: p.modelVersion,
    domain: { ...p.domain, trainingAtomCountMin: p.domain.trainingAtomCount.min, trainingAtomCountMax: p.domain.trainingAtomCount.max },
  };
}

/** The model is trained on N2 rates; it says so on every prediction rather than answering for CO or O2. */
const MODEL_REACTANT = 'N2';

@UseMiddleware(translateServiceErrors)
@Resolver(() => Cluster)
export class ClusterPredictionResolver {
  @FieldResolver(() => Prediction, {
    nullable: true,
    description:
      'The headline prediction (null without a structure): for a catalog cluster, its held-out prediction (kind HELD_OUT, protocol c: made with the cluster’s whole metal family left out of training, as for a cluster the model has not seen), with calibrated intervals. The served model’s own in-sample value is `inSamplePrediction`.',
  })
  async prediction(@Root() cluster: ClusterView, @Ctx() ctx: GraphQLContext) {
    const served = await ctx.loaders.predictionByCluster.load(cluster.id);
    if (!served) return null;
    const elements = cluster.composition.flatMap((c) => Array<string>(c.count).fill(c.element));
    return toPrediction(ctx.services.predictions.heldOutView(cluster.id, served, elements, cluster.charge));
  }

  @FieldResolver(() => Prediction, {
    nullable: true,
    description: 'The served model on this cluster (kind IN_SAMPLE for training clusters: it was fitted to this measurement, so do not compare the two).',
  })
  async inSamplePrediction(@Root() cluster: ClusterView, @Ctx() ctx: GraphQLContext) {
    const served = await ctx.loaders.predictionByCluster.load(cluster.id);
    return served ? toPrediction(served) : null;
  }

  @FieldResolver(() => [HeldOutPrediction], {
    // Nullable so that a server without a model still returns the cluster (with a MODEL_UNAVAILABLE error here).
    nullable: true,
    description:
      'Out-of-fold predictions: what the model said about this cluster in each evaluation protocol that held it out (the honest counterpart of `prediction`, which is in-sample for catalog clusters).',
  })
  heldOutPredictions(@Root() cluster: ClusterView, @Ctx() ctx: GraphQLContext): HeldOutPrediction[] {
    return ctx.services.predictions.heldOut(cluster.id);
  }
}

@UseMiddleware(translateServiceErrors)
@Resolver()
export class PredictionResolver {
  @Query(() => PredictResult, { description: 'Featurize a structure with GFN2-xTB (single point, or optimisation) and predict its N2 rate.' })
  async predict(@Arg('structure', () => StructureInput) structure: StructureInput, @Ctx() ctx: GraphQLContext) {
    const svc = ctx.services.predictions;
    // Input errors first: a user should learn their XYZ is wrong whether or not the model is loaded.
    const user = await svc.featurizeUserStructure(structure);
    const [prediction] = await svc.predictMany([{ input: user.input }]);
    const neighbours = svc.similarTo(prediction, 5);
    const clusters = await ctx.loaders.clusterById.loadMany(neighbours.map((n) => n.clusterId));
    return {
      prediction: toPrediction(prediction),
      structure: user.structure,
      nearest: neighbours
        .map((n, i) => ({ cluster: clusters[i], similarity: n.cosineSimilarity, distance: n.distance }))
        .filter((n) => n.cluster && !(n.cluster instanceof Error)),
      xtbWallTimeMs: user.xtb.wallTimeMs,
      xtbElectronicTemperatureK: user.xtb.settings.electronicTemperatureK,
    };
  }

  @Query(() => Explanation, { nullable: true, description: 'Attributions for a catalog cluster (clusterId) or a new structure (structure); give exactly one.' })
  async explain(
    @Arg('level', () => AttributionLevel) level: AttributionLevel,
    @Ctx() ctx: GraphQLContext,
    @Arg('clusterId', () => ID, { nullable: true }) clusterId?: string,
    @Arg('structure', () => StructureInput, { nullable: true }) structure?: StructureInput,
  ) {
    checkLength('clusterId', clusterId, MAX_ID_LENGTH);
    const svc = ctx.services.predictions;
    if ((clusterId == null) === (structure == null)) throw badInput('clusterId', 'give exactly one of clusterId and structure');
    svc.requireModel();
    if (structure) {
      const user = await svc.featurizeUserStructure(structure);
      return svc.explain(user.input, user.structure, level);
    }
    const [cluster, isomers] = await Promise.all([ctx.loaders.clusterById.load(clusterId!), ctx.loaders.isomersByCluster.load(clusterId!)]);
    const input = cluster && catalogModelInput(cluster, isomers);
    if (!input) return null;
    return svc.explain(input, isomers[0], level, clusterId);
  }

  @Query(() => [SimilarCluster], {
    nullable: true,
    description: 'Catalog clusters nearest by cosine similarity of the GIN graph embedding (the cluster itself excluded).',
  })
  async similar(
    @Arg('clusterId', () => ID) clusterId: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('k', () => Int, { nullable: true, defaultValue: 5 }) k?: number,
  ) {
    checkLength('clusterId', clusterId, MAX_ID_LENGTH);
    if (k == null || k < 1 || k > MAX_SIMILAR) throw badInput('k', `must be between 1 and ${MAX_SIMILAR}, got ${k}`);
    const svc = ctx.services.predictions;
    svc.requireModel();
    // The same loader as the cluster's prediction fields: on a cluster page the model runs once for both.
    const served = await ctx.loaders.predictionByCluster.load(clusterId);
    if (!served) return null;
    const neighbours = svc.similarTo(served, k, clusterId);
    const clusters = await ctx.loaders.clusterById.loadMany(neighbours.map((n) => n.clusterId));
    return neighbours.map((n, i) => ({ cluster: clusters[i], similarity: n.cosineSimilarity, distance: n.distance }));
  }

  @Query(() => ModelCard, { description: 'The served model: version, training data, evaluation metrics.' })
  model(@Ctx() ctx: GraphQLContext) {
    const model = ctx.services.predictions.requireModel();
    const info = model.info;
    return {
      ...info,
      reactant: MODEL_REACTANT,
      trainingAtomCountMin: info.trainingAtomCount.min,
      trainingAtomCountMax: info.trainingAtomCount.max,
      card: model.card,
    };
  }
}
