import { randomBytes, randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaAuthFromEnv } from '@sanshe/service-kit';
import { eventually, startStack, type Stack } from '@sanshe/test-env';
import { brokers, eventsTool } from '../../tools/events/test/cli';

const CREATE_STREET = `mutation($input: CreateStreetInput!) { createStreet(input: $input) { id } }`;
const CREATE_COMMUNITY = `mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const COUNT = `query($id: ID!) { community(id: $id) { publishedActivityCount } }`;
const PUBLISHED = 'cn.sanshe.activities.activity.published.v1';

/** activity.published as the activities outbox relay writes it: structured CloudEvent, keyed by the activity, traced. */
function publishedRecord(communityId: string, activityId: string) {
  const event = {
    specversion: '1.0',
    id: randomUUID(),
    source: 'activities',
    type: PUBLISHED,
    subject: activityId,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    dataschema: 'https://schemas.sanshe.dev/events/activities/activity.published.v1.json',
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
  const traceparent = `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
  return {
    event,
    traceparent,
    message: {
      key: activityId,
      value: JSON.stringify(event),
      headers: { 'content-type': 'application/cloudevents+json; charset=UTF-8', traceparent },
    },
  };
}

interface TailLine {
  offset: string;
  headers: Record<string, string>;
  event: { id: string; type: string } | null;
}

describe('a record the consumer cannot apply goes to its dead-letter topic, and the redrive tool replays it after the fix', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(['registry']);
  });
  afterAll(() => stack?.stop());

  it('dead-letters an activity.published the store refuses, and applies it once the data is repaired and the record redriven', async () => {
    const admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    const streetId = `${stack.runId}-street`;
    const communityId = `${stack.runId}-nanchang-road`;
    expect(
      (await stack.query(CREATE_STREET, { input: { id: streetId, name: `长安路街道-${stack.runId}` } }, admin)).errors,
    ).toBeUndefined();
    expect(
      (await stack.query(CREATE_COMMUNITY, { input: { id: communityId, name: `南昌路社区-${stack.runId}`, streetId, urban: true } }, admin))
        .errors,
    ).toBeUndefined();
    const count = async () =>
      (await stack.query<{ community: { publishedActivityCount: number } }>(COUNT, { id: communityId })).data?.community
        .publishedActivityCount;

    // The registry consumer of activity facts, and its dead-letter topic sanshe.dlq.<group>.
    const consumer = stack.services.registry!.consumers.find((c) => /registry\.activity/.test(c.dlqTopic))!;
    expect(consumer).toBeDefined();
    const group = consumer.dlqTopic.slice('sanshe.dlq.'.length);
    expect(group.startsWith(`${stack.runId}.`)).toBe(true);

    const producer = new Kafka({
      clientId: 'e2e-activities-stand-in',
      brokers: brokers.split(','),
      logLevel: logLevel.NOTHING,
      ...kafkaAuthFromEnv(),
    }).producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      // A healthy delivery first: the counter goes to 1.
      await producer.send({
        topic: 'sanshe.activities.v1',
        acks: -1,
        messages: [publishedRecord(communityId, `${stack.runId}-a1`).message],
      });
      await eventually(async () => (await count()) === 1, 30_000, 'the first activity to be counted');

      // The incident: a hand-made data fix stored the counter as text ("1"), so the store
      // refuses every $inc on it. The next event fails CONSUMER_MAX_ATTEMPTS times.
      const communities = stack.services.registry!.connection.collection('communities');
      expect(
        (await communities.updateOne({ _id: communityId } as never, { $set: { 'stats.publishedActivities': '1' } })).modifiedCount,
      ).toBe(1);
      const second = publishedRecord(communityId, `${stack.runId}-a2`);
      await producer.send({ topic: 'sanshe.activities.v1', acks: -1, messages: [second.message] });

      const deadLetter = await eventually(
        async () => {
          const tail = await eventsTool('tail', ['--topic', consumer.dlqTopic, '--from', 'beginning', '--end', '--json']);
          return tail.stdout
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as TailLine)
            .find((r) => r.event?.id === second.event.id);
        },
        30_000,
        'the record on the dead-letter topic',
      );
      expect(deadLetter.headers).toMatchObject({
        'x-dlq-reason': expect.stringMatching(/^handler failed 3 times: .*non-numeric/),
        'x-original-topic': 'sanshe.activities.v1',
        'x-consumer-group': group,
        traceparent: second.traceparent,
      });
      expect(await count()).not.toBe(2);

      // The fix: repair the data (the counter is a number again), then redrive.
      await communities.updateOne({ _id: communityId } as never, { $set: { 'stats.publishedActivities': 1 } });
      const redrive = await eventsTool('redrive', ['--group', group]);
      expect(redrive).toMatchObject({ code: 0 });
      expect(redrive.stdout).toContain(`→ sanshe.activities.v1  ${PUBLISHED} subject=${stack.runId}-a2 id=${second.event.id}`);

      await eventually(async () => (await count()) === 2, 30_000, 'the redriven activity to be counted');

      // Progress is committed: a second run finds nothing left, and the original record keeps its trace.
      expect((await eventsTool('redrive', ['--group', group])).stdout).toContain('nothing to redrive');
      const redriven = await eventsTool('tail', [
        '--topic',
        'sanshe.activities.v1',
        '--from',
        'beginning',
        '--end',
        '--json',
        '--subject',
        `${stack.runId}-a2`,
      ]);
      const copies = redriven.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as TailLine);
      expect(copies.map((c) => c.headers)).toEqual([
        expect.not.objectContaining({ 'x-redriven-from': expect.anything() }),
        {
          'content-type': 'application/cloudevents+json; charset=UTF-8',
          traceparent: second.traceparent,
          'x-redriven-from': consumer.dlqTopic,
        },
      ]);
    } finally {
      await producer.disconnect();
    }
  });
});
