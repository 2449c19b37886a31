import type { PageArgs } from '@sanshe/service-kit';
import { organizedActivitiesPage } from '../../domain/activity-queries';
import { residentRegistrations, residentShifts, residentVolunteerHours } from '../../domain/resident-record';
import { activityStats, type StatsArgs } from '../../domain/stats';
import type { RegistrationParent, ShiftParent } from './activity-resolvers';
import type { ActivitiesContext, ResolverDeps } from './context';

export function entityResolvers(deps: ResolverDeps) {
  return {
    Query: {
      activityStats: (_: unknown, args: StatsArgs) => activityStats(args, deps.stats),
      residentActivity: (_: unknown, args: { residentId: string }) => ({ id: args.residentId }),
    },
    Community: {
      activities: (c: { id: string }, _: unknown, ctx: ActivitiesContext) => ctx.publishedByCommunity.load(c.id),
      upcomingActivities: async (c: { id: string }, args: { first: number }, ctx: ActivitiesContext) =>
        (await ctx.upcomingByCommunity.load(c.id)).slice(0, Math.max(0, args.first)),
      venues: (c: { id: string }, _: unknown, ctx: ActivitiesContext) => ctx.venuesByCommunity.load(c.id),
      activityGroups: (c: { id: string }, _: unknown, ctx: ActivitiesContext) => ctx.groupsByCommunity.load(c.id),
    },
    SocialOrganization: {
      organizedActivities: async (o: { id: string }, args: PageArgs, ctx: ActivitiesContext) =>
        organizedActivitiesPage(await ctx.organizedBySocialOrganization.load(o.id), args),
    },
    PartyOrganization: {
      organizedActivities: async (o: { id: string }, args: PageArgs, ctx: ActivitiesContext) =>
        organizedActivitiesPage(await ctx.organizedByPartyOrganization.load(o.id), args),
    },
    Resident: {
      activityRegistrations: (r: { id: string }, _: unknown, ctx: ActivitiesContext): Promise<RegistrationParent[]> =>
        residentRegistrations(ctx, r.id, ctx.residentRecords),
      volunteerShifts: (r: { id: string }, _: unknown, ctx: ActivitiesContext): Promise<ShiftParent[]> =>
        residentShifts(ctx, r.id, ctx.residentRecords),
      volunteerHours: (r: { id: string }, _: unknown, ctx: ActivitiesContext) => residentVolunteerHours(ctx, r.id, ctx.residentRecords),
    },
  };
}
