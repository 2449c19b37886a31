import { TOPICS } from '@sanshe/schemas/generated/events';
import { housekeepingOf } from '@sanshe/resident-services/service';
import { eventually, startStack, type Stack } from '@sanshe/test-env';
import { closeKafka, contracts, givenDistrict, ok, readEvents, type District } from './support';

const ORDER_FIELDS = `id number status version channel contactPhone provider { id } contractId handledInCommunity satisfaction nextActions
  helperResidents { id } deadlines { respondedOnTime resolvedOnTime escalatedAt }
  timeline { action from to by byRole note provider { id } } timeInStatus { status seconds }`;
const SUBMIT = `mutation($input: SubmitServiceOrderInput!) { submitServiceOrder(input: $input) { ${ORDER_FIELDS} } }`;
const ACCEPT = `mutation($id: ID!) { acceptServiceOrder(id: $id, note: "签收") { status } }`;
const DISPATCH = `mutation($input: DispatchServiceOrderInput!) { dispatchServiceOrder(input: $input) { status provider { id } contractId } }`;
const START = `mutation($id: ID!) { startServiceOrder(id: $id) { status } }`;
const RETURN = `mutation($id: ID!, $reason: String!) { returnServiceOrder(id: $id, reason: $reason) { status provider { id } } }`;
const RESOLVE = `mutation($input: ResolveServiceOrderInput!) { resolveServiceOrder(input: $input) { status } }`;
const REOPEN = `mutation($id: ID!, $reason: String!) { reopenServiceOrder(id: $id, reason: $reason) { status } }`;
const CLOSE = `mutation($input: CloseServiceOrderInput!) { closeServiceOrder(input: $input) { status satisfaction closedAt } }`;
const ORDER = `query($id: ID!) { serviceOrder(id: $id) { ${ORDER_FIELDS} } }`;

interface Order {
  id: string;
  number: string;
  status: string;
  version: number;
  provider: { id: string } | null;
  contractId: string | null;
  satisfaction: number | null;
  nextActions: string[];
  helperResidents: { id: string }[];
  deadlines: { respondedOnTime: boolean | null; resolvedOnTime: boolean | null };
  timeline: {
    action: string;
    from: string | null;
    to: string;
    by: string | null;
    byRole: string;
    note: string | null;
    provider: { id: string } | null;
  }[];
  timeInStatus: { status: string; seconds: number }[];
}

const repairInput = (residentId?: string) => ({
  itemCode: 'C07-01',
  channel: 'APP',
  ...(residentId ? { residentId } : {}),
  contactPhone: '13800001111',
  summary: '厨房水管漏水',
  answers: [
    { code: 'location', value: 'KITCHEN' },
    { code: 'problem', value: '水管接口漏水，地面积水' },
  ],
});

describe('the life of a service order', () => {
  let stack: Stack;
  let district: District;
  let resident: string;
  let staff: string;
  let orgStaff: string[];

  beforeAll(async () => {
    stack = await startStack(['resident-services']);
    district = await givenDistrict(stack, { itemCodes: ['C07-01', 'C02-01'], providers: 2 });
    resident = await stack.token({ roles: ['RESIDENT'], residentId: district.residentIds[0]! });
    staff = await stack.token({ sub: `${stack.runId}-staff`, roles: ['COMMUNITY_STAFF'], communityIds: [district.communityId] });
    orgStaff = await Promise.all(
      district.providerOrgIds.map((org, i) => stack.token({ sub: `${stack.runId}-worker-${i + 1}`, roles: ['ORG_STAFF'], orgIds: [org] })),
    );
  });
  afterAll(async () => {
    await closeKafka();
    await stack?.stop();
  });

  async function submit(): Promise<Order> {
    const { submitServiceOrder: order } = await ok<{ submitServiceOrder: Order }>(stack, SUBMIT, { input: repairInput() }, resident);
    return order;
  }

  it('walks from submission through a return and a reopening to closing, with every step on the timeline and on Kafka', async () => {
    const [org1, org2] = district.providerOrgIds as [string, string];
    const [worker1, worker2] = orgStaff as [string, string];
    const submitted = await submit();
    const id = submitted.id;
    expect(id).toMatch(/^JX-\d{8}-\d{6}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(submitted).toMatchObject({ number: id, status: 'SUBMITTED', version: 1, nextActions: ['ACCEPT', 'CANCEL'] });

    await ok(stack, ACCEPT, { id }, staff);
    const first = await ok<{ dispatchServiceOrder: { provider: { id: string }; contractId: string } }>(
      stack,
      DISPATCH,
      { input: { id } },
      staff,
    );
    // Both providers are idle: the tie goes to the lowest id.
    expect(first.dispatchServiceOrder.provider.id).toBe(org1);
    expect(first.dispatchServiceOrder.contractId).toBe(district.contractIds[0]);
    const returned = await ok<{ returnServiceOrder: { status: string; provider: null } }>(
      stack,
      RETURN,
      { id, reason: '本周维修人员不足' },
      worker1,
    );
    expect(returned.returnServiceOrder).toEqual({ status: 'RETURNED', provider: null });
    const second = await ok<{ dispatchServiceOrder: { provider: { id: string }; contractId: string } }>(
      stack,
      DISPATCH,
      { input: { id } },
      staff,
    );
    // The provider that returned it is asked last.
    expect(second.dispatchServiceOrder).toMatchObject({
      status: 'DISPATCHED',
      provider: { id: org2 },
      contractId: district.contractIds[1],
    });
    await ok(stack, START, { id }, worker2);
    await ok(stack, RESOLVE, { input: { id, note: '已更换接口', helperResidentIds: [district.residentIds.at(-1)] } }, worker2);
    await ok(stack, REOPEN, { id, reason: '第二天又开始滴水' }, resident);
    await ok(stack, START, { id }, worker2);
    await ok(stack, RESOLVE, { input: { id, note: '更换整段水管' } }, worker2);
    const closed = await ok<{ closeServiceOrder: { status: string; satisfaction: number } }>(
      stack,
      CLOSE,
      { input: { id, satisfaction: 4, comment: '修好了' } },
      resident,
    );
    expect(closed.closeServiceOrder).toMatchObject({ status: 'CLOSED', satisfaction: 4 });

    const { serviceOrder } = await ok<{ serviceOrder: Order }>(stack, ORDER, { id }, staff);
    const steps = serviceOrder.timeline.map((e) => [e.action, e.from, e.to, e.byRole, e.provider?.id ?? null]);
    expect(steps).toEqual([
      ['SUBMIT', null, 'SUBMITTED', 'RESIDENT', null],
      ['ACCEPT', 'SUBMITTED', 'ACCEPTED', 'COMMUNITY_STAFF', null],
      ['DISPATCH', 'ACCEPTED', 'DISPATCHED', 'COMMUNITY_STAFF', org1],
      ['RETURN', 'DISPATCHED', 'RETURNED', 'ORG_STAFF', org1],
      ['DISPATCH', 'RETURNED', 'DISPATCHED', 'COMMUNITY_STAFF', org2],
      ['START', 'DISPATCHED', 'IN_PROGRESS', 'ORG_STAFF', org2],
      ['RESOLVE', 'IN_PROGRESS', 'RESOLVED', 'ORG_STAFF', org2],
      ['REOPEN', 'RESOLVED', 'REOPENED', 'RESIDENT', org2],
      ['START', 'REOPENED', 'IN_PROGRESS', 'ORG_STAFF', org2],
      ['RESOLVE', 'IN_PROGRESS', 'RESOLVED', 'ORG_STAFF', org2],
      ['CLOSE', 'RESOLVED', 'CLOSED', 'RESIDENT', org2],
    ]);
    expect(serviceOrder.timeline.map((e) => e.by)).toEqual(
      expect.arrayContaining([`user-${stack.runId}`, `${stack.runId}-staff`, `${stack.runId}-worker-1`, `${stack.runId}-worker-2`]),
    );
    expect(serviceOrder.timeline[3]!.note).toBe('本周维修人员不足');
    expect(serviceOrder).toMatchObject({
      status: 'CLOSED',
      version: 11,
      nextActions: [],
      deadlines: { respondedOnTime: true, resolvedOnTime: true },
    });
    expect(serviceOrder.helperResidents).toEqual([{ id: district.residentIds.at(-1) }]);
    expect(serviceOrder.timeInStatus.map((t) => t.status).sort()).toEqual([
      'ACCEPTED',
      'DISPATCHED',
      'IN_PROGRESS',
      'REOPENED',
      'RESOLVED',
      'RETURNED',
      'SUBMITTED',
    ]);

    const records = await readEvents(TOPICS.RESIDENT_SERVICES_V1, { subject: id, communityId: district.communityId }, (r) =>
      r.some((x) => x.event.type.endsWith('order.closed.v1')),
    );
    const types = records.map((r) => r.event.type.replace('cn.sanshe.resident-services.', '').replace('.v1', ''));
    expect(types).toEqual([
      'order.submitted',
      'order.accepted',
      'order.dispatched',
      'order.returned',
      'order.dispatched',
      'order.started',
      'order.resolved',
      'order.reopened',
      'order.started',
      'order.resolved',
      'order.closed',
    ]);
    for (const { event, headers } of records) {
      expect(event).toMatchObject({ specversion: '1.0', source: 'resident-services', subject: id, datacontenttype: 'application/json' });
      expect(event.id).toEqual(expect.any(String));
      expect(new Date(event.time).toString()).not.toBe('Invalid Date');
      expect(event.dataschema).toBe(contracts.dataschemaFor(event.type));
      expect(contracts.check(event.type, event.data)).toBeNull();
      expect(headers['content-type']).toContain('application/cloudevents+json');
      expect(headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    }
    expect(new Set(records.map((r) => r.event.id)).size).toBe(records.length);
    expect(records[3]!.event.data).toMatchObject({
      previousStatus: 'DISPATCHED',
      status: 'RETURNED',
      providerOrgId: org1,
      reason: '本周维修人员不足',
    });
    const closedEvent = records.at(-1)!.event.data;
    expect(closedEvent).toEqual({
      orderId: id,
      number: id,
      residentId: district.residentIds[0],
      communityId: district.communityId,
      itemCode: 'C07-01',
      categoryCode: 'C07',
      providerOrgId: org2,
      contractId: district.contractIds[1],
      satisfaction: 4,
      resolvedOnTime: true,
      helperResidentIds: [district.residentIds.at(-1)],
      closedAt: expect.any(String),
    });
  });

  it('counts the order in the public statistics of its community', async () => {
    const stats = await eventually(
      async () => {
        const res = await stack.query<{ serviceStatistics: Record<string, unknown> & { byStatus: { status: string; count: number }[] } }>(
          `query($f: StatisticsFilter) { serviceStatistics(filter: $f) { submitted closed returned reopened escalated averageSatisfaction responseOnTimeRate resolutionOnTimeRate
           byChannel { channel count } byStatus { status count } byCategory { category { code } count } byCommunity { community { id } count } averageTimeInStatus { status seconds } } }`,
          { f: { communityId: district.communityId } },
        );
        const s = res.data?.serviceStatistics;
        return s && s.closed === 1 ? s : undefined;
      },
      45_000,
      'the statistics to count the closed order',
    );
    expect(stats).toMatchObject({
      submitted: 1,
      closed: 1,
      returned: 1,
      reopened: 1,
      escalated: 0,
      averageSatisfaction: 4,
      responseOnTimeRate: 1,
      resolutionOnTimeRate: 1,
    });
    expect(stats.byStatus.filter((s) => s.count !== 0)).toEqual([{ status: 'CLOSED', count: 1 }]);
    expect(stats.byChannel).toContainEqual({ channel: 'APP', count: 1 });
    expect(stats.byCategory).toContainEqual({ category: { code: 'C07' }, count: 1 });
    expect(stats.byCommunity).toEqual([{ community: { id: district.communityId }, count: 1 }]);
    expect((stats.averageTimeInStatus as { status: string }[]).map((s) => s.status)).toContain('RETURNED');
  });

  it('refuses a step the status does not allow with CONFLICT, naming what is possible', async () => {
    const order = await submit();
    const res = await stack.query(CLOSE, { input: { id: order.id, satisfaction: 5 } }, resident);
    expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(res.errors?.[0]?.message).toContain('is SUBMITTED and cannot be closed');
    expect(res.errors?.[0]?.message).toContain('ACCEPT, CANCEL');
  });

  it('lets only one of two staff members accepting the same order at once win', async () => {
    const order = await submit();
    const other = await stack.token({ sub: `${stack.runId}-staff-2`, roles: ['COMMUNITY_STAFF'], communityIds: [district.communityId] });
    const results = await Promise.all([stack.query(ACCEPT, { id: order.id }, staff), stack.query(ACCEPT, { id: order.id }, other)]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => r.errors![0]!.extensions!.code)).toEqual(['CONFLICT']);
    const { serviceOrder } = await ok<{ serviceOrder: Order }>(stack, ORDER, { id: order.id }, staff);
    expect(serviceOrder.timeline.filter((e) => e.action === 'ACCEPT')).toHaveLength(1);
    expect(serviceOrder.version).toBe(2);
  });

  it('keeps providers off orders that are not theirs and residents off orders of others', async () => {
    const order = await submit();
    await ok(stack, ACCEPT, { id: order.id }, staff);
    const dispatched = await ok<{ dispatchServiceOrder: { provider: { id: string } } }>(
      stack,
      DISPATCH,
      { input: { id: order.id, providerOrgId: district.providerOrgIds[1] } },
      staff,
    );
    expect(dispatched.dispatchServiceOrder.provider.id).toBe(district.providerOrgIds[1]);
    const wrongProvider = await stack.query(START, { id: order.id }, orgStaff[0]);
    expect(wrongProvider.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The refusal names the role and kind of scope, not which organization holds the order (issue #14).
    expect(wrongProvider.errors?.[0]?.message).toContain('ORG_STAFF/SOCIAL_WORKER for the social organization concerned');
    expect(wrongProvider.errors?.[0]?.message).not.toContain(district.providerOrgIds[1]!);
    const neighbour = await stack.token({ roles: ['RESIDENT'], residentId: district.residentIds[1]! });
    const peek = await stack.query(ORDER, { id: order.id }, neighbour);
    expect(peek.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await stack.query(ACCEPT, { id: order.id });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets the resident cancel before work starts, and not after', async () => {
    const CANCEL = `mutation($id: ID!) { cancelServiceOrder(id: $id, reason: "已自行解决") { status } }`;
    const early = await submit();
    expect(
      (await ok<{ cancelServiceOrder: { status: string } }>(stack, CANCEL, { id: early.id }, resident)).cancelServiceOrder.status,
    ).toBe('CANCELLED');

    const late = await submit();
    await ok(stack, ACCEPT, { id: late.id }, staff);
    await ok(stack, DISPATCH, { input: { id: late.id, handleInCommunity: true } }, staff);
    await ok(stack, START, { id: late.id }, staff);
    const refused = await stack.query(CANCEL, { id: late.id }, resident);
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('dispatches each order to the provider with the fewest orders on its desk', async () => {
    const fresh = await givenDistrict(stack, { itemCodes: ['C07-01'], providers: 3, tag: 'load' });
    const freshResident = await stack.token({ roles: ['RESIDENT'], residentId: fresh.residentIds[0]! });
    const freshStaff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [fresh.communityId] });
    const providers: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const { submitServiceOrder: order } = await ok<{ submitServiceOrder: Order }>(stack, SUBMIT, { input: repairInput() }, freshResident);
      await ok(stack, ACCEPT, { id: order.id }, freshStaff);
      const d = await ok<{ dispatchServiceOrder: { provider: { id: string } } }>(stack, DISPATCH, { input: { id: order.id } }, freshStaff);
      providers.push(d.dispatchServiceOrder.provider.id);
    }
    // One each, then back to the first: ties go to the lowest id.
    expect(providers).toEqual([fresh.providerOrgIds[0], fresh.providerOrgIds[1], fresh.providerOrgIds[2], fresh.providerOrgIds[0]]);
  });

  it('keeps finished orders readable and listed once they are archived', async () => {
    const order = await submit();
    await ok(stack, `mutation($id: ID!) { cancelServiceOrder(id: $id) { status } }`, { id: order.id }, resident);
    expect(await housekeepingOf(stack.services['resident-services']!).archiveFinishedOrders()).toBeGreaterThanOrEqual(1);

    const { serviceOrder } = await ok<{ serviceOrder: Order }>(stack, ORDER, { id: order.id }, resident);
    expect(serviceOrder).toMatchObject({ id: order.id, status: 'CANCELLED', version: 2 });
    const mine = await ok<{ myServiceOrders: { edges: { node: { id: string } }[] } }>(
      stack,
      `{ myServiceOrders(first: 100) { edges { node { id } } } }`,
      {},
      resident,
    );
    expect(mine.myServiceOrders.edges.map((e) => e.node.id)).toContain(order.id);
    const finished = await ok<{ serviceOrders: { edges: { node: { id: string } }[] } }>(
      stack,
      `query($f: ServiceOrderFilter!) { serviceOrders(filter: $f, first: 100) { edges { node { id } } } }`,
      { f: { communityId: district.communityId, statuses: ['CANCELLED'] } },
      staff,
    );
    expect(finished.serviceOrders.edges.map((e) => e.node.id)).toContain(order.id);
    const again = await stack.query(`mutation($id: ID!) { cancelServiceOrder(id: $id) { status } }`, { id: order.id }, resident);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
