import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaAuthFromEnv } from '@sanshe/service-kit';
import { eventually, startStack, type Stack } from '@sanshe/test-env';

const COUNT = `query($id: ID!) { community(id: $id) { publishedActivityCount } }`;

function publishedEvent(id: string, communityId: string, activityId: string) {
  return {
    specversion: '1.0',
    id,
    source: 'activities',
    type: 'cn.sanshe.activities.activity.published.v1',
    subject: activityId,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data: {
      activityId,
      communityId,
      title: '百姓茶馆',
      category: 'TEAHOUSE',
      startsAt: '2026-12-02T14:00:00.000Z',
      endsAt: '2026-12-02T16:00:00.000Z',
      capacity: 20,
    },
  };
}

describe('the idempotent consumer', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(['registry']);
  });
  afterAll(() => stack?.stop());

  it('applies an event delivered twice only once', async () => {
    const admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    const communityId = `${stack.runId}-tianjiu`;
    await stack.query(
      `mutation($input: CreateStreetInput!) { createStreet(input: $input) { id } }`,
      { input: { id: 's1', name: '湖北路街道' } },
      admin,
    );
    await stack.query(
      `mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
      { input: { id: communityId, name: '天九社区', streetId: 's1', urban: true } },
      admin,
    );

    const kafka = new Kafka({
      clientId: 'e2e-duplicate-producer',
      brokers: process.env.KAFKA_BROKERS!.split(','),
      logLevel: logLevel.NOTHING,
      ...kafkaAuthFromEnv(),
    });
    const producer = kafka.producer();
    await producer.connect();
    const duplicate = publishedEvent(randomUUID(), communityId, `${stack.runId}-a1`);
    const sentinel = publishedEvent(randomUUID(), communityId, `${stack.runId}-a2`);
    // Same key, same partition: the sentinel is handled after both copies.
    const record = (e: object) => ({ key: communityId, value: JSON.stringify(e) });
    await producer.send({ topic: 'sanshe.activities.v1', messages: [record(duplicate), record(duplicate), record(sentinel)] });
    await producer.disconnect();

    const count = await eventually(
      async () => {
        const res = await stack.query<{ community: { publishedActivityCount: number } }>(COUNT, { id: communityId });
        const n = res.data?.community.publishedActivityCount ?? 0;
        return n >= 2 ? n : undefined;
      },
      60_000,
      'the sentinel event to be applied',
    );
    expect(count).toBe(2);
  });
});
