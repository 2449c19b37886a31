import { authorize, pageRequest, toConnection, type PageArgs, type Role } from '@sanshe/service-kit';
import type { ActivityDoc, ResidentRecordDoc } from '../../data-access/models';
import { ACTIVITY_STATS_SOURCES } from '../../domain/report-sources';
import { statsFilter, summarize, type StatsArgs } from '../../domain/stats';
import type { RegistrationParent, ShiftParent } from './activity-resolvers';
import type { ActivitiesContext, ResolverDeps } from './context';

/** Who may read a resident's activity record besides the resident: staff serving where they live. */
const RECORD_READERS: readonly Role[] = ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF', 'SOCIAL_WORKER', 'RESIDENT'];

async function readRecord(ctx: ActivitiesContext, residentId: string, what: string): Promise<ResidentRecordDoc | null> {
  const record = await ctx.residentRecords.load(residentId);
  const home = record?.home;
  authorize(ctx.identity, {
    action: `read the ${what} of resident ${residentId}`,
    roles: RECORD_READERS,
    scope: { residentId, ...(home ? { communityId: home.communityId, streetId: home.streetId } : {}) },
  });
  return record;
}

const newestFirst = <T extends { registeredAt?: Date | null; scheduledAt?: Date | null }>(a: T, b: T) =>
  new Date(b.registeredAt ?? b.scheduledAt ?? 0).getTime() - new Date(a.registeredAt ?? a.scheduledAt ?? 0).getTime();

const sum = (values: (number | null | undefined)[]) => Math.round(values.reduce<number>((n, v) => n + (v ?? 0), 0) * 100) / 100;

/** One page of an organizer's activities, cut from the batch its loader fetched. */
function organizedPage(rows: ActivityDoc[], args: PageArgs) {
  const page = pageRequest(args);
  const after = page.afterKey ? rows.filter((r) => r._id > page.afterKey!) : rows;
  return toConnection(after.slice(0, page.limit + 1), page.limit, (r) => r._id);
}

export function entityResolvers(deps: ResolverDeps) {
  return {
    Query: {
      activityStats: async (_: unknown, args: StatsArgs) => {
        const filter = statsFilter(args);
        const districtWide = Object.values(filter).every((v) => v === null);
        return { ...summarize(await deps.stats.buckets(filter), filter.category), sources: districtWide ? ACTIVITY_STATS_SOURCES : [] };
      },
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
        organizedPage(await ctx.organizedBySocialOrganization.load(o.id), args),
    },
    PartyOrganization: {
      organizedActivities: async (o: { id: string }, args: PageArgs, ctx: ActivitiesContext) =>
        organizedPage(await ctx.organizedByPartyOrganization.load(o.id), args),
    },
    Resident: {
      activityRegistrations: async (r: { id: string }, _: unknown, ctx: ActivitiesContext): Promise<RegistrationParent[]> => {
        const record = await readRecord(ctx, r.id, 'activity registrations');
        return Object.entries(record?.registrations ?? {})
          .map(([id, e]) => ({ ...e, id, residentId: r.id }))
          .sort(newestFirst);
      },
      volunteerShifts: async (r: { id: string }, _: unknown, ctx: ActivitiesContext): Promise<ShiftParent[]> => {
        const record = await readRecord(ctx, r.id, 'volunteer shifts');
        return Object.entries(record?.shifts ?? {})
          .map(([id, s]) => ({ ...s, id, residentId: r.id }))
          .sort(newestFirst);
      },
      volunteerHours: async (r: { id: string }, _: unknown, ctx: ActivitiesContext) => {
        const shifts = Object.values((await readRecord(ctx, r.id, 'volunteer hours'))?.shifts ?? {});
        return {
          scheduled: sum(shifts.map((s) => s.scheduledHours)),
          completed: sum(shifts.map((s) => s.completedHours)),
          verified: sum(shifts.map((s) => s.verifiedHours)),
        };
      },
    },
  };
}
