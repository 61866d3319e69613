import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import type { SubmissionRecord } from '../db/contribution.repository';
import { readPayload } from '../services/contribution.service';
import { requireRole } from './auth-guard';
import type { GraphQLContext } from './context';
import {
  AuditEvent,
  ClusterRefInput,
  ClusterSubmissionInput,
  FieldChange,
  MeasurementSubmissionInput,
  ReviewDecision,
  StructureJob,
  StructureState,
  Submission,
  SubmissionPage,
  SubmissionStatus,
  SubmittedMeasurement,
} from './contribution.types';
import { translateServiceErrors } from './error-middleware';
import { pageWindow } from './pagination';

const view = (s: SubmissionRecord) => ({
  ...s,
  measurements: readPayload(s).measurements,
  submittedXyz: s.xyz ?? null,
  releaseNumber: s.releaseNumber ?? null,
});

@UseMiddleware(translateServiceErrors)
@Resolver(() => Submission)
export class ContributionResolver {
  @Mutation(() => Submission, {
    description: 'A new measurement of a catalog cluster, for review (contributor role). A retry with the same idempotencyKey returns the first submission.',
  })
  async submitMeasurement(
    @Arg('cluster', () => ClusterRefInput) cluster: ClusterRefInput,
    @Arg('measurement', () => MeasurementSubmissionInput) measurement: MeasurementSubmissionInput,
    @Ctx() ctx: GraphQLContext,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey?: string | null,
  ) {
    const viewer = requireRole(ctx.viewer, 'contributor');
    return view(await ctx.services.contributions.submitMeasurement(viewer, { cluster, measurement }, idempotencyKey));
  }

  @Mutation(() => Submission, {
    description:
      'A new cluster, with an optional XYZ structure and measurements, for review (contributor role). Its GFN2-xTB structure is computed on arrival.',
  })
  async submitCluster(
    @Arg('cluster', () => ClusterSubmissionInput) cluster: ClusterSubmissionInput,
    @Ctx() ctx: GraphQLContext,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey?: string | null,
  ) {
    const viewer = requireRole(ctx.viewer, 'contributor');
    return view(await ctx.services.contributions.submitCluster(viewer, cluster, idempotencyKey));
  }

  @Mutation(() => Submission, { description: 'Approve or reject a pending submission (curator role). Rejecting needs a comment.' })
  async reviewSubmission(
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => ReviewDecision) decision: ReviewDecision,
    @Ctx() ctx: GraphQLContext,
    @Arg('comment', () => String, { nullable: true }) comment?: string | null,
  ) {
    const viewer = requireRole(ctx.viewer, 'curator');
    return view(await ctx.services.contributions.review(viewer, id, decision, comment ?? null));
  }

  @Mutation(() => Boolean, { description: 'Comment on a submission (its contributor, or a curator).' })
  async commentOnSubmission(@Arg('id', () => ID) id: string, @Arg('text') text: string, @Ctx() ctx: GraphQLContext) {
    const viewer = requireRole(ctx.viewer, 'contributor');
    await ctx.services.contributions.comment(viewer, id, text);
    return true;
  }

  @Query(() => SubmissionPage, { description: 'Submissions, newest first: contributors see their own, curators all (or their own with mine: true).' })
  async submissions(
    @Ctx() ctx: GraphQLContext,
    @Arg('status', () => SubmissionStatus, { nullable: true }) status?: SubmissionStatus | null,
    @Arg('mine', () => Boolean, { nullable: true }) mine?: boolean | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const viewer = requireRole(ctx.viewer, 'contributor');
    const page = pageWindow(first, after);
    const { total, items } = await ctx.services.contributions.list(viewer, { status, mine }, page);
    return { totalCount: total, items: items.map(view) };
  }

  @Query(() => Submission, { description: 'One submission (its contributor, or a curator); NOT_FOUND otherwise.' })
  async submission(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    const viewer = requireRole(ctx.viewer, 'contributor');
    return view(await ctx.services.contributions.get(viewer, id));
  }

  @FieldResolver(() => [FieldChange], { description: 'What releasing it would change, against the current catalog record.' })
  changes(@Root() s: SubmissionRecord, @Ctx() ctx: GraphQLContext) {
    return ctx.services.contributions.diff(s);
  }

  @FieldResolver(() => [AuditEvent], { description: 'Who did what, oldest first.' })
  async history(@Root() s: SubmissionRecord, @Ctx() ctx: GraphQLContext): Promise<AuditEvent[]> {
    const events = await ctx.services.contributions.auditTrail(s.id);
    return events.map((e) => ({
      id: e.id,
      action: e.action,
      at: e.at,
      actorName: e.actorName,
      comment: e.detailJson ? ((JSON.parse(e.detailJson) as { comment?: string }).comment ?? null) : null,
    }));
  }

  @FieldResolver(() => StructureJob, { nullable: true, description: 'The structure job of a new cluster; null for measurement submissions.' })
  async structureJob(@Root() s: SubmissionRecord, @Ctx() ctx: GraphQLContext): Promise<StructureJob | null> {
    if (s.kind !== 'CLUSTER') return null;
    const live =
      s.structureJobId && (s.structureState === 'QUEUED' || s.structureState === 'RUNNING')
        ? await ctx.services.contributions.jobStatus(s.structureJobId)
        : null;
    const file = s.structureJson
      ? (JSON.parse(s.structureJson) as { isomers: Array<{ energyHartree: number; atoms: Array<{ element: string; xyzAngstrom: number[] }> }> })
      : null;
    const lowest = file?.isomers[0] ?? null;
    const state = live?.state === 'active' && s.structureState === 'QUEUED' ? StructureState.RUNNING : (s.structureState as StructureState);
    return {
      state,
      progress: state === StructureState.COMPLETED ? 1 : (live?.progress ?? 0),
      attempts: live?.attemptsMade ?? 0,
      error: s.structureError ?? live?.failedReason ?? null,
      isomerCount: file ? file.isomers.length : null,
      lowestEnergyHartree: lowest?.energyHartree ?? null,
      xyz: lowest
        ? `${lowest.atoms.length}\n${s.clusterId} lowest isomer, GFN2-xTB\n${lowest.atoms.map((a) => `${a.element} ${a.xyzAngstrom.map((x) => x.toFixed(6)).join(' ')}`).join('\n')}\n`
        : null,
    };
  }

  @FieldResolver(() => [SubmittedMeasurement])
  measurements(@Root() s: SubmissionRecord) {
    return readPayload(s).measurements;
  }
}
