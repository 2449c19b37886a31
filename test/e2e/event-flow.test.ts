import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaAuthFromEnv } from '@sanshe/service-kit';
import { eventually, startStack, subscribeFromRunStart, type Stack } from '@sanshe/test-env';

const CREATE_STREET = `mutation($input: CreateStreetInput!) { createStreet(input: $input) { id } }`;
const CREATE_COMMUNITY = `mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id name } }`;
const CREATE_ACTIVITY = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id status } }`;
const PUBLISH = `mutation($id: ID!) { publishActivity(id: $id) { id status } }`;
const COMMUNITY = `query($id: ID!) { community(id: $id) { name publishedActivityCount activities { title status } } }`;

const kafka = new Kafka({
  clientId: 'e2e-plain-consumer',
  brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  logLevel: logLevel.NOTHING,
  ...kafkaAuthFromEnv(),
});

/** Reads a topic from where this run started with a fresh group until `match` finds a record. */
async function readEvent(
  topic: string,
  match: (event: Record<string, unknown>) => boolean,
): Promise<{ event: Record<string, unknown>; headers: Record<string, string> }> {
  const groupId = `e2e-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await subscribeFromRunStart(kafka, consumer, groupId, topic);
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching event on ${topic}`)), 60_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          const event = JSON.parse(message.value!.toString()) as Record<string, unknown>;
          if (!match(event)) return;
          clearTimeout(timer);
          const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
          resolve({ event, headers });
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
}

describe('an activity published in one subgraph changes another through Kafka', () => {
  let stack: Stack;
  let admin: string;

  beforeAll(async () => {
    stack = await startStack(['registry', 'activities']);
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
  });
  afterAll(() => stack?.stop());

  it('carries the mutation through the outbox, Kafka and the consumer, visible through the gateway', async () => {
    const communityId = `${stack.runId}-wuhan-road`;
    const streetId = `${stack.runId}-street-1`;
    const street = await stack.query(CREATE_STREET, { input: { id: streetId, name: '武汉路街道' } }, admin);
    expect(street.errors).toBeUndefined();
    const created = await stack.query(CREATE_COMMUNITY, { input: { id: communityId, name: '武汉路社区', streetId, urban: true } }, admin);
    expect(created.errors).toBeUndefined();

    // activities learns the community from registry's community.created event.
    const draft = await eventually(
      async () => {
        const res = await stack.query<{ createActivity: { id: string } }>(
          CREATE_ACTIVITY,
          {
            input: {
              title: '社区睦邻学堂',
              category: 'NEIGHBOURHOOD_SCHOOL',
              communityId,
              startsAt: '2026-12-01T09:00:00+08:00',
              endsAt: '2026-12-01T11:00:00+08:00',
              capacity: 30,
            },
          },
          admin,
        );
        return res.data?.createActivity;
      },
      60_000,
      'activities to learn the new community',
    );

    const published = await stack.query<{ publishActivity: { status: string } }>(PUBLISH, { id: draft.id }, admin);
    expect(published.errors).toBeUndefined();
    expect(published.data?.publishActivity.status).toBe('PUBLISHED');

    const { event, headers } = await readEvent('sanshe.activities.v1', (e) => e.subject === draft.id);
    expect(event).toMatchObject({
      specversion: '1.0',
      source: 'activities',
      type: 'cn.sanshe.activities.activity.published.v1',
      subject: draft.id,
      datacontenttype: 'application/json',
      data: { activityId: draft.id, communityId, title: '社区睦邻学堂', capacity: 30 },
    });
    expect(headers['content-type']).toContain('application/cloudevents+json');
    expect(headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);

    const seen = await eventually(
      async () => {
        const res = await stack.query<{ community: { publishedActivityCount: number; activities: { title: string }[] } }>(COMMUNITY, {
          id: communityId,
        });
        return res.data?.community.publishedActivityCount === 1 ? res.data.community : undefined;
      },
      60_000,
      'registry to count the published activity',
    );
    expect(seen).toEqual({ name: '武汉路社区', publishedActivityCount: 1, activities: [{ title: '社区睦邻学堂', status: 'PUBLISHED' }] });
  });
});
