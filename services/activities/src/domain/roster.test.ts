import { EventContracts, EventFactory } from '@sanshe/service-kit';
import type { Activity, ActivityChange, Registration } from './activity-model';
import { ActivityEvents, EVENT } from './events';
import { decideCancellation, decideCheckIn, decideCompletion, decideRegistration } from './roster';

// Real contracts: every event a decision emits must satisfy its schema in schemas/events.
const factory = new EventFactory('activities', new EventContracts());
const NOW = new Date('2026-12-01T01:00:00Z');

function activity(overrides: Partial<Activity> = {}): Activity {
  return {
    _id: 'activity-1',
    title: '社区睦邻学堂',
    category: 'NEIGHBOURHOOD_SCHOOL',
    description: null,
    communityId: 'community-001',
    streetId: 'street-01',
    venueId: null,
    bookingId: null,
    organizer: { kind: 'COMMUNITY', id: 'community-001' },
    startsAt: new Date('2026-12-01T01:30:00Z'),
    endsAt: new Date('2026-12-01T03:30:00Z'),
    capacity: 2,
    status: 'PUBLISHED',
    seatsLeft: 2,
    waitlisted: 0,
    attended: 0,
    holders: [],
    checkInCodes: [],
    volunteers: [],
    registrations: [],
    volunteerShifts: [],
    publishedAt: NOW,
    cancelledAt: null,
    cancelReason: null,
    completedAt: null,
    ...overrides,
  };
}
const events = (a: Activity) => new ActivityEvents(factory, a, '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
const typesOf = (change: ActivityChange) => change.events.map((e) => e.type);

/** Applies a change as the store would, for sequences of decisions (expectations are checked by the store tests). */
function applied(a: Activity, change: ActivityChange): Activity {
  const registrations = a.registrations.map((r, i) => ({ ...r, ...change.registrations?.find((x) => x.index === i)?.set }));
  if (change.appendRegistration) registrations.push(change.appendRegistration);
  const holders = [...a.holders, ...(change.claim?.holder ? [change.claim.holder] : [])].filter((h) => !change.removeHolders?.includes(h));
  return {
    ...a,
    ...change.set,
    registrations,
    holders,
    checkInCodes: [...a.checkInCodes, ...(change.claim?.checkInCode ? [change.claim.checkInCode] : [])],
    seatsLeft: a.seatsLeft + (change.inc?.seatsLeft ?? 0),
    waitlisted: a.waitlisted + (change.inc?.waitlisted ?? 0),
    attended: a.attended + (change.inc?.attended ?? 0),
  };
}

function register(a: Activity, residentId: string, random?: (max: number) => number): Activity {
  const { change } = decideRegistration(
    a,
    { registrationId: `registration-${residentId}`, residentId, registeredBy: 'SELF', now: NOW },
    events(a),
    random,
  );
  return applied(a, change);
}

describe('the roster', () => {
  it('seats residents while seats last, then waitlists them, each with a created event', () => {
    let a = register(register(activity(), 'r1'), 'r2');
    const { change, registration } = decideRegistration(
      a,
      { registrationId: 'registration-r3', residentId: 'r3', registeredBy: 'STAFF', now: NOW },
      events(a),
    );
    expect(registration).toMatchObject({ status: 'WAITLISTED', checkInCode: null, registeredBy: 'STAFF' });
    expect(change.expect).toEqual({ status: 'PUBLISHED', seats: 'FULL' });
    expect(change.inc).toEqual({ waitlisted: 1 });
    expect(typesOf(change)).toEqual([EVENT.registrationCreated]);
    a = applied(a, change);
    expect(a.registrations.map((r) => r.status)).toEqual(['REGISTERED', 'REGISTERED', 'WAITLISTED']);
    expect(a.registrations[0]!.checkInCode).toMatch(/^\d{6}$/);
    expect(() => register(a, 'r1')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('refuses registration unless the activity is published and not over', () => {
    expect(() => register(activity({ status: 'DRAFT' }), 'r1')).toThrow(/DRAFT/);
    expect(() => register(activity({ endsAt: new Date(NOW.getTime() - 1) }), 'r1')).toThrow(/registration is closed/);
  });

  it('gives a freed seat, in the same write, to the first resident waiting, with a fresh code', () => {
    const a = ['r1', 'r2', 'r3', 'r4'].reduce((a, r) => register(a, r), activity());
    const { change, promoted } = decideCancellation(a, 'r1', NOW, events(a));
    expect(promoted).toMatchObject({ residentId: 'r3', status: 'REGISTERED' });
    expect(change.expect.registrations).toEqual([
      { index: 0, id: 'registration-r1', status: 'REGISTERED' },
      { index: 2, id: 'registration-r3', status: 'WAITLISTED' },
    ]);
    expect(change.inc).toEqual({ waitlisted: -1 });
    expect(typesOf(change)).toEqual([EVENT.registrationCancelled, EVENT.registrationPromoted]);
    const after = applied(a, change);
    expect(after.registrations.map((r) => r.status)).toEqual(['CANCELLED', 'REGISTERED', 'REGISTERED', 'WAITLISTED']);
    expect(after.registrations[2]!.checkInCode).toMatch(/^\d{6}$/);
    expect(new Set(after.checkInCodes).size).toBe(3);
  });

  it('frees the seat when nobody waits, on condition that nobody started waiting meanwhile', () => {
    const a = register(activity(), 'r1');
    const { change, promoted } = decideCancellation(a, 'r1', NOW, events(a));
    expect(promoted).toBeNull();
    expect(change.expect.waitlisted).toBe(0);
    expect(change.inc).toEqual({ seatsLeft: 1 });
  });

  it('never hands out a code twice', () => {
    const codes = [7, 7, 7, 8];
    const a = register(
      register(activity(), 'r1', () => codes.shift()!),
      'r2',
      () => codes.shift()!,
    );
    expect(a.registrations.map((r) => r.checkInCode)).toEqual(['000007', '000008']);
  });

  it('spends a code once, within the check-in window, and emits attendance.confirmed', () => {
    const a = register(activity(), 'r1');
    const code = a.registrations[0]!.checkInCode!;
    const request = { code, now: NOW, opensMinutesBefore: 60, selfResidentId: null };
    const { change, attended } = decideCheckIn(a, request, events(a));
    expect(attended).toMatchObject({ status: 'ATTENDED', checkedInAt: NOW });
    expect(JSON.parse(change.events[0]!.payload).data).toEqual({
      attendanceId: 'registration-r1',
      activityId: 'activity-1',
      residentId: 'r1',
      communityId: 'community-001',
      confirmedAt: NOW.toISOString(),
    });
    const after = applied(a, change);
    expect(() => decideCheckIn(after, request, events(after))).toThrow(/already used/);
    expect(() => decideCheckIn(a, { ...request, now: new Date('2026-11-30T23:00:00Z') }, events(a))).toThrow(/open from 2026-12-01 08:30/);
    expect(() => decideCheckIn(a, { ...request, selfResidentId: 'r9' }, events(a))).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => decideCheckIn(a, { ...request, code: '12' }, events(a))).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('turns seats never checked in into no-shows on completion, pinning the roster length', () => {
    let a = ['r1', 'r2', 'r3'].reduce((a, r) => register(a, r), activity({ startsAt: new Date(NOW.getTime() - 60_000) }));
    a = applied(
      a,
      decideCheckIn(a, { code: a.registrations[0]!.checkInCode!, now: NOW, opensMinutesBefore: 60, selfResidentId: null }, events(a))
        .change,
    );
    const change = decideCompletion(a, NOW, events(a));
    expect(change.expect).toMatchObject({
      registrationCount: 3,
      registrations: [{ index: 1, id: 'registration-r2', status: 'REGISTERED' }],
    });
    expect(applied(a, change).registrations.map((r: Registration) => r.status)).toEqual(['ATTENDED', 'NO_SHOW', 'WAITLISTED']);
    expect(JSON.parse(change.events[0]!.payload).data).toMatchObject({
      attended: 1,
      noShows: [{ registrationId: 'registration-r2', residentId: 'r2' }],
    });
    expect(() => decideCompletion(activity(), NOW, events(activity()))).toThrow(/once it has started/);
  });
});
