import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { kafkaAuthFromEnv } from '@sanshe/service-kit';
import { brokers, eventsTool, kcatReadAll } from './cli';

const kafka = new Kafka({ clientId: 'tools-test-redrive', brokers: brokers.split(','), logLevel: logLevel.NOTHING, ...kafkaAuthFromEnv() });

describe('events:redrive', () => {
  const run = randomBytes(4).toString('hex');
  const group = `tools-test.${run}.consumer`;
  const dlq = `sanshe.dlq.${group}`;
  const original = `tools-test.${run}.original`;
  const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
  let admin: Admin;

  function deadLetter(n: number, withOrigin = true) {
    return {
      key: `aggregate-${n}`,
      value: JSON.stringify({
        specversion: '1.0',
        id: `event-${n}`,
        type: 'cn.sanshe.registry.community.created.v1',
        subject: `aggregate-${n}`,
      }),
      headers: {
        'content-type': 'application/cloudevents+json; charset=UTF-8',
        traceparent,
        'x-dlq-reason': 'handler failed 5 times: store unavailable',
        ...(withOrigin ? { 'x-original-topic': original, 'x-original-partition': '0', 'x-original-offset': String(n) } : {}),
        'x-consumer-group': group,
      },
    };
  }

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [
        { topic: dlq, numPartitions: 1 },
        { topic: original, numPartitions: 1 },
      ],
      waitForLeaders: true,
    });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: dlq, messages: [deadLetter(0), deadLetter(1), deadLetter(2, false)] });
    await producer.disconnect();
  });
  afterAll(async () => {
    await admin.deleteGroups([`sanshe.redrive.${group}`]).catch(() => undefined);
    await admin.deleteTopics({ topics: [dlq, original] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('lists what it would redrive with --dry-run, and moves nothing', async () => {
    const dry = await eventsTool('redrive', ['--group', group, '--dry-run', '--max', '2']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      `would redrive ${dlq}/0@0 → ${original}  cn.sanshe.registry.community.created.v1 subject=aggregate-0 id=event-0  (was: handler failed 5 times: store unavailable)`,
    );
    expect(await kcatReadAll(original)).toEqual([]);
  });

  it('re-publishes to the original topic with key, value and headers, minus the dead-letter ones; --max limits a run', async () => {
    expect((await eventsTool('redrive', ['--group', group, '--max', '1'])).code).toBe(0);
    const [record] = await kcatReadAll(original);
    expect(record).toMatchObject({ key: 'aggregate-0', payload: deadLetter(0).value });
    expect(record!.headers).toEqual({ 'content-type': 'application/cloudevents+json; charset=UTF-8', traceparent, 'x-redriven-from': dlq });
  });

  it('stops at a record that names no original topic, having committed what it moved', async () => {
    const result = await eventsTool('redrive', ['--group', group]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('redrove 1 record(s)');
    expect(result.stderr).toContain(`${dlq}/0@2 has no x-original-topic header`);
    expect((await kcatReadAll(original)).map((r) => r.key)).toEqual(['aggregate-0', 'aggregate-1']);

    // As the message says: move the redrive group past it, and the dead-letter topic is done.
    expect((await eventsTool('replay', ['--group', `sanshe.redrive.${group}`, '--topic', dlq, '--to-offset', '3'])).code).toBe(0);
    expect((await eventsTool('redrive', ['--group', group])).stdout).toContain('nothing to redrive');
  });
});
