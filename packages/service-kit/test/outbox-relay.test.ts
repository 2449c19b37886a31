import { randomBytes, randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { kafkaAuthFromEnv } from '@sanshe/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';
import { ensureTopics } from '../src/events/kafka';
import { OUTBOX_FIELD, outboxPlugin, pushEvents, type OutboxEntry } from '../src/events/outbox';
import { OutboxRelay } from '../src/events/relay';
import { createLogger } from '../src/logger';
import { connectMongo } from '../src/mongo';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const kafka = new Kafka({ clientId: 'kit-relay-test', brokers, logLevel: logLevel.NOTHING, ...kafkaAuthFromEnv() });
const logger = createLogger('kit-relay-test', 'silent');

interface Thing {
  _id: string;
  n: number;
}

/** A relay against the real broker and store: what it publishes, and how it found it. */
describe('the outbox relay', () => {
  const run = randomBytes(4).toString('hex');
  const topic = `sanshe.test.relay-${run}.v1`;
  let connection: Connection;
  let Things: Model<Thing>;
  let consumer: Consumer;
  const received: string[] = [];
  let finds: Record<string, unknown>[];
  const relays: OutboxRelay[] = [];

  const entry = (key: string): OutboxEntry => {
    const id = randomUUID();
    return { id, type: 'cn.sanshe.test.thing.changed.v1', topic, key, payload: JSON.stringify({ id, key }), createdAt: new Date() };
  };
  const arrived = async (ids: string[], timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (ids.every((id) => received.includes(id))) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  };
  const startRelay = (pollMs: number) => {
    const relay = new OutboxRelay({ kafka, models: [Things], logger, pollMs });
    relays.push(relay);
    relay.start();
    return relay;
  };

  beforeAll(async () => {
    const url = (process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017').replace(/\/?$/, '/');
    connection = await connectMongo(`${url}?monitorCommands=true`, `kit_relay_${run}`);
    const schema = new Schema<Thing>({ _id: String, n: Number }, { collection: 'things', versionKey: false });
    schema.plugin(outboxPlugin);
    Things = connection.model<Thing>('Thing', schema);
    finds = [];
    connection.getClient().on('commandStarted', (e) => {
      if (e.commandName === 'find' && (e.command as { find?: string }).find === 'things') finds.push(e.command.filter as Record<string, unknown>);
    });
    await ensureTopics(kafka, [topic]);
    consumer = kafka.consumer({ groupId: `kit-relay-test-${run}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void received.push((JSON.parse(message.value!.toString()) as { id: string }).id) });
  }, 60_000);

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await connection?.close();
  });

  it('publishes what a write named by reading that document by _id, with no sweep in between', async () => {
    await Things.create({ _id: 'a', n: 0 });
    const relay = startRelay(10 * 60_000); // the sweep at start, then none for ten minutes
    await new Promise((r) => setTimeout(r, 500));
    finds.length = 0;
    const events = [entry('a'), entry('a')];
    await Things.updateOne({ _id: 'a' }, { $inc: { n: 1 }, ...pushEvents(events) });
    expect(await arrived(events.map((e) => e.id), 20_000)).toBe(true);
    // Every read named its document; none swept the collection.
    expect(finds.length).toBeGreaterThan(0);
    expect(finds.every((f) => f._id === 'a')).toBe(true);
    expect((await Things.findById('a').lean())?.[OUTBOX_FIELD as keyof Thing]).toEqual([]);
    expect(relay.published).toBe(2);
  }, 60_000);

  it('publishes at start what a crash left in an outbox, and sweeps up writes it never heard of', async () => {
    // Written before the relay runs: found by the sweep at start.
    const leftover = entry('b');
    await Things.collection.insertOne({ _id: 'b', n: 0, [OUTBOX_FIELD]: [leftover] } as never);
    startRelay(300);
    expect(await arrived([leftover.id], 20_000)).toBe(true);
    // Written behind mongoose's back (no signal): the next periodic sweep finds it.
    const unheard = entry('c');
    await Things.collection.insertOne({ _id: 'c', n: 0, [OUTBOX_FIELD]: [unheard] } as never);
    expect(await arrived([unheard.id], 20_000)).toBe(true);
  }, 60_000);
});
