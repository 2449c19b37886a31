import { randomBytes } from 'node:crypto';
import { connectMongo, normalizeIdentity, syncIndexes } from '@sanshe/service-kit';
import type { Connection } from 'mongoose';
import { BookingRepository } from '@sanshe/activities/data-access/booking-repository';
import { createModels, type ActivitiesModels } from '@sanshe/activities/data-access/models';
import { claimVenue, type ClaimRequest } from '@sanshe/activities/domain/booking';
import { fromLocal } from '@sanshe/activities/domain/time';
import { releaseOrphanClaims, type VenueStore } from '@sanshe/activities/domain/venue';
import type { Venue } from '@sanshe/activities/domain/venue-model';

/** Crash-safety of venue claims, against the real store: what a crash between writes leaves behind is healed. */
describe('venue claims after a crash', () => {
  let connection: Connection;
  let models: ActivitiesModels;
  let bookings: BookingRepository;
  const run = randomBytes(4).toString('hex');
  const now = new Date();
  const graceMs = 60_000;
  const day = new Date(now.getTime() + 8 * 3_600_000 + 3 * 86_400_000).toISOString().slice(0, 10);
  const venue: Venue = {
    _id: `venue-${run}`,
    name: '党员之家',
    kind: 'ROOM',
    communityId: `community-${run}`,
    streetId: `street-${run}`,
    capacity: 30,
    openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: 8 * 60, closes: 21 * 60 })),
    allowsOverlap: false,
  };
  const request = (bookingId: string, from: number, to: number, holder = '睦邻学堂'): ClaimRequest => ({
    venue,
    bookingId,
    holder: { kind: 'OTHER', id: null, name: holder },
    startsAt: fromLocal(day, from * 60),
    endsAt: fromLocal(day, to * 60),
    purpose: null,
    rotaId: null,
    createdBy: 'test',
    now,
    graceMs,
  });
  const cellsOf = async (bookingId: string) => (await models.Cell.find({ bookingId }).lean()).map((c) => c._id).sort();

  beforeAll(async () => {
    connection = await connectMongo(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', `${run}_activities_claims`);
    models = createModels(connection);
    await syncIndexes(connection);
    bookings = new BookingRepository(models);
    await models.Venue.create(venue);
  });
  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('takes over cells a crashed booking left behind once they are older than the grace period', async () => {
    const stale = new Date(now.getTime() - 2 * graceMs);
    await models.Cell.create({
      _id: `${venue._id}|${day}T09:00`,
      venueId: venue._id,
      bookingId: 'booking-crashed',
      holderName: '未完成的预约',
      startsAt: fromLocal(day, 540),
      endsAt: fromLocal(day, 570),
      claimedAt: stale,
    });
    const booking = await claimVenue(bookings, request('booking-after-crash', 9, 10));
    expect(booking.status).toBe('ACTIVE');
    expect(await cellsOf('booking-after-crash')).toEqual([`${venue._id}|${day}T09:00`, `${venue._id}|${day}T09:30`]);
  });

  it('treats a fresh claim without its booking as in flight and names its holder', async () => {
    await models.Cell.create({
      _id: `${venue._id}|${day}T11:00`,
      venueId: venue._id,
      bookingId: 'booking-in-flight',
      holderName: '百姓茶馆',
      startsAt: fromLocal(day, 660),
      endsAt: fromLocal(day, 720),
      claimedAt: now,
    });
    await expect(claimVenue(bookings, request('booking-late', 10, 12))).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { holder: '百姓茶馆' },
    });
    // The refused claim took 10:00 and 10:30 before it hit 11:00, and gave them back.
    expect(await cellsOf('booking-late')).toEqual([]);
  });

  it('finishes an interrupted claim when it is run again with the same booking id', async () => {
    await models.Cell.create({
      _id: `${venue._id}|${day}T14:00`,
      venueId: venue._id,
      bookingId: 'booking-resumed',
      holderName: '书法课',
      startsAt: fromLocal(day, 840),
      endsAt: fromLocal(day, 960),
      claimedAt: now,
    });
    const booking = await claimVenue(bookings, request('booking-resumed', 14, 16, '书法课'));
    expect(booking._id).toBe('booking-resumed');
    expect(await cellsOf('booking-resumed')).toHaveLength(4);
    expect(await claimVenue(bookings, request('booking-resumed', 14, 16, '书法课'))).toMatchObject({
      _id: 'booking-resumed',
      status: 'ACTIVE',
    });
  });

  it('sweeps orphans: cells of cancelled bookings, stale cells without a booking, bookings of cancelled activities', async () => {
    const cancelled = await claimVenue(bookings, request('booking-cancelled', 17, 18));
    await models.Booking.updateOne({ _id: cancelled._id }, { $set: { status: 'CANCELLED' } });
    const ofActivity = await claimVenue(bookings, {
      ...request('booking-activity-x', 18, 19),
      holder: { kind: 'ACTIVITY', id: 'activity-x', name: '主题党日' },
    });
    await models.Cell.create({
      _id: `${venue._id}|${day}T20:00`,
      venueId: venue._id,
      bookingId: 'booking-never-written',
      holderName: '?',
      startsAt: fromLocal(day, 1200),
      endsAt: fromLocal(day, 1230),
      claimedAt: new Date(now.getTime() - 2 * graceMs),
    });
    const venues = { venue: async (id: string) => (id === venue._id ? venue : null) } as unknown as VenueStore;
    const admin = { identity: normalizeIdentity({ userId: 'u', roles: ['DISTRICT_ADMIN'] }), traceparent: '' };
    const freed = await releaseOrphanClaims(venue._id, admin, {
      venues,
      bookings,
      settings: { claimGraceMs: graceMs },
      activityStatus: async (id) => (id === 'activity-x' ? 'CANCELLED' : null),
    });
    expect(freed).toBe(3);
    expect(await cellsOf('booking-cancelled')).toEqual([]);
    expect(await cellsOf('booking-never-written')).toEqual([]);
    expect(await cellsOf(ofActivity._id)).toEqual([]);
    expect((await bookings.booking(ofActivity._id))?.status).toBe('CANCELLED');
    // Live claims stay: the in-flight one (still within its grace period) and completed bookings.
    expect(await cellsOf('booking-in-flight')).toHaveLength(1);
    expect(await cellsOf('booking-after-crash')).toHaveLength(2);
  });
});
