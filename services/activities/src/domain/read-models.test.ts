import { bookableCells, conflictWith } from './booking';
import { EVENT } from './events';
import { bucketDelta, residentRecordChanges } from './projections';
import { statsFilter, summarize, type StatsBucket } from './stats';
import { fromLocal, localParts, monthOf } from './time';
import type { Venue } from './venue-model';

const T = '2026-12-01T02:00:00.000Z';
const V = Date.parse(T);

describe('statistics', () => {
  const bucket = (communityId: string, month: string, categories: StatsBucket['categories']): StatsBucket => ({
    _id: `x|${communityId}|${month}`,
    source: 'HISTORY',
    communityId,
    streetId: 's',
    month,
    categories,
  });
  const buckets = [
    bucket('c1', '2025-01', { PARTY_BUILDING: { activities: 2, participations: 40 }, CULTURE: { activities: 1, participations: 20 } }),
    bucket('c2', '2025-01', { CULTURE: { activities: 3, participations: 50 } }),
    bucket('c1', '2025-02', { PARTY_BUILDING: { activities: -1, participations: 0 } }),
  ];

  it('sums buckets by category, month and community', () => {
    expect(summarize(buckets, null)).toEqual({
      activities: 5,
      participations: 110,
      byCategory: [
        { key: 'CULTURE', activities: 4, participations: 70 },
        { key: 'PARTY_BUILDING', activities: 1, participations: 40 },
      ],
      byMonth: [
        { key: '2025-01', activities: 6, participations: 110 },
        { key: '2025-02', activities: -1, participations: 0 },
      ],
      byCommunity: [
        { key: 'c1', activities: 2, participations: 60 },
        { key: 'c2', activities: 3, participations: 50 },
      ],
    });
    expect(summarize(buckets, 'CULTURE')).toMatchObject({ activities: 4, participations: 70 });
  });

  it('reads a period of inclusive months and names a bad bound', () => {
    expect(statsFilter({ period: { from: '2025-01', to: '2025-06' }, communityId: 'c1' })).toEqual({
      fromMonth: '2025-01',
      toMonth: '2025-06',
      streetId: null,
      communityId: 'c1',
      category: null,
    });
    expect(() => statsFilter({ period: { to: '2025-6' } })).toThrow(expect.objectContaining({ details: { field: 'period.to' } }));
    expect(() => statsFilter({ period: { from: '2025-07', to: '2025-06' } })).toThrow(/not be before/);
  });

  it('counts published, cancelled-after-publishing and attended activities in their start month', () => {
    const activity = { category: 'CULTURE', startsAt: new Date('2026-01-31T17:00:00Z'), communityId: 'c1', streetId: 's1' };
    const published = bucketDelta({ id: 'e1', time: T, type: EVENT.activityPublished, data: { activityId: 'a1' } }, activity);
    // 17:00 UTC on 31 January is 1 February in the district.
    expect(published).toEqual({
      bucketId: 'LIVE|c1|2026-02',
      communityId: 'c1',
      streetId: 's1',
      month: '2026-02',
      category: 'CULTURE',
      delta: { activities: 1, participations: 0 },
    });
    expect(
      bucketDelta({ id: 'e2', time: T, type: EVENT.activityCancelled, data: { activityId: 'a1', previousStatus: 'PUBLISHED' } }, activity)
        ?.delta,
    ).toEqual({ activities: -1, participations: 0 });
    expect(
      bucketDelta({ id: 'e3', time: T, type: EVENT.activityCancelled, data: { activityId: 'a1', previousStatus: 'DRAFT' } }, activity),
    ).toBeNull();
    expect(bucketDelta({ id: 'e4', time: T, type: EVENT.attendanceConfirmed, data: { activityId: 'a1' } }, activity)?.delta).toEqual({
      activities: 0,
      participations: 1,
    });
    expect(bucketDelta({ id: 'e5', time: T, type: EVENT.registrationCreated, data: { activityId: 'a1' } }, activity)).toBeNull();
  });
});

describe("residents' records", () => {
  it('follow each registration and shift through its events, each change stamped with its event time', () => {
    const base = { activityId: 'a1', communityId: 'c1' };
    expect(
      residentRecordChanges({
        id: 'e',
        time: T,
        type: EVENT.registrationCreated,
        data: { ...base, registrationId: 'g1', residentId: 'r1', status: 'WAITLISTED', registeredAt: '2026-12-01T00:00:00.000Z' },
      }),
    ).toEqual([
      {
        residentId: 'r1',
        registrations: { g1: { activityId: 'a1', status: 'WAITLISTED', registeredAt: new Date('2026-12-01T00:00:00.000Z'), v: V } },
      },
    ]);
    expect(
      residentRecordChanges({
        id: 'e',
        time: T,
        type: EVENT.attendanceConfirmed,
        data: { ...base, attendanceId: 'g1', residentId: 'r1', confirmedAt: '2026-12-01T01:00:00.000Z' },
      }),
    ).toEqual([{ residentId: 'r1', registrations: { g1: { activityId: 'a1', status: 'ATTENDED', v: V } } }]);
    expect(
      residentRecordChanges({
        id: 'e',
        time: T,
        type: EVENT.activityCompleted,
        data: {
          ...base,
          noShows: [
            { registrationId: 'g2', residentId: 'r2' },
            { registrationId: 'g3', residentId: 'r3' },
          ],
        },
      }).map((c) => c.residentId),
    ).toEqual(['r2', 'r3']);
    expect(
      residentRecordChanges({
        id: 'e',
        time: T,
        type: EVENT.volunteerHoursVerified,
        data: { ...base, shiftId: 's1', residentId: 'r1', hours: 2, verifiedAt: '2026-12-01T03:00:00.000Z' },
      }),
    ).toEqual([{ residentId: 'r1', shifts: { s1: { activityId: 'a1', status: 'VERIFIED', verifiedHours: 2, v: V } } }]);
    expect(residentRecordChanges({ id: 'e', time: T, type: EVENT.activityPublished, data: base })).toEqual([]);
  });
});

describe('venue cells', () => {
  const venue: Venue = {
    _id: 'v1',
    name: '党员之家',
    kind: 'ROOM',
    communityId: 'c1',
    streetId: 's1',
    capacity: 30,
    openingHours: [{ weekday: 2, opens: 8 * 60, closes: 24 * 60 }],
    allowsOverlap: false,
  };
  const now = new Date('2026-11-27T00:00:00Z');

  it('are the half hours a booking covers, in local time', () => {
    // 2026-12-01 is a Tuesday.
    expect(bookableCells(venue, fromLocal('2026-12-01', 19 * 60), fromLocal('2026-12-01', 20 * 60 + 30), now)).toEqual([
      'v1|2026-12-01T19:00',
      'v1|2026-12-01T19:30',
      'v1|2026-12-01T20:00',
    ]);
    expect(bookableCells(venue, fromLocal('2026-12-01', 23 * 60), fromLocal('2026-12-02', 0), now)).toEqual([
      'v1|2026-12-01T23:00',
      'v1|2026-12-01T23:30',
    ]);
  });

  it('refuse times off the half hour, across midnight or outside opening hours', () => {
    expect(() => bookableCells(venue, fromLocal('2026-12-01', 19 * 60 + 10), fromLocal('2026-12-01', 20 * 60), now)).toThrow(
      expect.objectContaining({ details: { field: 'startsAt' } }),
    );
    expect(() => bookableCells(venue, fromLocal('2026-12-01', 23 * 60), fromLocal('2026-12-02', 60), now)).toThrow(/same day/);
    expect(() => bookableCells(venue, fromLocal('2026-12-02', 9 * 60), fromLocal('2026-12-02', 10 * 60), now)).toThrow(
      /closed on Wednesday/,
    );
    expect(() => bookableCells(venue, fromLocal('2026-12-01', 7 * 60), fromLocal('2026-12-01', 9 * 60), now)).toThrow(
      /open on Tuesday 08:00–24:00/,
    );
  });

  it('explain a conflict with the holder and its time', () => {
    const error = conflictWith(venue, {
      bookingId: 'b1',
      holderName: '红枫舞蹈队',
      startsAt: fromLocal('2026-12-01', 19 * 60),
      endsAt: fromLocal('2026-12-02', 0),
    });
    expect(error.message).toBe('党员之家 is already booked on 2026-12-01 from 19:00 to 24:00 by 红枫舞蹈队.');
    expect(error.details).toMatchObject({ holder: '红枫舞蹈队', bookingId: 'b1', startsAt: '2026-12-01T11:00:00.000Z' });
  });
});

describe('local time', () => {
  it('is UTC+8 all year', () => {
    expect(fromLocal('2026-07-01', 9 * 60).toISOString()).toBe('2026-07-01T01:00:00.000Z');
    expect(localParts(new Date('2026-11-29T16:30:00Z'))).toEqual({ date: '2026-11-30', minutes: 30, weekday: 1 });
    expect(monthOf(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01');
  });
});
