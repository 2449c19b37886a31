import type { Kafka, Producer, TopicMessages } from 'kafkajs';
import type { Model } from 'mongoose';
import type { Logger } from '../logger';
import { collectionWriteKey, serially } from '../serial-writes';
import { CLOUDEVENTS_CONTENT_TYPE } from './envelope';
import { PRODUCER_DEFAULTS } from './kafka';
import { OUTBOX_FIELD, outboxSignal, type OutboxEntry, type OutboxWrite } from './outbox';

export interface OutboxRelayOptions {
  kafka: Kafka;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  models: Model<any>[];
  logger: Logger;
  /** How often the whole of every outbox collection is swept, besides the writes the relay hears of. */
  pollMs: number;
  batchSize?: number;
}

type OutboxDoc = { _id: unknown; [OUTBOX_FIELD]: OutboxEntry[] };
const PENDING = { [`${OUTBOX_FIELD}.0`]: { $exists: true } };

/**
 * Publishes what waits in the outboxes of the given models, then clears it. Delivery is at
 * least once: a crash between send and clear re-sends, and consumers dedupe by event id.
 * While Kafka is down it backs off and keeps the events.
 *
 * Two ways to find pending events. Each write in this process names the documents it wrote
 * (see outboxPlugin); the relay wakes and reads exactly those, by `_id`. And a sweep reads
 * every outbox collection for pending entries: at start (what a crash left behind), every
 * `pollMs`, after Kafka comes back, and whenever a write could not name its documents — so
 * nothing is forgotten, including another replica's leftovers. Sweeping only then matters
 * on FerretDB, where a query on anything but `_id` decodes the whole collection.
 */
export class OutboxRelay {
  private producer: Producer | null = null;
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wake: (() => void) | null = null;
  private failures = 0;
  /** Documents named by writes, per collection, not yet read: String(_id) → _id. */
  private readonly hinted = new Map<string, Map<string, unknown>>();
  private sweepDue = true;
  private lastSweep = 0;
  published = 0;

  constructor(private readonly opts: OutboxRelayOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    outboxSignal.on('written', this.onSignal);
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    outboxSignal.off('written', this.onSignal);
    this.wake?.();
    await this.loopDone;
    await this.disconnect();
  }

  /** A failing broker is not hammered on every write: while failing, only the backoff retries. */
  private readonly onSignal = (write?: OutboxWrite): void => {
    const model = write && this.opts.models.find((m) => m.collection.collectionName === write.collection);
    if (write && !model) return; // another relay's collection
    if (!write?.ids) this.sweepDue = true;
    else {
      const ids = this.hinted.get(write.collection) ?? new Map<string, unknown>();
      for (const id of write.ids) ids.set(String(id), id);
      this.hinted.set(write.collection, ids);
    }
    if (this.failures === 0) this.wake?.();
  };

  private hasHints(): boolean {
    for (const ids of this.hinted.values()) if (ids.size > 0) return true;
    return false;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let sent = 0;
      try {
        sent = await this.drainOnce();
        if (this.failures > 0) this.opts.logger.info({ afterFailures: this.failures }, 'outbox relay reached Kafka again');
        this.failures = 0;
      } catch (err) {
        this.failures += 1;
        this.opts.logger.warn({ err: (err as Error).message, failures: this.failures }, 'outbox relay could not publish; events stay in the outbox');
        await this.disconnect();
      }
      if (this.failures === 0 && (sent > 0 || this.sweepDue || this.hasHints())) continue;
      const untilSweep = Math.max(0, this.lastSweep + this.opts.pollMs - Date.now());
      const delay = this.failures > 0 ? Math.min(10_000, 250 * 2 ** Math.min(this.failures, 6)) : untilSweep;
      if (this.running) await this.sleep(delay);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wake = finish;
    });
  }

  private async connected(): Promise<Producer> {
    if (this.producer) return this.producer;
    const producer = this.opts.kafka.producer({ ...PRODUCER_DEFAULTS, idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    this.producer = producer;
    return producer;
  }

  private async disconnect(): Promise<void> {
    const producer = this.producer;
    this.producer = null;
    await producer?.disconnect().catch(() => undefined);
  }

  /**
   * Publishes one round of pending events: the documents writes named, or — when a sweep is
   * due — whatever any outbox holds. Returns how many events went out.
   */
  async drainOnce(): Promise<number> {
    const sweep = this.sweepDue || Date.now() - this.lastSweep >= this.opts.pollMs;
    const limit = this.opts.batchSize ?? 100;
    let sent = 0;
    let more = false;
    for (const model of this.opts.models) {
      const collection = model.collection.collectionName;
      let docs: OutboxDoc[];
      // The hints this round answers for, taken before reading: a write that lands meanwhile keeps its own.
      const named = [...(this.hinted.get(collection)?.entries() ?? [])].slice(0, limit);
      const known = sweep ? [...(this.hinted.get(collection)?.keys() ?? [])] : named.map(([key]) => key);
      if (sweep) {
        docs = await model.find(PENDING).select({ [OUTBOX_FIELD]: 1 }).limit(limit).lean<OutboxDoc[]>();
        if (docs.length === limit) more = true;
      } else {
        docs = [];
        for (const [, id] of named) {
          const doc = await model.findOne({ _id: id, ...PENDING }).select({ [OUTBOX_FIELD]: 1 }).lean<OutboxDoc>();
          if (doc) docs.push(doc);
        }
      }
      if (docs.length > 0) {
        await this.publish(docs);
        for (const doc of docs) {
          // $pullAll of the exact stored entries, through the raw collection so nothing is
          // re-cast: FerretDB ignores $pull with a condition, and entries appended since the
          // read stay in place.
          await serially(collectionWriteKey(collection), () =>
            model.collection.updateOne({ _id: doc._id } as never, { $pullAll: { [OUTBOX_FIELD]: doc[OUTBOX_FIELD] } } as never),
          );
          sent += doc[OUTBOX_FIELD].length;
        }
      }
      // Only once published: after a failure the named documents are read again.
      const hints = this.hinted.get(collection);
      if (hints && (!sweep || !more)) for (const key of known) hints.delete(key);
    }
    if (sweep) {
      this.sweepDue = more;
      this.lastSweep = Date.now();
    }
    this.published += sent;
    return sent;
  }

  private async publish(docs: OutboxDoc[]): Promise<void> {
    const producer = await this.connected();
    const byTopic = new Map<string, TopicMessages>();
    for (const doc of docs) {
      for (const entry of doc[OUTBOX_FIELD]) {
        const batch = byTopic.get(entry.topic) ?? { topic: entry.topic, messages: [] };
        batch.messages.push({
          key: entry.key,
          value: entry.payload,
          headers: {
            'content-type': CLOUDEVENTS_CONTENT_TYPE,
            ...(entry.traceparent ? { traceparent: entry.traceparent } : {}),
          },
        });
        byTopic.set(entry.topic, batch);
      }
    }
    await producer.sendBatch({ topicMessages: [...byTopic.values()], acks: -1 });
  }

  /** Events still waiting, for readiness reports and tests. */
  async pending(): Promise<number> {
    let count = 0;
    for (const model of this.opts.models) {
      const docs = await model
        .find(PENDING)
        .select({ [OUTBOX_FIELD]: 1 })
        .lean<{ [OUTBOX_FIELD]: OutboxEntry[] }[]>();
      count += docs.reduce((n, d) => n + d[OUTBOX_FIELD].length, 0);
    }
    return count;
  }
}
