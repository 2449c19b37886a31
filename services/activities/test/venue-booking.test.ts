import { startStack, type Stack } from '@sanshe/test-env';
import { atLocal, errorOf, EVERY_DAY, knownCommunity, stopAndDrop } from './helpers';

const CREATE_VENUE = `mutation($input: CreateVenueInput!) { createVenue(input: $input) { id name openingHours { weekday opens closes } } }`;
const BOOK = `mutation($input: BookVenueInput!) { bookVenue(input: $input) { id startsAt endsAt holder { kind name } status } }`;
const CANCEL = `mutation($id: ID!) { cancelVenueBooking(id: $id) { id status } }`;
const BOOKINGS = `query($id: ID!, $from: String!, $to: String!) { venue(id: $id) { name bookings(from: $from, to: $to) { id holder { name } startsAt endsAt } } }`;

interface Booked {
  bookVenue: { id: string; startsAt: string; endsAt: string; holder: { name: string } };
}

describe('booking a venue', () => {
  let stack: Stack;
  let staff: string;
  let communityId: string;
  let squareId: string;

  beforeAll(async () => {
    stack = await startStack(['activities']);
    ({ communityId } = await knownCommunity(stack));
    staff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [communityId] });
    const res = await stack.query<{ createVenue: { id: string } }>(
      CREATE_VENUE,
      { input: { communityId, name: '武汉路社区广场', kind: 'OPEN_SPACE', capacity: 300, openingHours: EVERY_DAY('06:00', '22:00') } },
      staff,
    );
    expect(res.errors).toBeUndefined();
    squareId = res.data!.createVenue.id;
  });
  afterAll(() => stopAndDrop(stack));

  it('gives a contested slot to exactly one of 50 concurrent requests; the others learn who holds it and when', async () => {
    const slot = { startsAt: atLocal(3, '19:00'), endsAt: atLocal(3, '20:00') };
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        stack.query<Booked>(BOOK, { input: { venueId: squareId, ...slot, holderName: `舞蹈队${i + 1}` } }, staff),
      ),
    );
    const winners = results.filter((r) => r.data?.bookVenue);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!.data!.bookVenue;
    const losers = results.filter((r) => !r.data?.bookVenue);
    expect(losers).toHaveLength(49);
    for (const loser of losers) {
      const error = errorOf(loser)!;
      expect(error.extensions).toMatchObject({
        code: 'CONFLICT',
        holder: winner.holder.name,
        startsAt: winner.startsAt,
        endsAt: winner.endsAt,
      });
      expect(error.message).toContain(`by ${winner.holder.name}`);
      expect(error.message).toContain(`${slot.startsAt.slice(0, 10)} from 19:00 to 20:00`);
    }

    const listed = await stack.query<{ venue: { bookings: { id: string }[] } }>(
      BOOKINGS,
      { id: squareId, from: atLocal(3, '00:00'), to: atLocal(4, '00:00') },
      staff,
    );
    expect(listed.data?.venue.bookings.map((b) => b.id)).toEqual([winner.id]);
    const cells = await stack.services.activities!.connection.collection('venue_cells').find({ venueId: squareId }).toArray();
    expect(cells.map((c) => c.bookingId)).toEqual([winner.id, winner.id]);
  });

  it('refuses a booking that overlaps part of another, and allows the neighbouring half hour', async () => {
    const first = await stack.query<Booked>(
      BOOK,
      { input: { venueId: squareId, startsAt: atLocal(4, '18:00'), endsAt: atLocal(4, '19:30'), holderName: '红枫舞蹈队' } },
      staff,
    );
    expect(first.errors).toBeUndefined();
    const overlapping = await stack.query<Booked>(
      BOOK,
      { input: { venueId: squareId, startsAt: atLocal(4, '19:00'), endsAt: atLocal(4, '20:30'), holderName: '牡丹舞蹈队' } },
      staff,
    );
    expect(errorOf(overlapping)?.extensions?.code).toBe('CONFLICT');
    expect(errorOf(overlapping)?.message).toContain('from 18:00 to 19:30 by 红枫舞蹈队');
    const after = await stack.query<Booked>(
      BOOK,
      { input: { venueId: squareId, startsAt: atLocal(4, '19:30'), endsAt: atLocal(4, '20:30'), holderName: '牡丹舞蹈队' } },
      staff,
    );
    expect(after.errors).toBeUndefined();
    // The refused attempt gave back the half hour it had claimed before it hit 19:00.
    const cells = await stack.services
      .activities!.connection.collection('venue_cells')
      .find({ venueId: squareId, bookingId: { $nin: [first.data!.bookVenue.id, after.data!.bookVenue.id] } })
      .toArray();
    expect(cells.filter((c) => String(c._id).includes(atLocal(4, '00:00').slice(0, 10)))).toEqual([]);
  });

  it('frees the slot when a booking is cancelled', async () => {
    const slot = { venueId: squareId, startsAt: atLocal(5, '07:00'), endsAt: atLocal(5, '08:00') };
    const booked = await stack.query<Booked>(BOOK, { input: { ...slot, holderName: '太极队' } }, staff);
    expect((await stack.query(CANCEL, { id: booked.data!.bookVenue.id }, staff)).errors).toBeUndefined();
    const again = await stack.query<Booked>(BOOK, { input: { ...slot, holderName: '健身操队' } }, staff);
    expect(again.data?.bookVenue.holder.name).toBe('健身操队');
  });

  it('names the field of a time the venue cannot take', async () => {
    const closed = await stack.query(
      BOOK,
      { input: { venueId: squareId, startsAt: atLocal(3, '21:30'), endsAt: atLocal(3, '22:30'), holderName: '夜跑队' } },
      staff,
    );
    expect(errorOf(closed)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsAt' });
    expect(errorOf(closed)?.message).toContain('06:00–22:00');
    const odd = await stack.query(
      BOOK,
      { input: { venueId: squareId, startsAt: atLocal(3, '09:15'), endsAt: atLocal(3, '10:00'), holderName: '夜跑队' } },
      staff,
    );
    expect(errorOf(odd)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsAt' });
    const past = await stack.query(
      BOOK,
      { input: { venueId: squareId, startsAt: atLocal(-1, '09:00'), endsAt: atLocal(-1, '10:00'), holderName: '夜跑队' } },
      staff,
    );
    expect(errorOf(past)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsAt' });
  });

  it('lets only signed-in staff of the community book or see bookings', async () => {
    const input = { venueId: squareId, startsAt: atLocal(6, '09:00'), endsAt: atLocal(6, '10:00'), holderName: '书法班' };
    expect(errorOf(await stack.query(BOOK, { input }))?.extensions?.code).toBe('UNAUTHENTICATED');
    const elsewhere = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [`${stack.runId}-other`] });
    const refused = errorOf(await stack.query(BOOK, { input }, elsewhere));
    expect(refused?.extensions?.code).toBe('FORBIDDEN');
    expect(refused?.message).toContain('COMMUNITY_STAFF for the community concerned');
    const resident = await stack.token({ roles: ['RESIDENT'], residentId: 'resident-000001' });
    expect(
      errorOf(await stack.query(BOOKINGS, { id: squareId, from: atLocal(3, '00:00'), to: atLocal(4, '00:00') }, resident))?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
    const publicView = await stack.query<{ venue: { name: string } }>(
      `query($id: ID!) { venue(id: $id) { name openingHours { opens closes } } }`,
      { id: squareId },
    );
    expect(publicView.data?.venue.name).toBe('武汉路社区广场');
  });
});
