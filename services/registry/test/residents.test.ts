import { TOPICS } from '@sanshe/schemas/generated/events';
/**
 * The resident register through the gateway: who may register, update and move
 * residents, how bad input is named, and how the communities' counters and lists
 * follow registry's own resident events.
 */
import { randomUUID } from 'node:crypto';
import { EventContracts, EventFactory } from '@sanshe/service-kit';
import { eventually, readEvent, startStack, type GraphQLResponse, type Stack } from '@sanshe/test-env';

const REGISTER = 'mutation($input: RegisterResidentInput!) { registerResident(input: $input) { id phone community { id } } }';
const MOVE =
  'mutation($id: ID!, $to: ID!) { moveResident(id: $id, input: { toCommunityId: $to, address: "长安路四社区8号楼1单元302室" }) { id community { id } } }';
const COUNTS = 'query($a: ID!, $b: ID!) { a: community(id: $a) { residentCount } b: community(id: $b) { residentCount } }';
const LIST =
  'query($filter: ResidentFilter) { residents(filter: $filter, first: 20) { edges { node { id careTags } } pageInfo { hasNextPage } } }';

const errorOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions ?? {};

describe('the resident register', () => {
  let stack: Stack;
  let admin: string;
  let ids: { streetA: string; streetB: string; a1: string; a2: string; b1: string };
  let staffA1: string;
  let counter = 0;

  const resident = (communityId: string, extra: Record<string, unknown> = {}) => ({
    communityId,
    name: '韩桂芝',
    address: `长安路三社区${(counter += 1)}号楼2单元501室`,
    birthYear: 1958,
    phone: '13812345678',
    careTags: ['ELDERLY_LIVING_ALONE'],
    preferredChannel: 'CALL_CENTER',
    ...extra,
  });

  let registrations = 0;
  const register = async (token: string, input: Record<string, unknown>) => {
    const res = await stack.query<{ registerResident: { id: string; phone: string } }>(REGISTER, { input }, token);
    expect(res.errors).toBeUndefined();
    registrations += 1;
    return res.data!.registerResident;
  };

  beforeAll(async () => {
    // A short sweep interval, so the crash-recovery test need not wait ten minutes.
    stack = await startStack(['registry'], { OUTBOX_SWEEP_MS: '500' });
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    const r = stack.runId;
    ids = { streetA: `${r}-street-a`, streetB: `${r}-street-b`, a1: `${r}-a1`, a2: `${r}-a2`, b1: `${r}-b1` };
    const street = 'mutation($input: CreateStreetInput!) { createStreet(input: $input) { id } }';
    const community = 'mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }';
    for (const res of [
      await stack.query(street, { input: { id: ids.streetA, name: '长安路街道' } }, admin),
      await stack.query(street, { input: { id: ids.streetB, name: '天津路街道' } }, admin),
      await stack.query(community, { input: { id: ids.a1, name: '长安路三社区', streetId: ids.streetA, urban: true } }, admin),
      await stack.query(community, { input: { id: ids.a2, name: '长安路四社区', streetId: ids.streetA, urban: true } }, admin),
      await stack.query(community, { input: { id: ids.b1, name: '天九社区', streetId: ids.streetB, urban: true } }, admin),
    ]) {
      expect(res.errors).toBeUndefined();
    }
    staffA1 = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [ids.a1] });
  });
  afterAll(() => stack?.stop());

  it("registers residents for the community's own staff only", async () => {
    const staffB1 = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [ids.b1] });
    const refused = await stack.query(REGISTER, { input: resident(ids.a1) }, staffB1);
    expect(errorOf(refused).code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toContain(ids.a1);
    const self = await stack.token({ roles: ['RESIDENT'], residentId: `${stack.runId}-someone`, communityIds: [ids.a1] });
    expect(errorOf(await stack.query(REGISTER, { input: resident(ids.a1) }, self)).code).toBe('FORBIDDEN');
    expect(errorOf(await stack.query(REGISTER, { input: resident(ids.a1) })).code).toBe('UNAUTHENTICATED');
    const streetStaff = await stack.token({ roles: ['STREET_STAFF'], streetIds: [ids.streetA] });
    const registered = await register(streetStaff, resident(ids.a1));
    expect(registered.phone).toBe('13812345678');
  });

  it('names the field of bad input', async () => {
    expect(errorOf(await stack.query(REGISTER, { input: resident(ids.a1, { phone: '12345' }) }, staffA1))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'phone',
    });
    expect(errorOf(await stack.query(REGISTER, { input: resident(ids.a1, { birthYear: 1800 }) }, staffA1))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'birthYear',
    });
    expect(errorOf(await stack.query(REGISTER, { input: resident(`${stack.runId}-nowhere`) }, admin))).toMatchObject({
      code: 'NOT_FOUND',
      entity: 'Community',
    });
  });

  it("lists a community's residents to its staff right after registration, filtered by care tag", async () => {
    const alone = await register(staffA1, resident(ids.a1));
    const migrant = await register(staffA1, resident(ids.a1, { birthYear: 1990, careTags: ['MIGRANT'], preferredChannel: 'APP' }));
    const all = await stack.query<{ residents: { edges: { node: { id: string } }[] } }>(LIST, { filter: { communityId: ids.a1 } }, staffA1);
    expect(all.errors).toBeUndefined();
    expect(all.data!.residents.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining([alone.id, migrant.id]));
    const migrants = await stack.query<{ residents: { edges: { node: { id: string; careTags: string[] } }[] } }>(
      LIST,
      { filter: { communityId: ids.a1, careTag: 'MIGRANT' } },
      staffA1,
    );
    expect(migrants.data!.residents.edges.map((e) => e.node)).toEqual([{ id: migrant.id, careTags: ['MIGRANT'] }]);
  });

  it('updates contact details for staff of the community and refuses others', async () => {
    const { id } = await register(staffA1, resident(ids.a1));
    const update =
      'mutation($id: ID!, $phone: String!) { updateResident(id: $id, input: { phone: $phone, volunteer: true }) { phone volunteer } }';
    expect(
      errorOf(
        await stack.query(update, { id, phone: '13987654321' }, await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [ids.b1] })),
      ).code,
    ).toBe('FORBIDDEN');
    const updated = await stack.query(update, { id, phone: '139 8765 4321' }, staffA1);
    expect(updated.data).toEqual({ updateResident: { phone: '13987654321', volunteer: true } });
  });

  it('keeps the communities’ resident counts from its own registrations and moves', async () => {
    const counts = async () =>
      (await stack.query<{ a: { residentCount: number }; b: { residentCount: number } }>(COUNTS, { a: from, b: to })).data!;
    // Two communities of their own, so the counts of the other tests' registrations do not interfere.
    const from = `${stack.runId}-count-from`;
    const to = `${stack.runId}-count-to`;
    const create = 'mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }';
    await stack.query(create, { input: { id: from, name: '长安路五社区', streetId: ids.streetA, urban: true } }, admin);
    await stack.query(create, { input: { id: to, name: '长安路六社区', streetId: ids.streetA, urban: true } }, admin);
    const { id } = await register(admin, resident(from));
    await eventually(async () => (await counts()).a.residentCount === 1, 60_000, 'the registration to be counted');

    // Community staff keep only their own register: moving someone into another street needs more.
    const staffFrom = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [from] });
    const refused = await stack.query(MOVE, { id, to: ids.b1 }, staffFrom);
    expect(errorOf(refused).code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toContain(ids.b1);
    const streetStaff = await stack.token({ roles: ['STREET_STAFF'], streetIds: [ids.streetA] });
    const moved = await stack.query<{ moveResident: { community: { id: string } } }>(MOVE, { id, to }, streetStaff);
    expect(moved.data?.moveResident.community.id).toBe(to);
    const after = await eventually(
      async () => {
        const now = await counts();
        return now.b.residentCount === 1 ? now : undefined;
      },
      60_000,
      'the move to be counted',
    );
    expect(after.a.residentCount).toBe(0);

    const { event } = await readEvent(TOPICS.REGISTRY_V1, (e) => e.subject === id && e.type === 'cn.sanshe.registry.resident.moved.v1');
    expect(event.data).toEqual({ residentId: id, fromCommunityId: from, toCommunityId: to, streetId: ids.streetA });
    const listTo = await stack.query<{ residents: { edges: { node: { id: string } }[] } }>(
      LIST,
      { filter: { communityId: to } },
      streetStaff,
    );
    expect(listTo.data!.residents.edges.map((e) => e.node.id)).toEqual([id]);
    const listFrom = await stack.query<{ residents: { edges: unknown[] } }>(LIST, { filter: { communityId: from } }, streetStaff);
    expect(listFrom.data!.residents.edges).toEqual([]);
  });

  it('counts every resident it registered in the district overview', async () => {
    const registered = registrations;
    const overview = await eventually(
      async () => {
        const res = await stack.query<{ districtOverview: { residents: number } }>('{ districtOverview { residents } }');
        return res.data?.districtOverview.residents === registered ? res.data.districtOverview : undefined;
      },
      60_000,
      `the overview to count ${registered} residents`,
    );
    expect(overview.residents).toBe(registered);
  });

  it('passes on a registration whose process died right after writing it', async () => {
    // The state a crash leaves: the resident stored with its event in its outbox, nothing published.
    const id = `resident-${randomUUID()}`;
    const event = new EventFactory('registry', new EventContracts()).create('cn.sanshe.registry.resident.registered.v1', id, {
      residentId: id,
      communityId: ids.b1,
      streetId: ids.streetB,
      volunteer: false,
    });
    const fields = { ...resident(ids.b1), streetId: ids.streetB, volunteer: false, createdAt: new Date(), updatedAt: new Date() };
    await stack.services.registry!.connection.collection('residents').insertOne({
      _id: id as never,
      ...fields,
      _outbox: [event],
      eventIds: [event.id],
    });

    const staffB1 = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [ids.b1] });
    await eventually(
      async () => {
        const res = await stack.query<{ residents: { edges: { node: { id: string } }[] } }>(
          LIST,
          { filter: { communityId: ids.b1 } },
          staffB1,
        );
        return res.data?.residents.edges.some((e) => e.node.id === id);
      },
      60_000,
      'the community list to show the resident',
    );
    const { event: published } = await readEvent(TOPICS.REGISTRY_V1, (e) => e.id === event.id);
    expect(published.data).toEqual({ residentId: id, communityId: ids.b1, streetId: ids.streetB, volunteer: false });
  });
});
