import type { PageArgs } from '@sanshe/service-kit';
import { cancelActivity, completeActivity, createActivity, publishActivity, type NewActivityInput } from '../../domain/activity';
import {
  seatsTaken,
  type Activity,
  type Registration,
  type RegistrationStatus,
  type ShiftStatus,
  type VolunteerShift,
} from '../../domain/activity-model';
import {
  activityRegistrations,
  activityVolunteerShifts,
  checkInCodeOf,
  findActivity,
  listActivities,
  waitlistPosition,
  type ActivityFilterArgs,
} from '../../domain/activity-queries';
import { cancelRegistration, checkIn, registerForActivity, type RegistrationView } from '../../domain/registration';
import {
  reportVolunteerHours,
  scheduleVolunteer,
  verifyVolunteerHours,
  type ScheduleVolunteerInput,
  type VolunteerShiftView,
} from '../../domain/volunteer';
import type { ActivitiesContext, ResolverDeps } from './context';

export const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

/** A registration as the graph shows it: from an activity's roster, or from a resident's record. */
export interface RegistrationParent {
  id: string;
  activityId: string;
  residentId: string;
  status: RegistrationStatus;
  registeredAt?: Date | null;
  checkedInAt?: Date | null;
  activity?: Activity;
}

export interface ShiftParent {
  id: string;
  activityId: string;
  residentId: string;
  status: ShiftStatus;
  role?: string | null;
  scheduledHours?: number | null;
  completedHours?: number | null;
  verifiedHours?: number | null;
  activity?: Activity;
}

const fromRoster = (activity: Activity, r: Registration): RegistrationParent => ({ ...r, activityId: activity._id, activity });
const fromShift = (activity: Activity, s: VolunteerShift): ShiftParent => ({ ...s, activityId: activity._id, activity });
const fromView = (v: RegistrationView) => fromRoster(v.activity, v);
const fromShiftView = (v: VolunteerShiftView) => fromShift(v.activity, v);

async function activityOf(parent: { activity?: Activity; activityId: string }, ctx: ActivitiesContext): Promise<Activity> {
  const activity = parent.activity ?? (await ctx.activities.load(parent.activityId));
  if (!activity) throw new Error(`activity ${parent.activityId} of a registration is missing`);
  return activity;
}

const ORGANIZER_TYPE = {
  COMMUNITY: 'Community',
  SOCIAL_ORGANIZATION: 'SocialOrganization',
  PARTY_ORGANIZATION: 'PartyOrganization',
} as const;
export function activityResolvers(deps: ResolverDeps) {
  const activityDeps = {
    store: deps.activities,
    events: deps.events,
    venues: deps.venues,
    bookings: deps.bookings,
    settings: deps.settings,
  };
  const registrationDeps = { ...activityDeps, checkInOpensMinutesBefore: deps.settings.checkInOpensMinutesBefore };
  return {
    Query: {
      activity: (_: unknown, args: { id: string }, ctx: ActivitiesContext) => findActivity(ctx, args.id, ctx.activities),
      activities: (_: unknown, args: PageArgs & { filter?: ActivityFilterArgs | null }) =>
        listActivities(args.filter ?? {}, args, deps.activities),
    },
    Mutation: {
      createActivity: (_: unknown, args: { input: NewActivityInput }, ctx: ActivitiesContext) =>
        createActivity(args.input, ctx, activityDeps),
      publishActivity: (_: unknown, args: { id: string }, ctx: ActivitiesContext) => publishActivity(args.id, ctx, activityDeps),
      cancelActivity: (_: unknown, args: { id: string; reason?: string | null }, ctx: ActivitiesContext) =>
        cancelActivity(args.id, args.reason, ctx, activityDeps),
      completeActivity: (_: unknown, args: { id: string }, ctx: ActivitiesContext) => completeActivity(args.id, ctx, activityDeps),
      registerForActivity: async (_: unknown, args: { activityId: string; residentId?: string | null }, ctx: ActivitiesContext) =>
        fromView(await registerForActivity(args.activityId, args.residentId, ctx, registrationDeps)),
      cancelActivityRegistration: async (_: unknown, args: { activityId: string; residentId?: string | null }, ctx: ActivitiesContext) =>
        fromView(await cancelRegistration(args.activityId, args.residentId, ctx, registrationDeps)),
      checkInToActivity: async (_: unknown, args: { activityId: string; code: string }, ctx: ActivitiesContext) =>
        fromView(await checkIn(args.activityId, args.code, ctx, registrationDeps)),
      scheduleVolunteer: async (_: unknown, args: { input: ScheduleVolunteerInput }, ctx: ActivitiesContext) =>
        fromShiftView(await scheduleVolunteer(args.input, ctx, activityDeps)),
      reportVolunteerHours: async (_: unknown, args: { activityId: string; shiftId: string; hours: number }, ctx: ActivitiesContext) =>
        fromShiftView(await reportVolunteerHours(args, ctx, activityDeps)),
      verifyVolunteerHours: async (
        _: unknown,
        args: { activityId: string; shiftId: string; hours?: number | null },
        ctx: ActivitiesContext,
      ) => fromShiftView(await verifyVolunteerHours(args, ctx, activityDeps)),
    },
    Activity: {
      __resolveReference: (ref: { id: string }, ctx: ActivitiesContext) => findActivity(ctx, ref.id, ctx.activities),
      id: (a: Activity) => a._id,
      community: (a: Activity) => ({ __typename: 'Community', id: a.communityId }),
      venue: (a: Activity, _: unknown, ctx: ActivitiesContext) => (a.venueId ? ctx.venues.load(a.venueId) : null),
      organizer: (a: Activity) => ({ __typename: ORGANIZER_TYPE[a.organizer.kind], id: a.organizer.id }),
      startsAt: (a: Activity) => iso(a.startsAt),
      endsAt: (a: Activity) => iso(a.endsAt),
      seatsTaken: (a: Activity) => seatsTaken(a),
      seatsLeft: (a: Activity) => Math.max(0, a.seatsLeft),
      waitlistLength: (a: Activity) => a.waitlisted,
      attendedCount: (a: Activity) => a.attended,
      registrations: (a: Activity, _: unknown, ctx: ActivitiesContext) => activityRegistrations(ctx, a).map((r) => fromRoster(a, r)),
      volunteerShifts: (a: Activity, _: unknown, ctx: ActivitiesContext) => activityVolunteerShifts(ctx, a).map((s) => fromShift(a, s)),
    },
    ActivityOrganizer: {
      __resolveType: (o: { __typename: string }) => o.__typename,
    },
    ActivityRegistration: {
      activity: (r: RegistrationParent, _: unknown, ctx: ActivitiesContext) => activityOf(r, ctx),
      resident: (r: RegistrationParent) => ({ __typename: 'Resident', id: r.residentId }),
      registeredAt: (r: RegistrationParent) => iso(r.registeredAt),
      checkedInAt: (r: RegistrationParent) => iso(r.checkedInAt),
      waitlistPosition: async (r: RegistrationParent, _: unknown, ctx: ActivitiesContext) => {
        if (r.status !== 'WAITLISTED') return null;
        return waitlistPosition(await activityOf(r, ctx), r.id);
      },
      checkInCode: async (r: RegistrationParent, _: unknown, ctx: ActivitiesContext) => checkInCodeOf(ctx, await activityOf(r, ctx), r.id),
    },
    VolunteerShift: {
      activity: (s: ShiftParent, _: unknown, ctx: ActivitiesContext) => activityOf(s, ctx),
      resident: (s: ShiftParent) => ({ __typename: 'Resident', id: s.residentId }),
    },
  };
}
