import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { REACTANTS } from '../chem/reactants';
import { releaseDownloadPaths } from '../http/release-param';
import type { ReleaseRecord } from '../services/release.service';
import { requireRole } from './auth-guard';
import type { GraphQLContext } from './context';
import { ReactantInfo, Release, ReleaseDownloads } from './contribution.types';
import { translateServiceErrors } from './error-middleware';

@UseMiddleware(translateServiceErrors)
@Resolver(() => Release)
export class ReleaseResolver {
  @Query(() => [Release], { description: 'Every release, newest first. Release 1 is the published seed; catalog queries take `release` to read an older one.' })
  releases(@Ctx() ctx: GraphQLContext) {
    return ctx.services.releases.list();
  }

  @Mutation(() => Release, {
    description:
      'Publish every approved submission as the next numbered release (curator role). A retry with the same idempotencyKey returns the same release.',
  })
  async publishRelease(
    @Arg('changelog') changelog: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey?: string | null,
  ) {
    const viewer = requireRole(ctx.viewer, 'curator');
    return ctx.services.releases.publish(viewer, changelog, idempotencyKey);
  }

  @FieldResolver(() => ReleaseDownloads)
  downloads(@Root() r: ReleaseRecord) {
    return releaseDownloadPaths(r.number);
  }

  @Query(() => [ReactantInfo], { description: 'Reactants measurements may be submitted for. The N2 model predicts N2 rates only.' })
  reactants(): ReactantInfo[] {
    return [...REACTANTS.values()];
  }

  @Query(() => Int, { description: 'The newest release number.' })
  latestRelease(@Ctx() ctx: GraphQLContext) {
    return ctx.services.releases.latest();
  }
}
