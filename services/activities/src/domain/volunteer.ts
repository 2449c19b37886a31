import { randomUUID } from 'node:crypto';
import { authorize, BadInputError, ConflictError, NotFoundError } from '@sanshe/domain-kit';
import { ACTIVITY_STAFF_ROLES, activityScope, type Caller } from './access';
import { requireActivity, untilApplied, type ActivityDeps } from './activity';
import type { Activity, ActivityChange, VolunteerShift } from './activity-model';
import { ActivityEvents } from './events';
import { describeLocal } from './time';
import { requiredText } from './validation';

/**
 * Volunteer roles at an activity (a party-member service post, say): staff
 * schedule hours, the volunteer or staff report the hours served, staff verify them —
 * and only verified hours are announced (volunteerHours.verified, which credits turns
 * into points).
 */
export type VolunteerDeps = Pick<ActivityDeps, 'store' | 'events' | 'now'>;

export interface VolunteerShiftView extends VolunteerShift {
  activity: Activity;
}

function hoursOf(field: string, hours: number): number {
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24) throw new BadInputError(field, `${field} must be more than 0 and at most 24.`);
  return Math.round(hours * 100) / 100;
}

function shiftIndex(a: Activity, shiftId: string): number {
  const i = a.volunteerShifts.findIndex((s) => s.id === shiftId);
  if (i < 0) throw new NotFoundError('VolunteerShift', `${shiftId} of activity ${a._id}`);
  return i;
}

const staffPolicy = (a: Activity, verb: string) => ({
  action: `${verb} at activity ${a._id}`,
  roles: ACTIVITY_STAFF_ROLES,
  scope: activityScope(a),
});

async function changeShift(
  activityId: string,
  caller: Caller,
  deps: VolunteerDeps,
  decide: (a: Activity, events: ActivityEvents, now: Date) => { change: ActivityChange; shiftId: string },
): Promise<VolunteerShiftView> {
  let shiftId = '';
  const activity = await untilApplied(async () => {
    const a = await requireActivity(deps.store, activityId);
    const decided = decide(a, new ActivityEvents(deps.events, a, caller.traceparent), deps.now?.() ?? new Date());
    shiftId = decided.shiftId;
    return deps.store.apply(activityId, decided.change);
  }, `Activity ${activityId}`);
  return { ...activity.volunteerShifts.find((s) => s.id === shiftId)!, activity };
}

export interface ScheduleVolunteerInput {
  activityId: string;
  residentId: string;
  role: string;
  scheduledHours: number;
}

export async function scheduleVolunteer(input: ScheduleVolunteerInput, caller: Caller, deps: VolunteerDeps): Promise<VolunteerShiftView> {
  authorize(caller.identity, staffPolicy(await requireActivity(deps.store, input.activityId), 'schedule a volunteer'));
  const residentId = requiredText('residentId', input.residentId, 80);
  const role = requiredText('role', input.role, 40);
  const hours = hoursOf('scheduledHours', input.scheduledHours);
  const id = `shift-${randomUUID()}`;
  return changeShift(input.activityId, caller, deps, (a, events, now) => {
    if (a.status !== 'DRAFT' && a.status !== 'PUBLISHED')
      throw new ConflictError(`Activity ${a._id} is ${a.status}; volunteers are scheduled before it ends.`, { status: a.status });
    if (a.volunteers.includes(residentId))
      throw new ConflictError(`Resident ${residentId} already has a volunteer role at activity ${a._id}.`);
    const shift: VolunteerShift = {
      id,
      residentId,
      role,
      scheduledHours: hours,
      completedHours: null,
      verifiedHours: null,
      status: 'SCHEDULED',
      scheduledAt: now,
      reportedAt: null,
      verifiedAt: null,
      verifiedBy: null,
    };
    return {
      shiftId: id,
      change: {
        expect: { status: a.status },
        claim: { volunteer: residentId },
        appendShift: shift,
        events: [events.volunteerHoursScheduled(shift)],
      },
    };
  });
}

/** The volunteer (or staff) reports the hours served, once the activity has started; reporting again corrects it until verified. */
export async function reportVolunteerHours(
  input: { activityId: string; shiftId: string; hours: number },
  caller: Caller,
  deps: VolunteerDeps,
): Promise<VolunteerShiftView> {
  const first = await requireActivity(deps.store, input.activityId);
  const shift = first.volunteerShifts[shiftIndex(first, input.shiftId)]!;
  authorize(caller.identity, {
    ...staffPolicy(first, `report hours of shift ${shift.id}`),
    roles: [...ACTIVITY_STAFF_ROLES, 'RESIDENT'],
    scope: { ...activityScope(first), residentId: shift.residentId },
  });
  const hours = hoursOf('hours', input.hours);
  return changeShift(input.activityId, caller, deps, (a, events, now) => {
    const i = shiftIndex(a, input.shiftId);
    const s = a.volunteerShifts[i]!;
    if (a.status === 'CANCELLED' || a.status === 'DRAFT')
      throw new ConflictError(`Activity ${a._id} is ${a.status}; no hours were served.`, { status: a.status });
    if (now < a.startsAt)
      throw new ConflictError(`Activity ${a._id} starts at ${describeLocal(a.startsAt)}; report hours once it has started.`);
    if (s.status === 'VERIFIED') throw new ConflictError(`The hours of shift ${s.id} are already verified.`);
    return {
      shiftId: s.id,
      change: {
        expect: { shifts: [{ index: i, id: s.id, status: s.status }] },
        shifts: [{ index: i, set: { status: 'COMPLETED', completedHours: hours, reportedAt: now } }],
        events: [events.volunteerHoursReported(s, hours, now)],
      },
    };
  });
}

/** Staff confirm the reported hours (or correct them); this is what earns the volunteer credit. */
export async function verifyVolunteerHours(
  input: { activityId: string; shiftId: string; hours?: number | null },
  caller: Caller,
  deps: VolunteerDeps,
): Promise<VolunteerShiftView> {
  authorize(caller.identity, staffPolicy(await requireActivity(deps.store, input.activityId), 'verify volunteer hours'));
  return changeShift(input.activityId, caller, deps, (a, events, now) => {
    const i = shiftIndex(a, input.shiftId);
    const s = a.volunteerShifts[i]!;
    if (s.status === 'VERIFIED') throw new ConflictError(`The hours of shift ${s.id} were already verified: ${s.verifiedHours} h.`);
    if (s.status !== 'COMPLETED')
      throw new ConflictError(`The hours of shift ${s.id} have not been reported yet; they are verified after the volunteer reports them.`);
    const hours = hoursOf('hours', input.hours ?? s.completedHours!);
    return {
      shiftId: s.id,
      change: {
        expect: { shifts: [{ index: i, id: s.id, status: 'COMPLETED' }] },
        shifts: [{ index: i, set: { status: 'VERIFIED', verifiedHours: hours, verifiedAt: now, verifiedBy: caller.identity.userId } }],
        events: [events.volunteerHoursVerified(s, hours, now)],
      },
    };
  });
}
