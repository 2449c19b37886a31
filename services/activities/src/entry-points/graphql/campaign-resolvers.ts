import { pageRequest, type PageArgs } from '@sanshe/service-kit';
import type { Activity } from '../../domain/activity-model';
import { createCampaign, linkActivityToCampaign, listCampaigns, type Campaign, type NewCampaignInput } from '../../domain/campaign';
import type { ActivitiesContext, ResolverDeps } from './context';

export function campaignResolvers(deps: ResolverDeps) {
  const store = deps.campaigns;
  return {
    Query: {
      campaign: (_: unknown, args: { id: string }, ctx: ActivitiesContext) => ctx.campaigns.load(args.id),
      campaigns: () => listCampaigns(store),
    },
    Mutation: {
      createCampaign: (_: unknown, args: { input: NewCampaignInput }, ctx: ActivitiesContext) => createCampaign(args.input, ctx, store),
      linkActivityToCampaign: (_: unknown, args: { activityId: string; campaignId?: string | null }, ctx: ActivitiesContext) =>
        linkActivityToCampaign(args.activityId, args.campaignId ?? null, ctx, store),
    },
    Activity: {
      campaign: (a: Activity, _: unknown, ctx: ActivitiesContext) => (a.campaignId ? ctx.campaigns.load(a.campaignId) : null),
    },
    Campaign: {
      __resolveReference: (ref: { id: string }, ctx: ActivitiesContext) => ctx.campaigns.load(ref.id),
      id: (c: Campaign) => c._id,
      activities: (c: Campaign, args: PageArgs, ctx: ActivitiesContext) =>
        ctx.campaignActivities.load({ campaignId: c._id, page: pageRequest(args) }),
    },
  };
}
