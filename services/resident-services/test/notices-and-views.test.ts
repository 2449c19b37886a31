import { TOPICS } from '@sanshe/schemas/generated/events';
import { startStack, type Stack } from '@sanshe/test-env';
import { closeKafka, contracts, givenDistrict, ok, readEvents, type District } from './support';

const PUBLISH = `mutation($input: PublishNoticeInput!) { publishNotice(input: $input) { id kind scope streetId community { id } title publishedAt } }`;
const NOTICES = `query($filter: NoticeFilter, $first: Int, $after: String) { notices(filter: $filter, first: $first, after: $after) {
  edges { node { title scope } } pageInfo { hasNextPage endCursor } } }`;
const SUBMIT = `mutation($input: SubmitServiceOrderInput!) { submitServiceOrder(input: $input) { id } }`;

describe('notices and the views of orders from communities, residents and providers', () => {
  let stack: Stack;
  let home: District;
  let neighbour: District;
  let admin: string;
  let streetStaff: string;
  let homeStaff: string;

  beforeAll(async () => {
    stack = await startStack(['resident-services']);
    const streetId = `${stack.runId}-street`;
    home = await givenDistrict(stack, { itemCodes: ['C01-01'], providers: 1, tag: 'home', streetId });
    neighbour = await givenDistrict(stack, { itemCodes: ['C01-01'], providers: 1, tag: 'next', streetId });
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    streetStaff = await stack.token({ roles: ['STREET_STAFF'], streetIds: [streetId] });
    homeStaff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [home.communityId] });
  });
  afterAll(async () => {
    await closeKafka();
    await stack?.stop();
  });

  it('publishes notices to the district, a street and a community, and anyone reads those that reach a community', async () => {
    const tag = stack.runId;
    await ok(
      stack,
      PUBLISH,
      {
        input: { kind: 'POLICY_NOTICE', scope: 'DISTRICT', title: `${tag} 城乡居民医保缴费提醒`, body: '请于12月31日前缴纳2027年度医保。' },
      },
      admin,
    );
    await ok(
      stack,
      PUBLISH,
      {
        input: {
          kind: 'COMMUNITY_NEWS',
          scope: 'STREET',
          streetId: home.streetId,
          title: `${tag} 街道睦邻节`,
          body: '周六上午在街道广场举行。',
        },
      },
      streetStaff,
    );
    const own = await ok<{ publishNotice: { id: string; scope: string; streetId: string; community: { id: string } } }>(
      stack,
      PUBLISH,
      {
        input: {
          kind: 'COMMUNITY_NEWS',
          scope: 'COMMUNITY',
          communityId: home.communityId,
          title: `${tag} 我家菜园收获节`,
          body: '欢迎居民带孩子参加。',
        },
      },
      homeStaff,
    );
    expect(own.publishNotice).toMatchObject({ scope: 'COMMUNITY', streetId: home.streetId, community: { id: home.communityId } });
    await ok(
      stack,
      PUBLISH,
      {
        input: {
          kind: 'COMMUNITY_NEWS',
          scope: 'COMMUNITY',
          communityId: neighbour.communityId,
          title: `${tag} 隔壁社区的消息`,
          body: '…',
        },
      },
      streetStaff,
    );

    const page = async (after?: string) =>
      (
        await ok<{ notices: { edges: { node: { title: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
          stack,
          NOTICES,
          { filter: { communityId: home.communityId }, first: 2, after },
        )
      ).notices;
    const first = await page();
    const second = await page(first.pageInfo.endCursor);
    expect([first.pageInfo.hasNextPage, second.pageInfo.hasNextPage]).toEqual([true, false]);
    // Newest first: the community's own, its street's, the district's — not the neighbour's.
    const titles = [...first.edges, ...second.edges].map((e) => e.node.title);
    expect(titles).toEqual([`${tag} 我家菜园收获节`, `${tag} 街道睦邻节`, `${tag} 城乡居民医保缴费提醒`]);

    const { event } = (
      await readEvents(TOPICS.RESIDENT_SERVICES_V1, { subject: own.publishNotice.id, communityId: home.communityId }, (r) => r.length > 0)
    )[0]!;
    expect(event.type).toBe('cn.sanshe.resident-services.notice.published.v1');
    expect(contracts.check(event.type, event.data)).toBeNull();
  });

  it('lets staff publish only to their territory', async () => {
    const input = (changes: Record<string, unknown>) => ({
      kind: 'COMMUNITY_NEWS',
      scope: 'COMMUNITY',
      communityId: neighbour.communityId,
      title: '通知',
      body: '内容',
      ...changes,
    });
    const elsewhere = await stack.query(PUBLISH, { input: input({}) }, homeStaff);
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(elsewhere.errors?.[0]?.message).toContain(neighbour.communityId);
    expect(
      (await stack.query(PUBLISH, { input: input({ scope: 'DISTRICT', communityId: null }) }, streetStaff)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await stack.query(PUBLISH, { input: input({ scope: 'STREET', communityId: null }) }, streetStaff)).errors?.[0]?.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'streetId' });
    expect((await stack.query(PUBLISH, { input: input({ title: ' ' }) }, streetStaff)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'title',
    });
    expect((await stack.query(PUBLISH, { input: input({}) })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows a community its open orders, a resident theirs and a provider those on its desk, batched through the order', async () => {
    const residentId = home.residentIds[0]!;
    const resident = await stack.token({ roles: ['RESIDENT'], residentId });
    const ask = {
      itemCode: 'C01-01',
      channel: 'WEB',
      contactPhone: '13700002222',
      answers: [
        { code: 'question', value: '退休后医保怎么交？' },
        { code: 'replyBy', value: 'PHONE' },
      ],
    };
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1)
      ids.push((await ok<{ submitServiceOrder: { id: string } }>(stack, SUBMIT, { input: ask }, resident)).submitServiceOrder.id);
    await ok(stack, `mutation($id: ID!) { acceptServiceOrder(id: $id) { id } }`, { id: ids[0] }, homeStaff);
    await ok(
      stack,
      `mutation($input: DispatchServiceOrderInput!) { dispatchServiceOrder(input: $input) { id } }`,
      { input: { id: ids[0] } },
      homeStaff,
    );

    const view = await ok<{
      serviceOrder: {
        community: { serviceOrders: { id: string }[]; notices: { title: string }[] };
        resident: { serviceOrders: { id: string }[] };
      };
    }>(
      stack,
      `query($id: ID!) { serviceOrder(id: $id) { community { serviceOrders { id } notices(first: 50) { title } } resident { serviceOrders { id } } } }`,
      { id: ids[0] },
      homeStaff,
    );
    expect(view.serviceOrder.community.serviceOrders.map((o) => o.id)).toEqual([...ids].reverse());
    expect(view.serviceOrder.resident.serviceOrders.map((o) => o.id)).toEqual([...ids].reverse());

    const mine = await ok<{
      myServiceOrders: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>(
      stack,
      `query($after: String) { myServiceOrders(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      {},
      resident,
    );
    expect(mine.myServiceOrders.edges.map((e) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(mine.myServiceOrders.pageInfo.hasNextPage).toBe(true);

    const worker = await stack.token({ roles: ['SOCIAL_WORKER'], orgIds: [home.providerOrgIds[0]!] });
    const desk = await ok<{ serviceOrder: { provider: { id: string; assignedServiceOrders: { id: string }[] } } }>(
      stack,
      `query($id: ID!) { serviceOrder(id: $id) { provider { id assignedServiceOrders { id } } } }`,
      { id: ids[0] },
      worker,
    );
    expect(desk.serviceOrder.provider).toEqual({ id: home.providerOrgIds[0], assignedServiceOrders: [{ id: ids[0] }] });

    // The resident sees the order, but not the community's other business.
    const nosy = await stack.query(
      `query($id: ID!) { serviceOrder(id: $id) { id community { serviceOrders { id } } } }`,
      { id: ids[0] },
      resident,
    );
    expect(nosy.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(nosy.errors?.[0]?.path).toEqual(['serviceOrder', 'community', 'serviceOrders']);

    const neighbourStaff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [neighbour.communityId] });
    const list = await stack.query(
      `query($f: ServiceOrderFilter!) { serviceOrders(filter: $f) { edges { node { id } } } }`,
      { f: { communityId: home.communityId } },
      neighbourStaff,
    );
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byStreet = await ok<{ serviceOrders: { edges: { node: { id: string } }[] } }>(
      stack,
      `query($f: ServiceOrderFilter!) { serviceOrders(filter: $f) { edges { node { id } } } }`,
      { f: { streetId: home.streetId, statuses: ['SUBMITTED'] } },
      streetStaff,
    );
    expect(byStreet.serviceOrders.edges.map((e) => e.node.id)).toEqual([ids[2], ids[1]]);
  });

  it("lets a partner (an Open311 app) list and read the district's orders, masked, but not a community's business", async () => {
    const resident = await stack.token({ roles: ['RESIDENT'], residentId: neighbour.residentIds[0]! });
    const input = {
      itemCode: 'C01-01',
      channel: 'WEB',
      contactPhone: '13800003333',
      address: '南口社区 7号楼3单元502',
      answers: [
        { code: 'question', value: '医保怎么续缴' },
        { code: 'replyBy', value: 'PHONE' },
      ],
    };
    const { submitServiceOrder } = await ok<{ submitServiceOrder: { id: string } }>(stack, SUBMIT, { input }, resident);
    const partner = await stack.token({ sub: 'open311:app-test', roles: ['PARTNER'] });
    const ORDERS = `query { serviceOrders(filter: {}, first: 100) { edges { node { id contactPhone address } } } }`;
    const listed = await ok<{ serviceOrders: { edges: { node: { id: string; contactPhone: string; address: string } }[] } }>(
      stack,
      ORDERS,
      {},
      partner,
    );
    const seen = listed.serviceOrders.edges.find((e) => e.node.id === submitServiceOrder.id)?.node;
    expect(seen).toEqual({ id: submitServiceOrder.id, contactPhone: '138****3333', address: expect.stringMatching(/^南口社区 \*+$/) });
    const read = await ok<{ serviceOrder: { contactPhone: string } }>(
      stack,
      `query($id: ID!) { serviceOrder(id: $id) { contactPhone } }`,
      { id: submitServiceOrder.id },
      partner,
    );
    expect(read.serviceOrder.contactPhone).toBe('138****3333');
    const community = await stack.query(
      `query($f: ServiceOrderFilter!) { serviceOrders(filter: $f) { edges { node { id } } } }`,
      { f: { communityId: neighbour.communityId } },
      partner,
    );
    expect(community.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
