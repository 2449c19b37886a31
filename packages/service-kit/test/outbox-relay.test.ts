import { randomBytes, randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { kafkaAuthFromEnv } from '@sanshe/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';
import { ensureTopics } from '../src/events/kafka';
import type { OutboxEntry } from '@sanshe/domain-kit';
import { OUTBOX_FIELD, OUTBOX_PENDING, outboxPlugin, pushEvents } from '../src/events/outbox';
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
      if (e.commandName === 'find' && (e.command as { find?: string }).find === 'things')
        finds.push(e.command.filter as Record<string, unknown>);
    });
    await ensureTopics(kafka, [topic]);
    consumer = kafka.consumer({ groupId: `kit-relay-test-${run}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => void received.push((JSON.parse(message.value!.toString()) as { id: string }).id),
    });
  }, 60_000);

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await connection?.close();
  });

  it('publishes a local write at once by reading the written document by `_id`, long before any sweep', async () => {
    await Things.create({ _id: 'a', n: 0 });
    const relay = startRelay(10 * 60_000); // the sweep at start, then none for ten minutes
    await new Promise((r) => setTimeout(r, 500));
    finds.length = 0;
    const events = [entry('a'), entry('a')];
    await Things.updateOne({ _id: 'a' }, { $inc: { n: 1 }, ...pushEvents(events) });
    expect(
      await arrived(
        events.map((e) => e.id),
        20_000,
      ),
    ).toBe(true);
    // The write named its document, so the relay read exactly it: an `_id` read, no scan.
    expect(finds).toEqual([{ _id: { $in: ['a'] }, ...OUTBOX_PENDING }]);
    expect((await Things.findById('a').lean())?.[OUTBOX_FIELD as keyof Thing]).toEqual([]);
    expect(relay.published).toBe(2);
    expect(await relay.pending()).toBe(0);
  }, 60_000);

  it('reads the pending-events index after a write that names no document', async () => {
    await Things.create([
      { _id: 'm1', n: 0 },
      { _id: 'm2', n: 0 },
    ]);
    startRelay(10 * 60_000);
    await new Promise((r) => setTimeout(r, 500));
    finds.length = 0;
    const events = [entry('m')];
    await Things.updateMany({ n: 0, _id: { $in: ['m1', 'm2'] } }, { $set: { n: 1 }, ...pushEvents(events) });
    expect(await arrived([events[0]!.id], 20_000)).toBe(true);
    expect(finds.length).toBeGreaterThan(0);
    expect(finds.every((f) => JSON.stringify(f) === JSON.stringify(OUTBOX_PENDING))).toBe(true);
  }, 60_000);

  it('declares the index that serves the pending-events query', async () => {
    await Things.createIndexes();
    const indexes = await Things.collection.indexes();
    expect(indexes.some((i) => Object.keys(i.key).join() === `${OUTBOX_FIELD}.createdAt` && i.sparse === true)).toBe(true);
  });

  it('takes out only the entries it published, leaving events appended since its read', async () => {
    const published = entry('d');
    const later = entry('d');
    await Things.collection.insertOne({ _id: 'd', n: 0, [OUTBOX_FIELD]: [published, later] } as never);
    // What the relay does after publishing `published` alone.
    await Things.collection.updateOne({ _id: 'd' } as never, { $pull: { [OUTBOX_FIELD]: { id: { $in: [published.id] } } } } as never);
    const left = (await Things.findById('d').lean()) as unknown as Record<string, OutboxEntry[]>;
    expect(left[OUTBOX_FIELD].map((e) => e.id)).toEqual([later.id]);
    startRelay(10 * 60_000);
    expect(await arrived([later.id], 20_000)).toBe(true);
    expect(received).not.toContain(published.id);
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
