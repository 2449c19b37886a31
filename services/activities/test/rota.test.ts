import { startStack, type Stack } from '@sanshe/test-env';
import { errorOf, EVERY_DAY, knownCommunity, mondayAfter, stopAndDrop } from './helpers';

const CREATE_VENUE = `mutation($input: CreateVenueInput!) { createVenue(input: $input) { id } }`;
const CREATE_GROUP = `mutation($input: CreateActivityGroupInput!) { createActivityGroup(input: $input) { id name memberCount } }`;
const GENERATE = `mutation($input: GenerateRotaInput!) { generateRota(input: $input) { id status slots { week weekday startTime endTime evening group { name } } shares { group { name } slots eveningSlots } } }`;
const ADOPT = `mutation($id: ID!, $from: String!, $cycles: Int!) { adoptRota(id: $id, from: $from, cycles: $cycles) { status adoptedFrom adoptedCycles } }`;
const BOOK = `mutation($input: BookVenueInput!) { bookVenue(input: $input) { id holder { kind name } } }`;
const BOOKINGS = `query($id: ID!, $from: String!, $to: String!) { venue(id: $id) { bookings(from: $from, to: $to) { startsAt endsAt holder { kind name } rota { id } } } }`;

interface Slot {
  week: number;
  weekday: number;
  startTime: string;
  endTime: string;
  evening: boolean;
  group: { name: string };
}

describe('the square-dance rota', () => {
  let stack: Stack;
  let staff: string;
  let communityId: string;
  let squareId: string;
  let teams: string[];

  beforeAll(async () => {
    stack = await startStack(['activities']);
    ({ communityId } = await knownCommunity(stack));
    staff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [communityId] });
    const venue = await stack.query<{ createVenue: { id: string } }>(
      CREATE_VENUE,
      { input: { communityId, name: '武汉路社区广场', kind: 'OPEN_SPACE', capacity: 300, openingHours: EVERY_DAY('06:00', '22:00') } },
      staff,
    );
    squareId = venue.data!.createVenue.id;
    teams = [];
    for (const [i, name] of ['红枫舞蹈队', '牡丹舞蹈队', '夕阳红舞蹈队'].entries()) {
      const group = await stack.query<{ createActivityGroup: { id: string; memberCount: number } }>(
        CREATE_GROUP,
        { input: { communityId, name, kind: 'SQUARE_DANCE', memberIds: [`${stack.runId}-dancer-${i}-a`, `${stack.runId}-dancer-${i}-b`] } },
        staff,
      );
      expect(group.data?.createActivityGroup.memberCount).toBe(2);
      teams.push(group.data!.createActivityGroup.id);
    }
  });
  afterAll(() => stopAndDrop(stack));

  it('draws up a week of evenings for three teams: no two slots overlap, shares differ by at most one', async () => {
    const res = await stack.query<{ generateRota: { status: string; slots: Slot[]; shares: { slots: number; eveningSlots: number }[] } }>(
      GENERATE,
      { input: { venueId: squareId, groupIds: teams } },
      staff,
    );
    expect(res.errors).toBeUndefined();
    const { slots, shares, status } = res.data!.generateRota;
    expect(status).toBe('DRAFT');
    const key = (s: Slot) => `${s.week}-${s.weekday}`;
    for (const a of slots) {
      for (const b of slots) {
        if (a !== b && key(a) === key(b)) expect(a.startTime >= b.endTime || b.startTime >= a.endTime).toBe(true);
      }
    }
    expect(slots.every((s) => s.evening && s.startTime >= '18:00' && s.endTime <= '22:00')).toBe(true);
    const evenings = shares.map((s) => s.eveningSlots);
    expect(evenings.reduce((n, x) => n + x, 0)).toBe(28);
    expect(Math.max(...evenings) - Math.min(...evenings)).toBeLessThanOrEqual(1);
  });

  it('books every slot when adopted, so a one-off booking of a team evening is refused naming the team', async () => {
    const draft = await stack.query<{ generateRota: { id: string; slots: Slot[] } }>(
      GENERATE,
      { input: { venueId: squareId, groupIds: teams } },
      staff,
    );
    const from = mondayAfter(7);
    const adopted = await stack.query<{ adoptRota: { status: string } }>(
      ADOPT,
      { id: draft.data!.generateRota.id, from, cycles: 2 },
      staff,
    );
    expect(adopted.errors).toBeUndefined();
    expect(adopted.data?.adoptRota).toMatchObject({ status: 'ADOPTED' });

    const week = await stack.query<{ venue: { bookings: { startsAt: string; holder: { kind: string; name: string } }[] } }>(
      BOOKINGS,
      { id: squareId, from: `${from}T00:00:00+08:00`, to: atLocalFrom(from, 14) },
      staff,
    );
    expect(week.data?.venue.bookings).toHaveLength(56);
    const mondayEvening = draft.data!.generateRota.slots.find((s) => s.weekday === 1 && s.startTime === '19:00')!;
    const clash = await stack.query(
      BOOK,
      { input: { venueId: squareId, startsAt: `${from}T19:00:00+08:00`, endsAt: `${from}T20:00:00+08:00`, holderName: '夜跑队' } },
      staff,
    );
    expect(errorOf(clash)?.extensions).toMatchObject({ code: 'CONFLICT', holder: mondayEvening.group.name });
    expect(errorOf(clash)?.message).toContain(`${from} from 19:00 to 20:00 by ${mondayEvening.group.name}`);
    const morning = await stack.query(
      BOOK,
      { input: { venueId: squareId, startsAt: `${from}T07:00:00+08:00`, endsAt: `${from}T08:00:00+08:00`, groupId: teams[0] } },
      staff,
    );
    expect(errorOf(morning)).toBeUndefined();
    expect(errorOf(await stack.query(ADOPT, { id: draft.data!.generateRota.id, from, cycles: 2 }, staff))?.extensions?.code).toBe(
      'CONFLICT',
    );
  });

  it('adopts all or nothing: a slot already booked by someone else gives every claimed slot back', async () => {
    const from = mondayAfter(28);
    const blocker = await stack.query<{ bookVenue: { id: string } }>(
      BOOK,
      { input: { venueId: squareId, startsAt: `${from}T20:00:00+08:00`, endsAt: `${from}T21:00:00+08:00`, holderName: '社区文艺汇演' } },
      staff,
    );
    expect(blocker.errors).toBeUndefined();
    const draft = await stack.query<{ generateRota: { id: string } }>(GENERATE, { input: { venueId: squareId, groupIds: teams } }, staff);
    const refused = await stack.query(ADOPT, { id: draft.data!.generateRota.id, from, cycles: 1 }, staff);
    expect(errorOf(refused)?.extensions).toMatchObject({ code: 'CONFLICT', holder: '社区文艺汇演' });
    const week = await stack.query<{ venue: { bookings: { holder: { name: string } }[] } }>(
      BOOKINGS,
      { id: squareId, from: `${from}T00:00:00+08:00`, to: atLocalFrom(from, 7) },
      staff,
    );
    expect(week.data?.venue.bookings.map((b) => b.holder.name)).toEqual(['社区文艺汇演']);
  });

  it('refuses rotas from callers who do not manage the venue', async () => {
    const input = { venueId: squareId, groupIds: teams };
    expect(errorOf(await stack.query(GENERATE, { input }))?.extensions?.code).toBe('UNAUTHENTICATED');
    const socialWorker = await stack.token({ roles: ['SOCIAL_WORKER'], communityIds: [communityId] });
    expect(errorOf(await stack.query(GENERATE, { input }, socialWorker))?.extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await stack.query(GENERATE, { input: { ...input, groupIds: [] } }, staff))?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'groupIds',
    });
  });
});

function atLocalFrom(date: string, days: number): string {
  return `${new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)}T00:00:00+08:00`;
}
