import { groupedLoader, type EventFactory, type RequestContext } from '@sanshe/service-kit';
import type DataLoader from 'dataloader';
import type { ActivityRepository } from '../../data-access/activity-repository';
import type { ActivityDoc } from '../../data-access/models';
import { createActivity, publishActivity, type NewActivityInput } from '../../domain/activity';

export interface ActivitiesContext extends RequestContext {
  activities: DataLoader<string, ActivityDoc | null>;
  publishedByCommunity: DataLoader<string, ActivityDoc[]>;
}

export function buildContext(base: RequestContext, repo: ActivityRepository): ActivitiesContext {
  return {
    ...base,
    activities: repo.loader(),
    publishedByCommunity: groupedLoader((ids) => repo.publishedIn(ids), (a) => a.communityId),
  };
}

export function buildResolvers(deps: { repo: ActivityRepository; events: EventFactory }) {
  return {
    Query: {
      activity: (_: unknown, args: { id: string }, ctx: ActivitiesContext) => ctx.activities.load(args.id),
    },
    Mutation: {
      createActivity: (_: unknown, args: { input: NewActivityInput }, ctx: ActivitiesContext) => createActivity(args.input, ctx, deps.repo),
      publishActivity: (_: unknown, args: { id: string }, ctx: ActivitiesContext) => publishActivity(args.id, ctx, { store: deps.repo, events: deps.events }),
    },
    Community: {
      activities: (community: { id: string }, _: unknown, ctx: ActivitiesContext) => ctx.publishedByCommunity.load(community.id),
    },
    Activity: {
      __resolveReference: (ref: { id: string }, ctx: ActivitiesContext) => ctx.activities.load(ref.id),
      id: (a: ActivityDoc) => a._id,
      community: (a: ActivityDoc) => ({ __typename: 'Community', id: a.communityId }),
      startsAt: (a: ActivityDoc) => a.startsAt.toISOString(),
      endsAt: (a: ActivityDoc) => a.endsAt.toISOString(),
    },
  };
}
