import { authorize, BadInputError, pageRequest, toConnection, type Identity, type PageArgs } from '@sanshe/service-kit';
import type { ActivityDoc } from '../../data-access/models';
import { ACTIVITY_STAFF_ROLES, activityScope, ORGANIZER_ROLES } from '../../domain/access';
import { cancelActivity, completeActivity, createActivity, publishActivity, type NewActivityInput } from '../../domain/activity';
import {
  isPublic,
  seatsTaken,
  type Activity,
  type ActivityStatus,
  type Registration,
  type RegistrationStatus,
  type ShiftStatus,
  type VolunteerShift,
} from '../../domain/activity-model';
import { cancelRegistration, checkIn, registerForActivity, type RegistrationView } from '../../domain/registration';
import { parseDateTime } from '../../domain/time';
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

/** Drafts are seen only by those who may organize them. */
export function visible<T extends Activity>(identity: Identity, activity: T | null): T | null {
  if (activity && !isPublic(activity))
    authorize(identity, { action: `see draft activity ${activity._id}`, roles: ORGANIZER_ROLES, scope: activityScope(activity) });
  return activity;
}

const staffOnly = (identity: Identity, a: Activity, what: string) =>
  authorize(identity, { action: `see the ${what} of activity ${a._id}`, roles: ACTIVITY_STAFF_ROLES, scope: activityScope(a) });

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
const PUBLIC_STATUSES: ActivityStatus[] = ['PUBLISHED', 'CANCELLED', 'COMPLETED'];

interface ActivityFilterArgs {
  communityId?: string | null;
  streetId?: string | null;
  category?: string | null;
  statuses?: ActivityStatus[] | null;
  startsFrom?: string | null;
  startsBefore?: string | null;
}

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
      activity: async (_: unknown, args: { id: string }, ctx: ActivitiesContext) =>
        visible(ctx.identity, await ctx.activities.load(args.id)),
      activities: async (_: unknown, args: PageArgs & { filter?: ActivityFilterArgs | null }) => {
        const f = args.filter ?? {};
        const statuses = f.statuses ?? ['PUBLISHED', 'COMPLETED'];
        if (statuses.some((s) => !PUBLIC_STATUSES.includes(s)))
          throw new BadInputError('filter.statuses', 'Drafts are not listed; ask for PUBLISHED, CANCELLED or COMPLETED activities.');
        const page = pageRequest(args);
        const rows = await deps.activities.page(
          {
            ...f,
            statuses,
            startsFrom: f.startsFrom ? parseDateTime('filter.startsFrom', f.startsFrom) : null,
            startsBefore: f.startsBefore ? parseDateTime('filter.startsBefore', f.startsBefore) : null,
          },
          page,
        );
        return toConnection(rows, page.limit, (a) => a._id);
      },
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
      __resolveReference: async (ref: { id: string }, ctx: ActivitiesContext) => visible(ctx.identity, await ctx.activities.load(ref.id)),
      id: (a: ActivityDoc) => a._id,
      community: (a: ActivityDoc) => ({ __typename: 'Community', id: a.communityId }),
      venue: (a: ActivityDoc, _: unknown, ctx: ActivitiesContext) => (a.venueId ? ctx.venues.load(a.venueId) : null),
      organizer: (a: ActivityDoc) => ({ __typename: ORGANIZER_TYPE[a.organizer.kind], id: a.organizer.id }),
      startsAt: (a: ActivityDoc) => iso(a.startsAt),
      endsAt: (a: ActivityDoc) => iso(a.endsAt),
      seatsTaken: (a: ActivityDoc) => seatsTaken(a),
      seatsLeft: (a: ActivityDoc) => Math.max(0, a.seatsLeft),
      waitlistLength: (a: ActivityDoc) => a.waitlisted,
      attendedCount: (a: ActivityDoc) => a.attended,
      registrations: (a: ActivityDoc, _: unknown, ctx: ActivitiesContext) => {
        staffOnly(ctx.identity, a, 'registrations');
        return a.registrations.map((r) => fromRoster(a, r));
      },
      volunteerShifts: (a: ActivityDoc, _: unknown, ctx: ActivitiesContext) => {
        staffOnly(ctx.identity, a, 'volunteer shifts');
        return a.volunteerShifts.map((s) => fromShift(a, s));
      },
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
        const waiting = (await activityOf(r, ctx)).registrations.filter((x) => x.status === 'WAITLISTED');
        const position = waiting.findIndex((x) => x.id === r.id);
        return position >= 0 ? position + 1 : null;
      },
      checkInCode: async (r: RegistrationParent, _: unknown, ctx: ActivitiesContext) => {
        const activity = await activityOf(r, ctx);
        const entry = activity.registrations.find((x) => x.id === r.id);
        if (!entry?.checkInCode || entry.status !== 'REGISTERED') return null;
        authorize(ctx.identity, {
          action: `see the check-in code of registration ${r.id}`,
          roles: [...ACTIVITY_STAFF_ROLES, 'RESIDENT'],
          scope: { ...activityScope(activity), residentId: entry.residentId },
        });
        return entry.checkInCode;
      },
    },
    VolunteerShift: {
      activity: (s: ShiftParent, _: unknown, ctx: ActivitiesContext) => activityOf(s, ctx),
      resident: (s: ShiftParent) => ({ __typename: 'Resident', id: s.residentId }),
    },
  };
}
