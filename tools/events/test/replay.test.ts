import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { kafkaAuthFromEnv } from '@sanshe/service-kit';
import { brokers, eventsTool } from './cli';

const kafka = new Kafka({ clientId: 'tools-test-replay', brokers: brokers.split(','), logLevel: logLevel.NOTHING, ...kafkaAuthFromEnv() });
const OLD = Date.parse('2026-01-05T08:00:00Z');
const NEW = Date.parse('2026-06-05T08:00:00Z');

describe('events:replay', () => {
  const run = randomBytes(4).toString('hex');
  const topic = `tools-test.${run}.replay`;
  const group = `tools-test.${run}.partner`;
  let admin: Admin;

  async function committed(): Promise<Record<number, string>> {
    const [offsets] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    return Object.fromEntries(offsets!.partitions.map((p) => [p.partition, p.offset]));
  }

  /** A partner's consumer reads everything and commits, then leaves the group. */
  async function partnerReadsAll() {
    const consumer = kafka.consumer({ groupId: group, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let seen = 0;
    await new Promise<void>((resolve) => {
      void consumer.run({ eachMessage: async () => void (++seen === 6 && resolve()) });
    });
    await consumer.commitOffsets([0, 1].map((partition) => ({ topic, partition, offset: '3' })));
    await consumer.disconnect();
  }

  /** The partner's consumer running again (a member of the group). */
  async function partnerRunning() {
    const consumer = kafka.consumer({ groupId: group, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({ autoCommit: false, eachMessage: async () => undefined });
    await joined;
    return consumer;
  }

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
    const producer = kafka.producer();
    await producer.connect();
    for (const partition of [0, 1]) {
      await producer.send({
        topic,
        messages: [OLD, OLD, NEW].map((ts, i) => ({ partition, key: `k${i}`, value: JSON.stringify({ n: i }), timestamp: String(ts + i) })),
      });
    }
    await producer.disconnect();
    await partnerReadsAll();
  }, 60_000);
  afterAll(async () => {
    await admin.deleteGroups([group]).catch(() => undefined);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('moves an inactive group back to a point in time on every partition', async () => {
    expect(await committed()).toEqual({ 0: '3', 1: '3' });
    const result = await eventsTool('replay', ['--group', group, '--topic', topic, '--to-time', '2026-03-01T00:00:00+08:00']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('partition 0: offset 3 → 2  (1 record(s) to read)');
    expect(await committed()).toEqual({ 0: '2', 1: '2' });
  });

  it('moves it to an offset, and only plans with --dry-run', async () => {
    expect((await eventsTool('replay', ['--group', group, '--topic', topic, '--to-offset', '0', '--partition', '1'])).code).toBe(0);
    expect(await committed()).toEqual({ 0: '2', 1: '0' });
    const dry = await eventsTool('replay', ['--group', group, '--topic', topic, '--to-latest', '--dry-run']);
    expect(dry.stdout).toContain('would move');
    expect(await committed()).toEqual({ 0: '2', 1: '0' });
  });

  it('refuses while the group has running consumers', async () => {
    const before = await committed();
    const consumer = await partnerRunning();
    try {
      const result = await eventsTool('replay', ['--group', group, '--topic', topic, '--to-earliest']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`consumer group ${group} is active`);
      expect(await committed()).toEqual(before);
    } finally {
      await consumer.disconnect();
    }
  });

  it('wants exactly one target', async () => {
    expect(await eventsTool('replay', ['--group', group, '--topic', topic])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('exactly one of'),
    });
    expect(await eventsTool('replay', ['--help'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Usage: npm run events:replay'),
    });
  });
});
