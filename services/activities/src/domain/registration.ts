import { randomUUID } from 'node:crypto';
import { allows, authorize, BadInputError, UnauthenticatedError, type Identity } from '@sanshe/domain-kit';
import { ACTIVITY_STAFF_ROLES, activityScope, type Caller } from './access';
import { requireActivity, untilApplied, type ActivityDeps } from './activity';
import type { Activity, Registration } from './activity-model';
import { ActivityEvents } from './events';
import { decideCancellation, decideCheckIn, decideRegistration } from './roster';

export type RegistrationDeps = Pick<ActivityDeps, 'store' | 'events' | 'now'> & { checkInOpensMinutesBefore: number };

export interface RegistrationView extends Registration {
  activity: Activity;
}

const view = (activity: Activity, id: string): RegistrationView => ({ ...activity.registrations.find((r) => r.id === id)!, activity });

/**
 * A resident acts for themself (RESIDENT with their own residentId); staff serving the
 * activity act on anyone's behalf. Returns who is acting on whom.
 */
function actingFor(
  caller: Caller,
  activity: Activity,
  residentId: string | null | undefined,
  verb: string,
): { residentId: string; self: boolean } {
  const { identity } = caller;
  if (identity.userId === null) throw new UnauthenticatedError(`Sign in first: to ${verb} you need an authenticated caller.`);
  const resident = residentId?.trim() || identity.residentId;
  if (!resident) throw new BadInputError('residentId', 'Say which resident: give residentId, or sign in as the resident.');
  const self = identity.roles.includes('RESIDENT') && identity.residentId === resident;
  if (!self)
    authorize(identity, {
      action: `${verb} for resident ${resident} at activity ${activity._id}`,
      roles: [...ACTIVITY_STAFF_ROLES, 'RESIDENT'],
      scope: { ...activityScope(activity), residentId: resident },
    });
  return { residentId: resident, self };
}

/** Registers a resident: a seat while there is one, else the waitlist. */
export async function registerForActivity(
  activityId: string,
  residentId: string | null | undefined,
  caller: Caller,
  deps: RegistrationDeps,
): Promise<RegistrationView> {
  const acting = actingFor(caller, await requireActivity(deps.store, activityId), residentId, 'register');
  const registrationId = `registration-${randomUUID()}`;
  const activity = await untilApplied(async () => {
    const a = await requireActivity(deps.store, activityId);
    const now = deps.now?.() ?? new Date();
    const { change } = decideRegistration(
      a,
      { registrationId, residentId: acting.residentId, registeredBy: acting.self ? 'SELF' : 'STAFF', now },
      new ActivityEvents(deps.events, a, caller.traceparent),
    );
    return deps.store.apply(activityId, change);
  }, `Activity ${activityId}`);
  return view(activity, registrationId);
}

/** Gives up a seat or a waiting place; a freed seat goes to the first resident waiting. */
export async function cancelRegistration(
  activityId: string,
  residentId: string | null | undefined,
  caller: Caller,
  deps: RegistrationDeps,
): Promise<RegistrationView> {
  const acting = actingFor(caller, await requireActivity(deps.store, activityId), residentId, 'cancel a registration');
  let cancelledId = '';
  const activity = await untilApplied(async () => {
    const a = await requireActivity(deps.store, activityId);
    const { change, cancelled } = decideCancellation(
      a,
      acting.residentId,
      deps.now?.() ?? new Date(),
      new ActivityEvents(deps.events, a, caller.traceparent),
    );
    cancelledId = cancelled.id;
    return deps.store.apply(activityId, change);
  }, `Activity ${activityId}`);
  return view(activity, cancelledId);
}

function checkInRole(identity: Identity, activity: Activity): { selfResidentId: string | null } {
  if (allows(identity, { action: 'check in', roles: ACTIVITY_STAFF_ROLES, scope: activityScope(activity) }))
    return { selfResidentId: null };
  if (identity.roles.includes('RESIDENT') && identity.residentId) return { selfResidentId: identity.residentId };
  authorize(identity, {
    action: `check residents in at activity ${activity._id}`,
    roles: [...ACTIVITY_STAFF_ROLES, 'RESIDENT'],
    scope: activityScope(activity),
  });
  return { selfResidentId: null };
}

/** Checks a seat in with its one-time code (staff at the door, or the resident with their own code). */
export async function checkIn(activityId: string, code: string, caller: Caller, deps: RegistrationDeps): Promise<RegistrationView> {
  const { selfResidentId } = checkInRole(caller.identity, await requireActivity(deps.store, activityId));
  let attendedId = '';
  const activity = await untilApplied(async () => {
    const a = await requireActivity(deps.store, activityId);
    const request = { code, now: deps.now?.() ?? new Date(), opensMinutesBefore: deps.checkInOpensMinutesBefore, selfResidentId };
    const { change, attended } = decideCheckIn(a, request, new ActivityEvents(deps.events, a, caller.traceparent));
    attendedId = attended.id;
    return deps.store.apply(activityId, change);
  }, `Activity ${activityId}`);
  return view(activity, attendedId);
}
