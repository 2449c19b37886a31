import { DirectoryRepository } from '@sanshe/resident-services/data-access/directory-repository';
import { createModels } from '@sanshe/resident-services/data-access/models';
import { OrderRepository } from '@sanshe/resident-services/data-access/order-repository';
import { StatisticsRepository } from '@sanshe/resident-services/data-access/statistics-repository';
import { residentServicesConsumers } from '@sanshe/resident-services/entry-points/kafka/handlers';
import { createLogger, handlerFor, newCloudEvent, type ConsumerSpec, type EventMeta } from '@sanshe/service-kit';
import { CommunityDirectory } from '@sanshe/community-directory';
import { startStack, type Stack } from '@sanshe/test-env';
import { closeKafka, contracts, contractSigned, districtOf, EVENT, ok } from './support';

const SUBMIT = `mutation($input: SubmitServiceOrderInput!) { submitServiceOrder(input: $input) { id community { id } } }`;
const ACCEPT = `mutation($id: ID!) { acceptServiceOrder(id: $id) { id } }`;
const DISPATCH = `mutation($input: DispatchServiceOrderInput!) { dispatchServiceOrder(input: $input) { provider { id } contractId } }`;

/**
 * resident-services learns communities and residents from registry's events and the
 * purchased-service contracts from social-orgs'. Here its consumer handlers take the events
 * the way the kit's consumer hands them over — validated, each delivered twice — against
 * the service's real store; what they learn is then used through the gateway. (Kafka
 * delivery itself is the kit's, proven in test/e2e; a fresh group would first replay the
 * shared topics from the beginning, which takes minutes on a busy broker.)
 */
describe('what resident-services learns from other contexts', () => {
  let stack: Stack;
  let consumers: ConsumerSpec[];
  const meta: EventMeta = { topic: 'test', partition: 0, offset: '0', logger: createLogger('test', 'silent') };

  beforeAll(async () => {
    stack = await startStack(['resident-services']);
    const connection = stack.services['resident-services']!.connection;
    const models = createModels(connection);
    const communities = new CommunityDirectory(connection);
    const directory = new DirectoryRepository(models, communities);
    consumers = residentServicesConsumers({
      communities,
      readModels: directory,
      projections: { orders: new OrderRepository(models), statistics: new StatisticsRepository(models), load: directory },
    });
  });
  afterAll(async () => {
    await closeKafka();
    await stack?.stop();
  });

  /** Delivers an event twice to the handler the service registered for its type. */
  async function deliver(type: string, subject: string, data: Record<string, unknown>, source: string): Promise<void> {
    // The consumer validates before it calls a handler; so does this test.
    expect(contracts.check(type, data)).toBeNull();
    const spec = consumers.find((c) => handlerFor(c.handlers, type))!;
    expect(spec.topics).toContain(contracts.topicFor(type));
    const event = newCloudEvent({ source, type, subject, data });
    const handler = handlerFor(spec.handlers, type)!;
    await handler(event, meta);
    await handler(event, meta);
  }

  it('takes orders for residents registry announced, and dispatches them under the contracts social-orgs signed until one ends', async () => {
    const district = districtOf(stack, { itemCodes: ['C07-02'], providers: 1, residents: 1 });
    const residentId = district.residentIds[0]!;
    const resident = await stack.token({ roles: ['RESIDENT'], residentId });
    const staff = await stack.token({ roles: ['STREET_STAFF'], streetIds: [district.streetId] });
    const input = {
      itemCode: 'C07-02',
      channel: 'APP',
      contactPhone: '13600003333',
      answers: [
        { code: 'location', value: 'BATHROOM' },
        { code: 'problem', value: '下水道堵塞' },
      ],
    };

    const unknown = await stack.query(SUBMIT, { input }, resident);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'Resident' });

    await deliver(
      EVENT.communityCreated,
      district.communityId,
      { communityId: district.communityId, name: '南口社区', streetId: district.streetId, urban: true },
      'registry',
    );
    await deliver(
      EVENT.residentRegistered,
      residentId,
      { residentId, communityId: district.communityId, streetId: district.streetId, volunteer: false },
      'registry',
    );
    await deliver(EVENT.contractSigned, district.contractIds[0]!, contractSigned(district, 0, ['C07-02']), 'social-orgs');

    const order = (await ok<{ submitServiceOrder: { id: string; community: { id: string } } }>(stack, SUBMIT, { input }, resident))
      .submitServiceOrder;
    expect(order.community.id).toBe(district.communityId);
    // Street staff act for the community because its street came with registry's event.
    await ok(stack, ACCEPT, { id: order.id }, staff);
    const dispatched = await ok<{ dispatchServiceOrder: { provider: { id: string }; contractId: string } }>(
      stack,
      DISPATCH,
      { input: { id: order.id } },
      staff,
    );
    expect(dispatched.dispatchServiceOrder).toEqual({ provider: { id: district.providerOrgIds[0] }, contractId: district.contractIds[0] });

    await deliver(
      EVENT.contractEnded,
      district.contractIds[0]!,
      { contractId: district.contractIds[0]!, providerOrgId: district.providerOrgIds[0]!, endedOn: '2026-01-02', reason: '项目终止' },
      'social-orgs',
    );
    const second = (await ok<{ submitServiceOrder: { id: string } }>(stack, SUBMIT, { input }, resident)).submitServiceOrder;
    await ok(stack, ACCEPT, { id: second.id }, staff);
    const refused = await stack.query(DISPATCH, { input: { id: second.id } }, staff);
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toContain('handleInCommunity');
  });

  it('follows a resident who moves to another community', async () => {
    const from = districtOf(stack, { itemCodes: [], providers: 0, residents: 1, tag: 'from' });
    const to = districtOf(stack, { itemCodes: [], providers: 0, residents: 0, tag: 'to' });
    const residentId = from.residentIds[0]!;
    await deliver(
      EVENT.residentRegistered,
      residentId,
      { residentId, communityId: from.communityId, streetId: from.streetId, volunteer: true },
      'registry',
    );
    await deliver(
      'cn.sanshe.registry.resident.moved.v1',
      residentId,
      { residentId, fromCommunityId: from.communityId, toCommunityId: to.communityId, streetId: to.streetId },
      'registry',
    );
    const resident = await stack.token({ roles: ['RESIDENT'], residentId });
    const input = {
      itemCode: 'C01-01',
      channel: 'WEB',
      contactPhone: '13600004444',
      answers: [
        { code: 'question', value: '搬家后社保怎么转？' },
        { code: 'replyBy', value: 'SMS' },
      ],
    };
    const order = (await ok<{ submitServiceOrder: { community: { id: string } } }>(stack, SUBMIT, { input }, resident)).submitServiceOrder;
    expect(order.community.id).toBe(to.communityId);
  });
});
