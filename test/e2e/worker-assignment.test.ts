/** A cross-context flow: resident-services assigns social-orgs workers (and stops when one leaves), and social-orgs counts what they served (the replayed event is handed to social-orgs' own consumer). */
import { randomBytes } from 'node:crypto';
import { createLogger, newCloudEvent, type EventMeta } from '@sanshe/service-kit';
import { CommunityDirectory } from '@sanshe/community-directory';
import { completeCreditCode } from '@sanshe/social-orgs/domain/credit-code';
import { createModels as socialOrgsModels } from '@sanshe/social-orgs/data-access/models';
import { PerformanceRepository } from '@sanshe/social-orgs/data-access/performance-repository';
import { WorkerServiceRepository } from '@sanshe/social-orgs/data-access/worker-service-repository';
import { performanceConsumer } from '@sanshe/social-orgs/entry-points/kafka/handlers';
import { eventually, startStack, type Stack } from '@sanshe/test-env';
import { closeKafka, contracts, givenDistrict, ok, type District } from '../../services/resident-services/test/support';

const REGISTER_ORG = `mutation($input: RegisterSocialOrganizationInput!) { registerSocialOrganization(input: $input) { id } }`;
const REGISTER_WORKER = `mutation($input: RegisterSocialWorkerInput!) { registerSocialWorker(input: $input) { id } }`;
const SUBMIT = `mutation($input: SubmitServiceOrderInput!) { submitServiceOrder(input: $input) { id } }`;
const ACCEPT = `mutation($id: ID!) { acceptServiceOrder(id: $id) { status } }`;
const DISPATCH = `mutation($input: DispatchServiceOrderInput!) { dispatchServiceOrder(input: $input) { status provider { id } } }`;
const ASSIGN = `mutation($input: AssignServiceOrderWorkersInput!) { assignServiceOrderWorkers(input: $input) { id assignedWorkers { maskedName socialWorker { id } } } }`;
const START = `mutation($id: ID!) { startServiceOrder(id: $id) { status } }`;
const RESOLVE = `mutation($input: ResolveServiceOrderInput!) { resolveServiceOrder(input: $input) { status } }`;
const CLOSE = `mutation($input: CloseServiceOrderInput!) { closeServiceOrder(input: $input) { status } }`;
const RETURN = `mutation($id: ID!, $reason: String!) { returnServiceOrder(id: $id, reason: $reason) { status assignedWorkers { maskedName } } }`;
const ORDER_AS_RESIDENT = `query($id: ID!) { serviceOrder(id: $id) { assignedWorkers { maskedName } } }`;
const WORKER_ORDERS = `query($id: ID!) { socialWorker(id: $id) { id serviceOrders { id status } } }`;
const SERVICE_RECORD = `query($id: ID!) { socialWorker(id: $id) { serviceRecord { year ordersServed averageSatisfaction } } }`;

const repairInput = {
  itemCode: 'C07-01',
  channel: 'APP',
  contactPhone: '13800002222',
  answers: [
    { code: 'location', value: 'KITCHEN' },
    { code: 'problem', value: '水龙头关不紧' },
  ],
};

/**
 * 便民服务项目由社会组织承接、社工团队执行, end to end through the gateway: social-orgs registers
 * the organizations and their workers; resident-services learns who works for whom from
 * socialWorker.registered on Kafka, lets the provider put its own workers on an order, shows
 * them to the resident masked and to the worker in their own list; social-orgs counts the
 * closed order in the worker's record from order.closed.
 */
describe('social workers serving a dispatched order', () => {
  let stack: Stack;
  let district: District;
  let admin: string;
  let resident: string;
  let staff: string;
  let providerStaff: string;
  const workers: { own: string; colleague: string; stranger: string } = { own: '', colleague: '', stranger: '' };

  async function registerOrg(id: string): Promise<void> {
    const creditCode = completeCreditCode(`52410305${[...randomBytes(9)].map((b) => '0123456789ABCDEFGHJKLMNPQRTUWXY'[b % 31]).join('')}`);
    await ok(
      stack,
      REGISTER_ORG,
      {
        input: {
          id,
          name: `测试社工${id}`,
          kind: 'SOCIAL_WORK_AGENCY',
          creditCode,
          domains: ['ELDERLY_CARE'],
          communityIds: [district.communityId],
        },
      },
      admin,
    );
  }

  async function registerWorker(name: string, organizationId: string): Promise<string> {
    const res = await ok<{ registerSocialWorker: { id: string } }>(
      stack,
      REGISTER_WORKER,
      { input: { name, organizationId, communityId: district.communityId, birthDate: '1998-04-01', education: 'BACHELOR' } },
      admin,
    );
    return res.registerSocialWorker.id;
  }

  async function dispatchedOrder(): Promise<string> {
    const { submitServiceOrder: order } = await ok<{ submitServiceOrder: { id: string } }>(stack, SUBMIT, { input: repairInput }, resident);
    await ok(stack, ACCEPT, { id: order.id }, staff);
    await ok(stack, DISPATCH, { input: { id: order.id, providerOrgId: district.providerOrgIds[0] } }, staff);
    return order.id;
  }

  beforeAll(async () => {
    stack = await startStack(['social-orgs', 'resident-services']);
    district = await givenDistrict(stack, { itemCodes: ['C07-01'], providers: 2 });
    // What registry's community.created would have told social-orgs.
    await new CommunityDirectory(stack.services['social-orgs']!.connection).remember({
      _id: district.communityId,
      name: '测试社区',
      streetId: district.streetId,
      urban: true,
    });
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    resident = await stack.token({ roles: ['RESIDENT'], residentId: district.residentIds[0]! });
    staff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [district.communityId] });
    providerStaff = await stack.token({ roles: ['ORG_STAFF'], orgIds: [district.providerOrgIds[0]!] });
    for (const org of district.providerOrgIds) await registerOrg(org);
    workers.own = await registerWorker('张佳欣', district.providerOrgIds[0]!);
    workers.colleague = await registerWorker('李雯', district.providerOrgIds[0]!);
    workers.stranger = await registerWorker('王浩然', district.providerOrgIds[1]!);
  }, 120_000);
  afterAll(async () => {
    await closeKafka();
    await stack?.stop();
  });

  it('lets the provider put its own workers on the order, shows them masked to the resident, and lists the order for the worker', async () => {
    const id = await dispatchedOrder();
    // The workers reach resident-services through socialWorker.registered on Kafka.
    const assigned = await eventually(
      async () => {
        const res = await stack.query<{
          assignServiceOrderWorkers: { assignedWorkers: { maskedName: string; socialWorker: { id: string } }[] };
        }>(ASSIGN, { input: { id, socialWorkerIds: [workers.own, workers.colleague] } }, providerStaff);
        return res.errors ? undefined : res.data!.assignServiceOrderWorkers;
      },
      60_000,
      'the workers to be known to resident-services',
    );
    expect(assigned.assignedWorkers).toEqual([
      { maskedName: '张**', socialWorker: { id: workers.own } },
      { maskedName: '李*', socialWorker: { id: workers.colleague } },
    ]);

    const seen = await ok<{ serviceOrder: { assignedWorkers: { maskedName: string }[] } }>(stack, ORDER_AS_RESIDENT, { id }, resident);
    expect(seen.serviceOrder.assignedWorkers.map((w) => w.maskedName)).toEqual(['张**', '李*']);

    const own = await stack.token({
      roles: ['SOCIAL_WORKER'],
      socialWorkerId: workers.own,
      orgIds: [district.providerOrgIds[0]!],
      communityIds: [district.communityId],
    });
    const list = await ok<{ socialWorker: { serviceOrders: { id: string; status: string }[] } }>(
      stack,
      WORKER_ORDERS,
      { id: workers.own },
      own,
    );
    expect(list.socialWorker.serviceOrders).toEqual([{ id, status: 'DISPATCHED' }]);
    const other = await stack.token({ roles: ['SOCIAL_WORKER'], socialWorkerId: workers.stranger, orgIds: [district.providerOrgIds[1]!] });
    const refused = await stack.query(`query($id: ID!) { socialWorker(id: $id) { id } }`, { id: workers.own }, other);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // A return to the community takes the provider's workers off the order.
    const returned = await ok<{ returnServiceOrder: { status: string; assignedWorkers: unknown[] } }>(
      stack,
      RETURN,
      { id, reason: '本周人手不足' },
      providerStaff,
    );
    expect(returned.returnServiceOrder).toEqual({ status: 'RETURNED', assignedWorkers: [] });
  });

  it('refuses a worker of another organization with an actionable BAD_USER_INPUT, and staff of another territory with FORBIDDEN', async () => {
    const id = await dispatchedOrder();
    await eventually(
      async () => !(await stack.query(ASSIGN, { input: { id, socialWorkerIds: [workers.own] } }, providerStaff)).errors,
      60_000,
      'the worker to be known',
    );
    const stranger = await stack.query(ASSIGN, { input: { id, socialWorkerIds: [workers.stranger] } }, providerStaff);
    expect(stranger.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'socialWorkerIds' });
    expect(stranger.errors?.[0]?.message).toContain(`not a social worker of organization ${district.providerOrgIds[0]}`);

    const elsewhere = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: ['community-elsewhere'] });
    const otherOrg = await stack.token({ roles: ['ORG_STAFF'], orgIds: [district.providerOrgIds[1]!] });
    for (const token of [elsewhere, otherOrg]) {
      const res = await stack.query(ASSIGN, { input: { id, socialWorkerIds: [workers.own] } }, token);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const empty = await stack.query(ASSIGN, { input: { id, socialWorkerIds: [] } }, providerStaff);
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('stops assigning a worker once social-orgs records that they left, and keeps them on the orders they served', async () => {
    const leaving = await registerWorker('赵思琪', district.providerOrgIds[0]!);
    const served = await dispatchedOrder();
    await eventually(
      async () => !(await stack.query(ASSIGN, { input: { id: served, socialWorkerIds: [leaving] } }, providerStaff)).errors,
      60_000,
      'the worker to be known',
    );
    const leftOn = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await ok(
      stack,
      `mutation($id: ID!, $leftOn: String!) { recordSocialWorkerDeparture(socialWorkerId: $id, leftOn: $leftOn) { status } }`,
      { id: leaving, leftOn },
      providerStaff,
    );
    // socialWorker.left reaches resident-services over Kafka; from then on the worker is refused, saying why.
    const next = await dispatchedOrder();
    const refused = await eventually(
      async () => {
        const res = await stack.query(ASSIGN, { input: { id: next, socialWorkerIds: [leaving] } }, providerStaff);
        return res.errors ? res.errors[0] : undefined;
      },
      60_000,
      'the departure to reach resident-services',
    );
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'socialWorkerIds' });
    expect(refused.message).toContain(`${leaving} left organization ${district.providerOrgIds[0]} on ${leftOn}`);
    // A colleague still can be; the order the leaver served keeps their name.
    expect((await stack.query(ASSIGN, { input: { id: next, socialWorkerIds: [workers.own] } }, providerStaff)).errors).toBeUndefined();
    const seen = await ok<{ serviceOrder: { assignedWorkers: { maskedName: string }[] } }>(
      stack,
      ORDER_AS_RESIDENT,
      { id: served },
      resident,
    );
    expect(seen.serviceOrder.assignedWorkers.map((w) => w.maskedName)).toEqual(['赵**']);
  });

  it("counts the closed order in the worker's service record once, from order.closed", async () => {
    const id = await dispatchedOrder();
    await eventually(
      async () => !(await stack.query(ASSIGN, { input: { id, socialWorkerIds: [workers.colleague] } }, providerStaff)).errors,
      60_000,
      'the worker to be known',
    );
    await ok(stack, START, { id }, providerStaff);
    await ok(stack, RESOLVE, { input: { id } }, providerStaff);
    await ok(stack, CLOSE, { input: { id, satisfaction: 4 } }, resident);
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    const record = await eventually(
      async () => {
        const res = await ok<{
          socialWorker: { serviceRecord: { year: number; ordersServed: number; averageSatisfaction: number | null }[] };
        }>(stack, SERVICE_RECORD, { id: workers.colleague }, admin);
        return res.socialWorker.serviceRecord.length > 0 ? res.socialWorker.serviceRecord : undefined;
      },
      60_000,
      "the closed order in the worker's record",
    );
    expect(record).toEqual([{ year, ordersServed: 1, averageSatisfaction: 4 }]);

    // The same event delivered again (at-least-once) changes nothing.
    const models = socialOrgsModels(stack.services['social-orgs']!.connection);
    const handler = performanceConsumer(new PerformanceRepository(models), new WorkerServiceRepository(models)).handlers[
      'cn.sanshe.resident-services.order.closed.v1'
    ]!;
    const data = {
      orderId: 'JX-replayed',
      number: 'JX-replayed',
      residentId: district.residentIds[0]!,
      communityId: district.communityId,
      itemCode: 'C07-01',
      categoryCode: 'C07',
      satisfaction: 2,
      resolvedOnTime: true,
      assignedSocialWorkerIds: [workers.colleague, 'socialworker-unknown'],
      closedAt: new Date().toISOString(),
    };
    expect(contracts.check('cn.sanshe.resident-services.order.closed.v1', data)).toBeNull();
    const event = {
      ...newCloudEvent({ source: 'resident-services', type: 'cn.sanshe.resident-services.order.closed.v1', subject: 'JX-replayed', data }),
      type: 'cn.sanshe.resident-services.order.closed.v1' as const,
    };
    const meta: EventMeta = { topic: 'test', partition: 0, offset: '0', logger: createLogger('test', 'silent') };
    await handler(event, meta);
    await handler(event, meta);
    const after = await ok<{ socialWorker: { serviceRecord: { ordersServed: number; averageSatisfaction: number }[] } }>(
      stack,
      SERVICE_RECORD,
      { id: workers.colleague },
      admin,
    );
    expect(after.socialWorker.serviceRecord[0]).toMatchObject({ ordersServed: 2, averageSatisfaction: 3 });
    expect(await models.WorkerServiceYear.countDocuments({ socialWorkerId: 'socialworker-unknown' })).toBe(0);
  });
});
