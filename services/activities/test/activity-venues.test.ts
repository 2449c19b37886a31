import { TOPICS } from '@sanshe/schemas/generated/events';
import { startStack, type Stack } from '@sanshe/test-env';
import { atLocal, errorOf, EVERY_DAY, knownCommunity, readEvents, stopAndDrop } from './helpers';

const CREATE_VENUE = `mutation($input: CreateVenueInput!) { createVenue(input: $input) { id } }`;
const CREATE = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id venue { name } organizer { __typename ... on SocialOrganization { id } } } }`;
const PUBLISH = `mutation($id: ID!) { publishActivity(id: $id) { id } }`;
const CANCEL = `mutation($id: ID!, $reason: String) { cancelActivity(id: $id, reason: $reason) { status } }`;
const REGISTER = `mutation($id: ID!, $r: ID) { registerForActivity(activityId: $id, residentId: $r) { status } }`;
const BOOKINGS = `query($id: ID!, $from: String!, $to: String!) { venue(id: $id) { bookings(from: $from, to: $to) { id holder { kind id name } } } }`;
const LIST = `query($filter: ActivityFilter, $first: Int, $after: String) { activities(filter: $filter, first: $first, after: $after) { edges { node { title } } pageInfo { hasNextPage endCursor } } }`;

describe('activities held at a venue', () => {
  let stack: Stack;
  let staff: string;
  let communityId: string;
  let roomId: string;
  const input = (title: string, extra: Record<string, unknown> = {}) => ({
    title,
    category: 'PARTY_BUILDING',
    communityId,
    startsAt: atLocal(2, '14:00'),
    endsAt: atLocal(2, '16:00'),
    capacity: 25,
    venueId: roomId,
    ...extra,
  });

  beforeAll(async () => {
    stack = await startStack(['activities']);
    ({ communityId } = await knownCommunity(stack));
    staff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [communityId] });
    const room = await stack.query<{ createVenue: { id: string } }>(
      CREATE_VENUE,
      { input: { communityId, name: '党员之家', kind: 'ROOM', capacity: 30, openingHours: EVERY_DAY('08:30', '21:00') } },
      staff,
    );
    roomId = room.data!.createVenue.id;
  });
  afterAll(() => stopAndDrop(stack));

  it('books the room for the activity, refuses a second activity at that time, and gives the room back on cancellation', async () => {
    const first = await stack.query<{ createActivity: { id: string; venue: { name: string } } }>(
      CREATE,
      { input: input('主题党日') },
      staff,
    );
    expect(first.data?.createActivity.venue).toEqual({ name: '党员之家' });
    const id = first.data!.createActivity.id;
    const second = await stack.query(
      CREATE,
      { input: input('红色故事分享会', { startsAt: atLocal(2, '15:00'), endsAt: atLocal(2, '17:00') }) },
      staff,
    );
    expect(errorOf(second)?.extensions).toMatchObject({ code: 'CONFLICT', holder: '主题党日' });
    const window = { id: roomId, from: atLocal(2, '00:00'), to: atLocal(3, '00:00') };
    const booked = await stack.query<{ venue: { bookings: { id: string; holder: { kind: string; id: string } }[] } }>(
      BOOKINGS,
      window,
      staff,
    );
    expect(booked.data?.venue.bookings).toEqual([{ id: `booking-${id}`, holder: { kind: 'ACTIVITY', id, name: '主题党日' } }]);
    expect(
      errorOf(await stack.query(`mutation($id: ID!) { cancelVenueBooking(id: $id) { id } }`, { id: `booking-${id}` }, staff))?.message,
    ).toContain('cancel the activity instead');

    await stack.query(PUBLISH, { id }, staff);
    await stack.query(REGISTER, { id, r: `${stack.runId}-r1` }, staff);
    await stack.query(REGISTER, { id, r: `${stack.runId}-r2` }, staff);
    expect(
      (await stack.query<{ cancelActivity: { status: string } }>(CANCEL, { id, reason: '场地维修' }, staff)).data?.cancelActivity.status,
    ).toBe('CANCELLED');
    expect((await stack.query<{ venue: { bookings: unknown[] } }>(BOOKINGS, window, staff)).data?.venue.bookings).toEqual([]);
    const [cancelled] = await readEvents(
      TOPICS.ACTIVITIES_V1,
      (e) => e.subject === id && e.type === 'cn.sanshe.activities.activity.cancelled.v1',
    );
    expect(cancelled!.event.data).toMatchObject({
      previousStatus: 'PUBLISHED',
      reason: '场地维修',
      registrations: [{ residentId: `${stack.runId}-r1` }, { residentId: `${stack.runId}-r2` }],
    });
    const retried = await stack.query(
      CREATE,
      { input: input('红色故事分享会', { startsAt: atLocal(2, '15:00'), endsAt: atLocal(2, '17:00') }) },
      staff,
    );
    expect(errorOf(retried)).toBeUndefined();
  });

  it('refuses more seats than the room holds, naming the field', async () => {
    const res = await stack.query(
      CREATE,
      { input: input('党课', { capacity: 31, startsAt: atLocal(3, '09:00'), endsAt: atLocal(3, '10:00') }) },
      staff,
    );
    expect(errorOf(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'capacity' });
  });

  it('lets a social organization’s staff organize activities of their own organization only', async () => {
    const orgStaff = await stack.token({ roles: ['ORG_STAFF'], orgIds: ['org-001'] });
    const plain = {
      title: '社区睦邻学堂',
      category: 'NEIGHBOURHOOD_SCHOOL',
      communityId,
      startsAt: atLocal(4, '09:00'),
      endsAt: atLocal(4, '11:00'),
      capacity: 20,
    };
    const own = await stack.query<{ createActivity: { organizer: { __typename: string; id: string } } }>(
      CREATE,
      { input: { ...plain, organizer: { kind: 'SOCIAL_ORGANIZATION', id: 'org-001' } } },
      orgStaff,
    );
    expect(own.data?.createActivity.organizer).toEqual({ __typename: 'SocialOrganization', id: 'org-001' });
    const other = await stack.query(CREATE, { input: { ...plain, organizer: { kind: 'SOCIAL_ORGANIZATION', id: 'org-002' } } }, orgStaff);
    expect(errorOf(other)?.message).toContain('ORG_STAFF for the social organization concerned');
    expect(errorOf(await stack.query(CREATE, { input: plain }, orgStaff))?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lists public activities page by page, never drafts', async () => {
    const titles = ['书法课', '智能手机课', '中医养生讲座'];
    for (const title of titles) {
      const created = await stack.query<{ createActivity: { id: string } }>(
        CREATE,
        {
          input: { title, category: 'HEALTH_TALK', communityId, startsAt: atLocal(5, '09:00'), endsAt: atLocal(5, '10:00'), capacity: 10 },
        },
        staff,
      );
      if (title !== '书法课') await stack.query(PUBLISH, { id: created.data!.createActivity.id }, staff);
    }
    const filter = { communityId, category: 'HEALTH_TALK' };
    const page1 = await stack.query<{
      activities: { edges: { node: { title: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>(LIST, { filter, first: 1 });
    expect(page1.data?.activities.pageInfo.hasNextPage).toBe(true);
    const page2 = await stack.query<{ activities: { edges: { node: { title: string } }[]; pageInfo: { hasNextPage: boolean } } }>(LIST, {
      filter,
      first: 5,
      after: page1.data!.activities.pageInfo.endCursor,
    });
    expect(page2.data?.activities.pageInfo.hasNextPage).toBe(false);
    const seen = [...page1.data!.activities.edges, ...page2.data!.activities.edges].map((e) => e.node.title).sort();
    expect(seen).toEqual(['中医养生讲座', '智能手机课'].sort());
    expect(errorOf(await stack.query(LIST, { filter: { ...filter, statuses: ['DRAFT'] } }))?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.statuses',
    });
  });
});
