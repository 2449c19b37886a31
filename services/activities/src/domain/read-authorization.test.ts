import { ANONYMOUS, BadInputError, ForbiddenError, UnauthenticatedError, type Identity } from '@sanshe/domain-kit';
import type { Activity, Registration } from './activity-model';
import { activityRegistrations, checkInCodeOf, findActivity, listActivities, type ActivityReader } from './activity-queries';
import { residentRegistrations, type ResidentRecord } from './resident-record';
import type { ActivityGroup, Venue } from './venue-model';
import { groupMembers, venueBookings } from './venue-queries';

/** The reads' authorization, now in the domain: each case names who may and who may not see what. */

const who = (identity: Partial<Identity>) => ({ identity: { ...ANONYMOUS, userId: 'user-1', ...identity } });
const anonymous = { identity: ANONYMOUS };
const staffHere = who({ roles: ['COMMUNITY_STAFF'], communityIds: ['community-001'] });
const staffElsewhere = who({ roles: ['COMMUNITY_STAFF'], communityIds: ['community-002'] });
const resident = (residentId: string) => who({ roles: ['RESIDENT'], residentId });

function registration(overrides: Partial<Registration>): Registration {
  return {
    id: 'registration-1',
    residentId: 'resident-1',
    status: 'REGISTERED',
    registeredBy: 'SELF',
    registeredAt: new Date('2026-11-20T01:00:00Z'),
    checkInCode: 'K7Q2',
    promotedAt: null,
    cancelledAt: null,
    checkedInAt: null,
    ...overrides,
  };
}

function activity(overrides: Partial<Activity> = {}): Activity {
  return {
    _id: 'activity-1',
    title: 'Neighbourhood school',
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
    seatsLeft: 1,
    waitlisted: 0,
    attended: 0,
    holders: ['resident-1'],
    checkInCodes: ['K7Q2'],
    volunteers: [],
    registrations: [registration({})],
    volunteerShifts: [],
    publishedAt: new Date('2026-11-01T00:00:00Z'),
    cancelledAt: null,
    cancelReason: null,
    completedAt: null,
    ...overrides,
  };
}

const lookup = <T>(byId: Record<string, T>) => ({ load: (id: string) => Promise.resolve(byId[id] ?? null) });

describe('finding an activity', () => {
  const draft = activity({ _id: 'activity-draft', status: 'DRAFT', publishedAt: null });
  const activities = lookup({ 'activity-1': activity(), 'activity-draft': draft });

  it('shows a published activity to anyone, and an unknown id as null', async () => {
    expect((await findActivity(anonymous, 'activity-1', activities))?._id).toBe('activity-1');
    expect(await findActivity(anonymous, 'activity-none', activities)).toBeNull();
  });

  it('shows a draft only to those who may organize it', async () => {
    expect((await findActivity(staffHere, 'activity-draft', activities))?._id).toBe('activity-draft');
    await expect(findActivity(staffElsewhere, 'activity-draft', activities)).rejects.toThrow(ForbiddenError);
    await expect(findActivity(resident('resident-1'), 'activity-draft', activities)).rejects.toThrow(ForbiddenError);
    await expect(findActivity(anonymous, 'activity-draft', activities)).rejects.toThrow(UnauthenticatedError);
  });
});

describe('listing activities', () => {
  const reader = () => {
    const asked: Parameters<ActivityReader['page']>[] = [];
    const store: ActivityReader = {
      byIds: () => Promise.resolve([]),
      publishedIn: () => Promise.resolve([]),
      upcomingIn: () => Promise.resolve([]),
      organizedBy: () => Promise.resolve([]),
      page: (...args) => {
        asked.push(args);
        return Promise.resolve([activity({ _id: 'a' }), activity({ _id: 'b' })]);
      },
    };
    return { store, asked };
  };

  it('never lists drafts, and refuses before reading', async () => {
    const { store, asked } = reader();
    const refused = listActivities({ statuses: ['PUBLISHED', 'DRAFT'] }, {}, store);
    await expect(refused).rejects.toThrow(BadInputError);
    await expect(refused).rejects.toMatchObject({ field: 'filter.statuses' });
    expect(asked).toEqual([]);
  });

  it('asks for published and completed activities by default, with the period parsed, and pages with one row to spare', async () => {
    const { store, asked } = reader();
    const page = await listActivities({ communityId: 'community-001', startsFrom: '2026-12-01T00:00:00Z' }, { first: 1 }, store);
    expect(asked[0][0]).toMatchObject({
      communityId: 'community-001',
      statuses: ['PUBLISHED', 'COMPLETED'],
      startsFrom: new Date('2026-12-01T00:00:00Z'),
      startsBefore: null,
    });
    expect(asked[0][1].limit).toBe(1);
    expect(page.edges.map((e) => e.node._id)).toEqual(['a']);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });
});

describe("an activity's roster and check-in codes", () => {
  it('shows the roster to staff of its community and the social workers serving it, no one else', () => {
    const a = activity();
    expect(activityRegistrations(staffHere, a)).toHaveLength(1);
    expect(activityRegistrations(who({ roles: ['SOCIAL_WORKER'], communityIds: ['community-001'] }), a)).toHaveLength(1);
    expect(() => activityRegistrations(staffElsewhere, a)).toThrow(ForbiddenError);
    expect(() => activityRegistrations(resident('resident-1'), a)).toThrow(ForbiddenError);
  });

  it('shows a check-in code to its resident and the staff, and to no one while the registration is not REGISTERED', () => {
    const a = activity({ registrations: [registration({}), registration({ id: 'registration-2', status: 'CANCELLED' })] });
    expect(checkInCodeOf(resident('resident-1'), a, 'registration-1')).toBe('K7Q2');
    expect(checkInCodeOf(staffHere, a, 'registration-1')).toBe('K7Q2');
    expect(() => checkInCodeOf(resident('resident-2'), a, 'registration-1')).toThrow(ForbiddenError);
    expect(checkInCodeOf(anonymous, a, 'registration-2')).toBeNull();
  });
});

describe("a resident's record", () => {
  const records = lookup<ResidentRecord>({
    'resident-1': {
      _id: 'resident-1',
      home: { communityId: 'community-001', streetId: 'street-01' },
      registrations: {
        'registration-old': { activityId: 'activity-0', status: 'ATTENDED', registeredAt: new Date('2026-10-01T00:00:00Z') },
        'registration-new': { activityId: 'activity-1', status: 'REGISTERED', registeredAt: new Date('2026-11-20T00:00:00Z') },
      },
    },
  });

  it('is read by the resident and by staff serving where they live, newest first', async () => {
    for (const caller of [resident('resident-1'), staffHere]) {
      const rows = await residentRegistrations(caller, 'resident-1', records);
      expect(rows.map((r) => [r.id, r.residentId])).toEqual([
        ['registration-new', 'resident-1'],
        ['registration-old', 'resident-1'],
      ]);
    }
  });

  it('is refused to another resident and to staff of another community', async () => {
    await expect(residentRegistrations(resident('resident-2'), 'resident-1', records)).rejects.toThrow(ForbiddenError);
    await expect(residentRegistrations(staffElsewhere, 'resident-1', records)).rejects.toThrow(ForbiddenError);
  });
});

describe("a venue's bookings and a group's members", () => {
  const venue: Venue = {
    _id: 'venue-1',
    name: 'Hall',
    kind: 'ROOM',
    communityId: 'community-001',
    streetId: 'street-01',
    capacity: 40,
    openingHours: [],
    allowsOverlap: false,
  };
  const bookings = () => {
    const asked: [string, Date, Date][] = [];
    return { asked, load: (venueId: string, from: Date, to: Date) => (asked.push([venueId, from, to]), Promise.resolve([])) };
  };

  it('are for those who book the community venues', async () => {
    const window = { from: '2026-12-01T00:00:00Z', to: '2026-12-08T00:00:00Z' };
    const lookupOf = bookings();
    await venueBookings(staffHere, venue, window, lookupOf);
    expect(lookupOf.asked).toEqual([['venue-1', new Date(window.from), new Date(window.to)]]);
    expect(() => venueBookings(staffElsewhere, venue, window, bookings())).toThrow(ForbiddenError);
    const group: ActivityGroup = {
      _id: 'group-1',
      communityId: 'community-001',
      streetId: 'street-01',
      name: 'Square dance',
      kind: 'SQUARE_DANCE',
      members: ['resident-1'],
      createdAt: new Date('2026-01-01T00:00:00Z'),
    };
    expect(groupMembers(staffHere, group)).toEqual(['resident-1']);
    expect(() => groupMembers(resident('resident-1'), group)).toThrow(ForbiddenError);
  });

  it('are asked for at most 92 days at a time, to after from', () => {
    const lookupOf = bookings();
    expect(() => venueBookings(staffHere, venue, { from: '2026-12-01T00:00:00Z', to: '2027-03-15T00:00:00Z' }, lookupOf)).toThrow(
      BadInputError,
    );
    expect(() => venueBookings(staffHere, venue, { from: '2026-12-08T00:00:00Z', to: '2026-12-01T00:00:00Z' }, lookupOf)).toThrow(
      BadInputError,
    );
    expect(lookupOf.asked).toEqual([]);
  });
});
