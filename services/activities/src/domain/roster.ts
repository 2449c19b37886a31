import { randomInt } from 'node:crypto';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '@sanshe/domain-kit';
import type { Activity, ActivityChange, Registration } from './activity-model';
import type { ActivityEvents } from './events';
import { describeLocal } from './time';

/**
 * The roster rules, as pure decisions: each takes the activity as last read and returns
 * the compare-and-set change that carries it out, or refuses. Expectations in the change
 * make the write fail, and the use-case decide again, if someone else got there first.
 */
const LIVE: ReadonlySet<Registration['status']> = new Set(['REGISTERED', 'WAITLISTED']);

export function newCheckInCode(activity: Pick<Activity, 'checkInCodes'>, random: (max: number) => number = randomInt): string {
  const taken = new Set(activity.checkInCodes);
  for (;;) {
    const code = String(random(1_000_000)).padStart(6, '0');
    if (!taken.has(code)) return code;
  }
}

function requireOpenForRegistration(a: Activity, now: Date): void {
  if (a.status !== 'PUBLISHED')
    throw new ConflictError(`Activity ${a._id} is ${a.status}; residents can register only while it is published.`, { status: a.status });
  if (now >= a.endsAt) throw new ConflictError(`Activity ${a._id} ended at ${describeLocal(a.endsAt)}; registration is closed.`);
}

export interface RegistrationRequest {
  registrationId: string;
  residentId: string;
  registeredBy: Registration['registeredBy'];
  now: Date;
}

/** A seat while there is one, else a place at the end of the waitlist. */
export function decideRegistration(
  a: Activity,
  req: RegistrationRequest,
  events: ActivityEvents,
  random?: (max: number) => number,
): { change: ActivityChange; registration: Registration } {
  requireOpenForRegistration(a, req.now);
  if (a.holders.includes(req.residentId)) {
    throw new ConflictError(`Resident ${req.residentId} is already registered for activity ${a._id}.`, { residentId: req.residentId });
  }
  const seat = a.seatsLeft > 0;
  const registration: Registration = {
    id: req.registrationId,
    residentId: req.residentId,
    status: seat ? 'REGISTERED' : 'WAITLISTED',
    registeredBy: req.registeredBy,
    registeredAt: req.now,
    checkInCode: seat ? newCheckInCode(a, random) : null,
    promotedAt: null,
    cancelledAt: null,
    checkedInAt: null,
  };
  const change: ActivityChange = {
    expect: { status: 'PUBLISHED', seats: seat ? 'AVAILABLE' : 'FULL' },
    appendRegistration: registration,
    inc: seat ? { seatsLeft: -1 } : { waitlisted: 1 },
    claim: { holder: req.residentId, ...(seat ? { checkInCode: registration.checkInCode! } : {}) },
    events: [events.registrationCreated(registration)],
  };
  return { change, registration };
}

export function liveRegistrationIndex(a: Activity, residentId: string): number {
  const index = a.registrations.findIndex((r) => r.residentId === residentId && LIVE.has(r.status));
  if (index >= 0) return index;
  const past = a.registrations.find((r) => r.residentId === residentId && (r.status === 'ATTENDED' || r.status === 'NO_SHOW'));
  if (past)
    throw new ConflictError(
      `Resident ${residentId} is already ${past.status === 'ATTENDED' ? 'checked in at' : 'recorded as a no-show for'} activity ${a._id}; that cannot be cancelled.`,
    );
  throw new NotFoundError('Registration', `of resident ${residentId} for activity ${a._id}`);
}

/**
 * Cancels a resident's seat or waiting place. A freed seat goes, in the same write,
 * to the first resident on the waitlist, who gets a check-in code.
 */
export function decideCancellation(
  a: Activity,
  residentId: string,
  now: Date,
  events: ActivityEvents,
  random?: (max: number) => number,
): { change: ActivityChange; cancelled: Registration; promoted: Registration | null } {
  if (a.status !== 'PUBLISHED')
    throw new ConflictError(`Activity ${a._id} is ${a.status}; its registrations can no longer be cancelled.`, { status: a.status });
  const i = liveRegistrationIndex(a, residentId);
  const entry = a.registrations[i]!;
  const previous = entry.status as 'REGISTERED' | 'WAITLISTED';
  const cancelled: Registration = { ...entry, status: 'CANCELLED', cancelledAt: now };
  const change: ActivityChange = {
    expect: { status: 'PUBLISHED', registrations: [{ index: i, id: entry.id, status: previous }] },
    registrations: [{ index: i, set: { status: 'CANCELLED', cancelledAt: now } }],
    removeHolders: [residentId],
    events: [events.registrationCancelled(cancelled, previous, now)],
  };
  if (previous === 'WAITLISTED') return { change: { ...change, inc: { waitlisted: -1 } }, cancelled, promoted: null };

  const j = a.registrations.findIndex((r) => r.status === 'WAITLISTED');
  if (j < 0) {
    return { change: { ...change, expect: { ...change.expect, waitlisted: 0 }, inc: { seatsLeft: 1 } }, cancelled, promoted: null };
  }
  const next = a.registrations[j]!;
  const promoted: Registration = { ...next, status: 'REGISTERED', promotedAt: now, checkInCode: newCheckInCode(a, random) };
  return {
    change: {
      ...change,
      expect: { ...change.expect, registrations: [...change.expect.registrations!, { index: j, id: next.id, status: 'WAITLISTED' }] },
      claim: { checkInCode: promoted.checkInCode! },
      registrations: [
        ...change.registrations!,
        { index: j, set: { status: 'REGISTERED', promotedAt: now, checkInCode: promoted.checkInCode } },
      ],
      inc: { waitlisted: -1 },
      events: [...change.events, events.registrationPromoted(promoted, now)],
    },
    cancelled,
    promoted,
  };
}

export interface CheckInRequest {
  code: string;
  now: Date;
  /** Check-in opens this many minutes before the start. */
  opensMinutesBefore: number;
  /** Set when residents check themselves in: the code must be their own. */
  selfResidentId: string | null;
}

/** Spends a one-time code: the seat becomes an attendance and attendance.confirmed is emitted. */
export function decideCheckIn(
  a: Activity,
  req: CheckInRequest,
  events: ActivityEvents,
): { change: ActivityChange; attended: Registration } {
  if (a.status !== 'PUBLISHED') throw new ConflictError(`Activity ${a._id} is ${a.status}; check-in is closed.`, { status: a.status });
  const opens = new Date(a.startsAt.getTime() - req.opensMinutesBefore * 60_000);
  if (req.now < opens || req.now > a.endsAt) {
    throw new ConflictError(`Check-in for activity ${a._id} is open from ${describeLocal(opens)} to ${describeLocal(a.endsAt)}.`);
  }
  const code = req.code.trim();
  if (!/^\d{6}$/.test(code)) throw new BadInputError('code', 'A check-in code has six digits.');
  const i = a.registrations.findIndex((r) => r.checkInCode === code);
  const entry = a.registrations[i];
  if (!entry) throw new BadInputError('code', `No seat at activity ${a._id} has the check-in code ${code}.`);
  if (req.selfResidentId !== null && entry.residentId !== req.selfResidentId)
    throw new ForbiddenError('That check-in code belongs to another resident’s seat.');
  if (entry.status === 'ATTENDED')
    throw new ConflictError(`The check-in code ${code} was already used at ${describeLocal(entry.checkedInAt!)}.`);
  if (entry.status !== 'REGISTERED') throw new ConflictError(`The check-in code ${code} belongs to a ${entry.status} registration.`);
  const attended: Registration = { ...entry, status: 'ATTENDED', checkedInAt: req.now };
  return {
    change: {
      expect: { status: 'PUBLISHED', registrations: [{ index: i, id: entry.id, status: 'REGISTERED' }] },
      registrations: [{ index: i, set: { status: 'ATTENDED', checkedInAt: req.now } }],
      inc: { attended: 1 },
      events: [events.attendanceConfirmed(attended, req.now)],
    },
    attended,
  };
}

/** Closes an activity: residents who kept their seat but never checked in become no-shows. */
export function decideCompletion(a: Activity, now: Date, events: ActivityEvents): ActivityChange {
  if (a.status !== 'PUBLISHED')
    throw new ConflictError(`Activity ${a._id} is ${a.status}; only a PUBLISHED activity can be completed.`, { status: a.status });
  if (now < a.startsAt)
    throw new ConflictError(`Activity ${a._id} starts at ${describeLocal(a.startsAt)}; it can be completed once it has started.`);
  const noShows = a.registrations.map((r, index) => ({ r, index })).filter(({ r }) => r.status === 'REGISTERED');
  return {
    expect: {
      status: 'PUBLISHED',
      registrationCount: a.registrations.length,
      registrations: noShows.map(({ r, index }) => ({ index, id: r.id, status: 'REGISTERED' as const })),
    },
    set: { status: 'COMPLETED', completedAt: now },
    registrations: noShows.map(({ index }) => ({ index, set: { status: 'NO_SHOW' as const } })),
    events: [
      events.completed(
        a.attended,
        noShows.map(({ r }) => r),
        now,
      ),
    ],
  };
}
