import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import { EventConsumer, type EventHandlers } from '../src/events/consumer';
import { EventContracts } from '../src/events/contracts';
import { newCloudEvent, type CloudEvent } from '@sanshe/domain-kit';
import { ensureTopics, kafkaAuthFromEnv } from '../src/events/kafka';
import { createLogger } from '../src/logger';
import { connectMongo } from '../src/mongo';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const kafka = new Kafka({ clientId: 'kit-consumer-start-test', brokers, logLevel: logLevel.NOTHING, ...kafkaAuthFromEnv() });
const logger = createLogger('kit-consumer-start-test', 'silent');

/** Where a new consumer group starts, against the real broker: the topic's end, or its beginning. */
describe('a new consumer group', () => {
  const run = randomBytes(4).toString('hex');
  const type = `cn.sanshe.test-${run}.thing.changed.v1`;
  const contracts = new EventContracts({ [type]: { $id: `urn:test:${run}`, 'x-context': `test-${run}`, type: 'object' } as never });
  const topic = contracts.topicFor(type);
  let connection: Connection;
  let producer: Producer;
  const consumers: EventConsumer[] = [];

  const send = async (subject: string) => {
    const event = newCloudEvent({ source: 'test', type, subject, data: {} });
    await producer.send({ topic, acks: -1, messages: [{ key: subject, value: JSON.stringify(event) }] });
  };
  const consumer = (startAt: 'earliest' | 'end', seen: string[]) => {
    const c = new EventConsumer({
      kafka,
      connection,
      contracts,
      logger,
      maxAttempts: 1,
      groupId: `kit-start-${startAt}-${run}`,
      topics: [topic],
      startAt,
      // A type of this run's own, which no contract declares: the typed handler map does not know it.
      handlers: { [type]: async (event: CloudEvent) => void seen.push(event.subject!) } as EventHandlers,
    });
    consumers.push(c);
    return c;
  };
  const until = async (check: () => boolean) => {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) if (check()) return;
    throw new Error('timed out');
  };

  beforeAll(async () => {
    const url = (process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017').replace(/\/?$/, '/');
    connection = await connectMongo(url, `kit_start_${run}`);
    await ensureTopics(kafka, [topic]);
    producer = kafka.producer();
    await producer.connect();
    for (let i = 0; i < 6; i += 1) await send(`old-${i}`); // what earlier runs left on the broker
  }, 60_000);

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    await producer?.disconnect();
    await connection?.db?.dropDatabase();
    await connection?.close();
  });

  it('pinned to the end skips what was there, yet sees an event written after positioning and before it joined', async () => {
    const seen: string[] = [];
    const c = consumer('end', seen);
    await c.position();
    await send('new-1'); // the race startStack guards against: written before the group joins
    await c.start();
    await send('new-2');
    await until(() => seen.includes('new-1') && seen.includes('new-2'));
    expect(seen.sort()).toEqual(['new-1', 'new-2']);
  }, 60_000);

  it('from the earliest reads everything the topic retains', async () => {
    const seen: string[] = [];
    await consumer('earliest', seen).start();
    await until(() => seen.length >= 8);
    expect(seen.filter((s) => s.startsWith('old-'))).toHaveLength(6);
  }, 60_000);
});
