import { TOPICS } from '@sanshe/schemas/generated/events';
import { randomUUID } from 'node:crypto';
import { COMMUNITIES } from '@sanshe/seed-fixtures';
import { eventually, startStack, TEST_FAULT_HEADER, type Stack } from '@sanshe/test-env';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaAuthFromEnv } from '@sanshe/service-kit';
import { registerOrganization, rememberCommunities } from './helpers';

const PERFORMANCE = `query($id: ID!) { serviceContract(id: $id) { performance { ordersCompleted ordersOnTime onTimeRate averageSatisfaction meetsTargets lastClosedAt } } }`;
type Performance = {
  ordersCompleted: number;
  ordersOnTime: number;
  onTimeRate: number | null;
  averageSatisfaction: number | null;
  meetsTargets: boolean | null;
  lastClosedAt: string | null;
};

/** An order.closed CloudEvent as resident-services publishes it (valid per its JSON Schema unless `data` breaks it). */
function orderClosed(fields: {
  contractId: string | null;
  providerOrgId: string;
  communityId: string;
  satisfaction: number;
  resolvedOnTime: boolean;
  closedAt: string;
}) {
  const orderId = `order-${randomUUID()}`;
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: 'resident-services',
    type: 'cn.sanshe.resident-services.order.closed.v1',
    subject: orderId,
    time: fields.closedAt,
    datacontenttype: 'application/json',
    data: {
      orderId,
      number: `GD${Date.now()}`,
      residentId: 'resident-000001',
      itemCode: 'C02-01',
      categoryCode: 'C02',
      helperResidentIds: [],
      ...fields,
    },
  };
}

describe('contract KPIs from resident-services orders', () => {
  let stack: Stack;
  let admin: string;

  beforeAll(async () => {
    stack = await startStack(['social-orgs']);
    await rememberCommunities(stack);
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
  });
  afterAll(() => stack?.stop());

  it('counts each closed order once and reports completed orders, on-time rate and mean satisfaction', async () => {
    const provider = await registerOrganization(stack, admin);
    const contractId = `${stack.runId}-contract-kpi`;
    const community = COMMUNITIES[0]!.id;
    const signed = await stack.query(
      `mutation($input: SignServiceContractInput!) { signServiceContract(input: $input) { id } }`,
      {
        input: {
          id: contractId,
          buyer: '涧西区民政局',
          providerOrgId: provider,
          itemCodes: ['C02-01'],
          communityIds: [community],
          startsOn: '2026-12-01',
          endsOn: '2027-11-30',
          budgetYuan: 50_000,
          kpiTargets: { minOnTimeRate: 0.9, minAverageSatisfaction: 4 },
        },
      },
      admin,
    );
    expect(signed.errors).toBeUndefined();
    expect(
      (await stack.query<{ serviceContract: { performance: Performance } }>(PERFORMANCE, { id: contractId })).data?.serviceContract
        .performance,
    ).toMatchObject({
      ordersCompleted: 0,
      onTimeRate: null,
      averageSatisfaction: null,
      meetsTargets: null,
    });

    const order = (satisfaction: number, resolvedOnTime: boolean, day: number) =>
      orderClosed({
        contractId,
        providerOrgId: provider,
        communityId: community,
        satisfaction,
        resolvedOnTime,
        closedAt: `2026-12-${String(day).padStart(2, '0')}T10:00:00.000Z`,
      });
    const orders = [order(5, true, 2), order(4, true, 3), order(3, false, 4), order(5, true, 5), order(4, true, 6)];
    const notUnderContract = orderClosed({
      contractId: null,
      providerOrgId: provider,
      communityId: community,
      satisfaction: 1,
      resolvedOnTime: false,
      closedAt: '2026-12-07T10:00:00.000Z',
    });
    const breaksContract = order(7, true, 8);

    const kafka = new Kafka({
      clientId: 'social-orgs-kpi-test',
      brokers: process.env.KAFKA_BROKERS!.split(','),
      logLevel: logLevel.NOTHING,
      ...kafkaAuthFromEnv(),
    });
    const producer = kafka.producer();
    await producer.connect();
    // One key, one partition: the last order is handled after the duplicate and the rejects.
    const record = (e: object) => ({ key: contractId, value: JSON.stringify(e) });
    // The broken record says so in a header, so the partner-view contract check (test/e2e/event-contracts) passes it over.
    const faulty = { ...record(breaksContract), headers: { [TEST_FAULT_HEADER]: 'breaks the order.closed schema on purpose' } };
    await producer.send({
      topic: TOPICS.RESIDENT_SERVICES_V1,
      messages: [...[...orders.slice(0, 4), orders[1]!, notUnderContract].map(record), faulty, ...[orders[1]!, orders[4]!].map(record)],
    });
    await producer.disconnect();

    const performance = await eventually(
      async () => {
        const res = await stack.query<{ serviceContract: { performance: Performance } }>(PERFORMANCE, { id: contractId });
        const p = res.data?.serviceContract.performance;
        return p && p.ordersCompleted >= 5 ? p : undefined;
      },
      60_000,
      'the closed orders to be counted',
    );
    expect(performance).toEqual({
      ordersCompleted: 5,
      ordersOnTime: 4,
      onTimeRate: 0.8,
      averageSatisfaction: 4.2,
      meetsTargets: false,
      lastClosedAt: '2026-12-06T10:00:00.000Z',
    });
  });
});
