import { TOPICS } from '@sanshe/schemas/generated/events';
/**
 * Staff build the territory and the party-building registry through the gateway:
 * streets, communities, party organizations, co-building membership and projects,
 * each guarded by role and territory and validated field by field.
 */
import { readEvent, startStack, type GraphQLResponse, type Stack } from '@sanshe/test-env';

const CREATE_STREET =
  'mutation($input: CreateStreetInput!) { createStreet(input: $input) { id name regionalPartyCommittee { id name level } } }';
const CREATE_COMMUNITY =
  'mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id regionalPartyCommittee { id level } } }';
const CREATE_ORG =
  'mutation($input: CreatePartyOrganizationInput!) { createPartyOrganization(input: $input) { id name coBuilding { joinedOn } } }';
const JOIN =
  'mutation($org: ID!, $committee: ID!) { joinCoBuilding(partyOrganizationId: $org, committeeId: $committee, joinedOn: "2026-11-01") { id coBuilding { committee { id } joinedOn } } }';
const POST_OFFER = 'mutation($input: PostResourceOfferInput!) { postResourceOffer(input: $input) { id status committee { id } } }';
const POST_NEED = 'mutation($input: PostProjectNeedInput!) { postProjectNeed(input: $input) { id committee { id } } }';
const MATCH =
  'mutation($offer: ID!, $need: ID!) { matchResourceOffer(offerId: $offer, needId: $need, note: "众筹") { matchedAt offer { id status } need { id matches { offer { id } } } } }';

const errorOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions ?? {};

describe('the territory and party-building registry', () => {
  let stack: Stack;
  let admin: string;
  let ids: { streetA: string; streetB: string; a1: string; a2: string; b1: string };
  let counter = 0;
  const unique = (name: string) => `${name}${(counter += 1)}`;

  const ok = async <T>(res: Promise<GraphQLResponse<T>>): Promise<T> => {
    const awaited = await res;
    expect(awaited.errors).toBeUndefined();
    return awaited.data!;
  };

  const createOrg = async (token: string, input: Record<string, unknown>) =>
    stack.query<{ createPartyOrganization: { id: string } }>(
      CREATE_ORG,
      { input: { kind: 'BRANCH', sector: 'ENTERPRISE', streetId: ids.streetA, ...input } },
      token,
    );

  beforeAll(async () => {
    stack = await startStack(['registry']);
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    const r = stack.runId;
    ids = { streetA: `${r}-street-a`, streetB: `${r}-street-b`, a1: `${r}-a1`, a2: `${r}-a2`, b1: `${r}-b1` };
    await ok(stack.query(CREATE_STREET, { input: { id: ids.streetA, name: '长安路街道' } }, admin));
    await ok(stack.query(CREATE_STREET, { input: { id: ids.streetB, name: '重庆路街道' } }, admin));
    await ok(stack.query(CREATE_COMMUNITY, { input: { id: ids.a1, name: '长安路三社区', streetId: ids.streetA, urban: true } }, admin));
    await ok(stack.query(CREATE_COMMUNITY, { input: { id: ids.a2, name: '长安路四社区', streetId: ids.streetA, urban: false } }, admin));
    await ok(stack.query(CREATE_COMMUNITY, { input: { id: ids.b1, name: '重二社区', streetId: ids.streetB, urban: true } }, admin));
  });
  afterAll(() => stack?.stop());

  it('lets only district administrators create streets, each with its regional party working committee', async () => {
    const input = { id: `${stack.runId}-street-c`, name: '工农街道' };
    const streetStaff = await stack.token({ roles: ['STREET_STAFF'], streetIds: [ids.streetA] });
    expect(errorOf(await stack.query(CREATE_STREET, { input }, streetStaff)).code).toBe('FORBIDDEN');
    expect(errorOf(await stack.query(CREATE_STREET, { input })).code).toBe('UNAUTHENTICATED');
    const created = await ok(stack.query<{ createStreet: unknown }>(CREATE_STREET, { input }, admin));
    expect(created.createStreet).toEqual({
      id: input.id,
      name: '工农街道',
      regionalPartyCommittee: { id: `rpc-${input.id}`, name: '工农街道区域党工委', level: 'STREET' },
    });
  });

  it('lets street staff create communities in their own street only', async () => {
    const streetStaff = await stack.token({ roles: ['STREET_STAFF'], streetIds: [ids.streetA] });
    const mine = await ok(
      stack.query<{ createCommunity: unknown }>(
        CREATE_COMMUNITY,
        { input: { name: unique('长安路社区'), streetId: ids.streetA, urban: true } },
        streetStaff,
      ),
    );
    expect(mine.createCommunity).toMatchObject({ regionalPartyCommittee: { level: 'COMMUNITY' } });
    const other = await stack.query(
      CREATE_COMMUNITY,
      { input: { name: unique('重庆路社区'), streetId: ids.streetB, urban: true } },
      streetStaff,
    );
    expect(errorOf(other).code).toBe('FORBIDDEN');
    expect(other.errors?.[0]?.message).toContain(ids.streetB);
    const communityStaff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [ids.a1] });
    expect(
      errorOf(
        await stack.query(CREATE_COMMUNITY, { input: { name: unique('长安路社区'), streetId: ids.streetA, urban: true } }, communityStaff),
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('refuses a second community of the same name in a street, naming the field', async () => {
    const duplicate = await stack.query(CREATE_COMMUNITY, { input: { name: '长安路三社区', streetId: ids.streetA, urban: true } }, admin);
    expect(errorOf(duplicate)).toMatchObject({ code: 'CONFLICT', field: 'name' });
    await ok(stack.query(CREATE_COMMUNITY, { input: { name: '长安路三社区', streetId: ids.streetB, urban: true } }, admin));
  });

  it('names the field of bad input and the unknown parent', async () => {
    expect(
      errorOf(await stack.query(CREATE_COMMUNITY, { input: { name: '  ', streetId: ids.streetA, urban: true } }, admin)),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(
      errorOf(
        await stack.query(
          CREATE_COMMUNITY,
          { input: { name: unique('无街道社区'), streetId: `${stack.runId}-nowhere`, urban: true } },
          admin,
        ),
      ),
    ).toMatchObject({
      code: 'NOT_FOUND',
      entity: 'Street',
    });
    expect(errorOf(await createOrg(admin, { name: unique('某公司党支部'), parentId: `${stack.runId}-no-such-org` }))).toMatchObject({
      code: 'NOT_FOUND',
      entity: 'PartyOrganization',
    });
  });

  it('renames a community and its committee, and tells other subgraphs', async () => {
    const res = await ok(
      stack.query<{ updateCommunity: unknown }>(
        'mutation($id: ID!) { updateCommunity(id: $id, input: { name: "长安路四社区（新）" }) { name regionalPartyCommittee { name } } }',
        { id: ids.a2 },
        admin,
      ),
    );
    expect(res.updateCommunity).toEqual({ name: '长安路四社区（新）', regionalPartyCommittee: { name: '长安路四社区（新）区域党委' } });
    const { event } = await readEvent(
      TOPICS.REGISTRY_V1,
      (e) => e.subject === ids.a2 && e.type === 'cn.sanshe.registry.community.updated.v1',
    );
    expect(event.data).toEqual({ communityId: ids.a2, name: '长安路四社区（新）', streetId: ids.streetA, urban: false });
  });

  it('shows the territory tree to anyone', async () => {
    const res = await ok(
      stack.query<{ district: { name: string; streets: { id: string; communities: { id: string }[] }[] } }>(
        '{ district { name streets { id communities { id } } } }',
      ),
    );
    const streetA = res.district.streets.find((s) => s.id === ids.streetA);
    expect(streetA?.communities.map((c) => c.id)).toEqual(expect.arrayContaining([ids.a1, ids.a2]));
  });

  it('keeps party organizations to their territory and their names unique', async () => {
    const staffA1 = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [ids.a1] });
    const staffB1 = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [ids.b1] });
    const name = unique('洛阳轴承有限公司党支部');
    await ok(createOrg(staffA1, { name, communityId: ids.a1 }));
    expect(errorOf(await createOrg(staffB1, { name: unique('洛阳轴承有限公司党支部'), communityId: ids.a1 })).code).toBe('FORBIDDEN');
    expect(errorOf(await createOrg(staffA1, { name, communityId: ids.a1 }))).toMatchObject({ code: 'CONFLICT', field: 'name' });
    const branch = (await ok(createOrg(admin, { name: unique('支部'), communityId: ids.a1 }))).createPartyOrganization.id;
    expect(errorOf(await createOrg(admin, { name: unique('下级支部'), communityId: ids.a1, parentId: branch }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'parentId',
    });
  });

  it('enrols a unit in the co-building of its own territory once, and tells other subgraphs', async () => {
    const org = (await ok(createOrg(admin, { name: unique('中信重工党支部'), communityId: ids.a1 }))).createPartyOrganization.id;
    expect(errorOf(await stack.query(JOIN, { org, committee: `rpc-${ids.b1}` }, admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'committeeId',
    });
    const staffB1 = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [ids.b1] });
    expect(errorOf(await stack.query(JOIN, { org, committee: `rpc-${ids.a1}` }, staffB1)).code).toBe('FORBIDDEN');
    const joined = await ok(stack.query<{ joinCoBuilding: unknown }>(JOIN, { org, committee: `rpc-${ids.a1}` }, admin));
    expect(joined.joinCoBuilding).toEqual({ id: org, coBuilding: { committee: { id: `rpc-${ids.a1}` }, joinedOn: '2026-11-01' } });
    expect(errorOf(await stack.query(JOIN, { org, committee: `rpc-${ids.streetA}` }, admin)).code).toBe('CONFLICT');
    const { event } = await readEvent(
      TOPICS.REGISTRY_V1,
      (e) => e.subject === org && e.type === 'cn.sanshe.registry.partyOrganization.joinedCoBuilding.v1',
    );
    expect(event.data).toMatchObject({
      partyOrganizationId: org,
      committeeId: `rpc-${ids.a1}`,
      level: 'COMMUNITY',
      communityId: ids.a1,
      sector: 'ENTERPRISE',
    });

    const left = await ok(
      stack.query<{ leaveCoBuilding: { coBuilding: unknown } }>(
        'mutation($org: ID!) { leaveCoBuilding(partyOrganizationId: $org) { coBuilding { joinedOn } } }',
        { org },
        admin,
      ),
    );
    expect(left.leaveCoBuilding.coBuilding).toBeNull();
  });

  it('matches an offer of a member unit to a need of its community once, and tells other subgraphs', async () => {
    const staffA1 = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [ids.a1] });
    const outsider = (await ok(createOrg(admin, { name: unique('非共建单位党支部'), communityId: ids.a1 }))).createPartyOrganization.id;
    const offerInput = { title: '活动场地', description: '周末开放会议室', category: 'VENUE' };
    expect(errorOf(await stack.query(POST_OFFER, { input: { ...offerInput, organizationId: outsider } }, admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'organizationId',
    });

    const member = (await ok(createOrg(admin, { name: unique('涧西区实验小学党支部'), sector: 'SCHOOL', communityId: ids.a1 })))
      .createPartyOrganization.id;
    await ok(stack.query(JOIN, { org: member, committee: `rpc-${ids.a1}` }, admin));
    const offer = (
      await ok(
        stack.query<{ postResourceOffer: { id: string; status: string } }>(
          POST_OFFER,
          { input: { ...offerInput, organizationId: member } },
          staffA1,
        ),
      )
    ).postResourceOffer;
    expect(offer.status).toBe('OPEN');
    const need = (
      await ok(
        stack.query<{ postProjectNeed: { id: string } }>(
          POST_NEED,
          { input: { communityId: ids.a1, title: '睦邻学堂场地', description: '每周六上午', category: 'VENUE' } },
          staffA1,
        ),
      )
    ).postProjectNeed;
    const otherNeed = (
      await ok(
        stack.query<{ postProjectNeed: { id: string } }>(
          POST_NEED,
          { input: { communityId: ids.b1, title: '百姓茶馆场地', description: '每周三下午', category: 'VENUE' } },
          admin,
        ),
      )
    ).postProjectNeed;

    expect(errorOf(await stack.query(MATCH, { offer: offer.id, need: otherNeed.id }, admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'offerId',
    });
    const matched = await ok(
      stack.query<{ matchResourceOffer: { offer: { status: string }; need: { matches: { offer: { id: string } }[] } } }>(
        MATCH,
        { offer: offer.id, need: need.id },
        staffA1,
      ),
    );
    expect(matched.matchResourceOffer.offer.status).toBe('MATCHED');
    expect(matched.matchResourceOffer.need.matches).toEqual([{ offer: { id: offer.id } }]);
    expect(errorOf(await stack.query(MATCH, { offer: offer.id, need: need.id }, staffA1)).code).toBe('CONFLICT');

    const { event } = await readEvent(
      TOPICS.REGISTRY_V1,
      (e) => e.subject === need.id && e.type === 'cn.sanshe.registry.project.matched.v1',
    );
    expect(event.data).toMatchObject({
      needId: need.id,
      offerId: offer.id,
      communityId: ids.a1,
      offeringOrganizationId: member,
      category: 'VENUE',
    });
  });

  it('refuses to match an offer of another kind to a need (精准对接) unless the caller gives a reason, and keeps the reason', async () => {
    const staffA1 = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [ids.a1] });
    const member = (await ok(createOrg(admin, { name: unique('涧西区法律服务所党支部'), sector: 'INSTITUTION', communityId: ids.a1 })))
      .createPartyOrganization.id;
    await ok(stack.query(JOIN, { org: member, committee: `rpc-${ids.a1}` }, admin));
    const funding = (
      await ok(
        stack.query<{ postResourceOffer: { id: string } }>(
          POST_OFFER,
          { input: { organizationId: member, title: '资金支持', description: '每年两万元', category: 'FUNDING' } },
          staffA1,
        ),
      )
    ).postResourceOffer;
    const need = (
      await ok(
        stack.query<{ postProjectNeed: { id: string } }>(
          POST_NEED,
          { input: { communityId: ids.a1, title: '百姓茶馆议事会需要法律顾问', description: '每月一次', category: 'EXPERTISE' } },
          staffA1,
        ),
      )
    ).postProjectNeed;

    const refused = await stack.query(MATCH, { offer: funding.id, need: need.id }, staffA1);
    expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kindMismatchReason' });
    expect(refused.errors![0]!.message).toMatch(/FUNDING.*EXPERTISE.*kindMismatchReason/);
    const still = await stack.query<{ resourceOffer: { status: string } }>('query($id: ID!) { resourceOffer(id: $id) { status } }', {
      id: funding.id,
    });
    expect(still.data?.resourceOffer.status).toBe('OPEN');

    const OVERRIDE =
      'mutation($offer: ID!, $need: ID!, $reason: String) { matchResourceOffer(offerId: $offer, needId: $need, kindMismatchReason: $reason) { kindMismatchReason offer { status } } }';
    const matched = await ok(
      stack.query<{ matchResourceOffer: unknown }>(OVERRIDE, { offer: funding.id, need: need.id, reason: '经费用于聘请法律顾问' }, staffA1),
    );
    expect(matched.matchResourceOffer).toEqual({ kindMismatchReason: '经费用于聘请法律顾问', offer: { status: 'MATCHED' } });
  });
});
