import type { RequestContext } from '@sanshe/service-kit';
import DataLoader from 'dataloader';
import type { CommunityRepository } from '../../data-access/community-repository';
import type { CommunityDoc } from '../../data-access/models';
import { createCommunity, type CommunityStore, type NewCommunityInput } from '../../domain/community';
import type { EventFactory } from '@sanshe/service-kit';

export interface RegistryContext extends RequestContext {
  communities: DataLoader<string, CommunityDoc | null>;
  publishedActivityCounts: DataLoader<string, number>;
}

export function buildContext(base: RequestContext, repo: CommunityRepository): RegistryContext {
  return {
    ...base,
    communities: repo.loader(),
    publishedActivityCounts: new DataLoader(async (ids) => {
      const counts = await repo.publishedActivityCounts(ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
  };
}

export function buildResolvers(deps: { repo: CommunityRepository & CommunityStore; events: EventFactory }) {
  return {
    Query: {
      community: (_: unknown, args: { id: string }, ctx: RegistryContext) => ctx.communities.load(args.id),
      communities: (_: unknown, args: { streetId?: string | null }) => deps.repo.list({ ...(args.streetId ? { streetId: args.streetId } : {}) }),
    },
    Mutation: {
      createCommunity: (_: unknown, args: { input: NewCommunityInput }, ctx: RegistryContext) =>
        createCommunity(args.input, ctx, { store: deps.repo, events: deps.events }),
    },
    Community: {
      __resolveReference: (ref: { id: string }, ctx: RegistryContext) => ctx.communities.load(ref.id),
      id: (c: CommunityDoc) => c._id,
      publishedActivityCount: (c: CommunityDoc, _: unknown, ctx: RegistryContext) => ctx.publishedActivityCounts.load(c._id),
    },
  };
}
