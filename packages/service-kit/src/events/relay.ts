import type { Kafka, Producer, TopicMessages } from 'kafkajs';
import type { Model } from 'mongoose';
import type { Logger } from '../logger';
import { CLOUDEVENTS_CONTENT_TYPE, type OutboxEntry } from '@sanshe/domain-kit';
import { PRODUCER_DEFAULTS } from './kafka';
import { OUTBOX_FIELD, OUTBOX_PENDING, outboxSignal } from './outbox';

export interface OutboxRelayOptions {
  kafka: Kafka;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  models: Model<any>[];
  logger: Logger;
  /** How often every outbox collection is swept, besides the collections local writes name. */
  pollMs: number;
  batchSize?: number;
}

type OutboxDoc = { _id: unknown; [OUTBOX_FIELD]: OutboxEntry[] };

/**
 * Publishes what waits in the outboxes of the given models, then clears it. Delivery is at
 * least once: a crash between send and clear re-sends, and consumers dedupe by event id.
 * While Kafka is down it backs off and keeps the events.
 *
 * Pending events are found by one indexed query per collection (OUTBOX_PENDING). A write
 * in this process wakes the relay at once for its collection, so commit → Kafka stays a
 * few milliseconds; a sweep of every outbox collection at start (what a crash left behind),
 * every `pollMs`, and after a failure is the safety net for writes this process never heard
 * of: another replica's leftovers, a seed, a tool.
 */
export class OutboxRelay {
  private producer: Producer | null = null;
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wake: (() => void) | null = null;
  private failures = 0;
  /**
   * Collections written in this process since they were last drained, with the documents the
   * writes named ('all' when a write did not name them). Draining named documents is an `_id`
   * read; the pending-events index serves the rest. On the embedded store, which uses no
   * non-unique index, that second query is a scan (15–500 ms on 24,000 residents' records):
   * once per write it held up every write to the collection.
   */
  private readonly dirty = new Map<string, Set<unknown> | 'all'>();
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
  private readonly onSignal = (collection?: string, ids?: unknown[]): void => {
    if (!collection) this.sweepDue = true;
    else if (this.opts.models.some((m) => m.collection.collectionName === collection)) this.markDirty(collection, ids);
    else return; // another relay's collection
    if (this.failures === 0) this.wake?.();
  };

  private markDirty(collection: string, ids?: unknown[]): void {
    const seen = this.dirty.get(collection);
    if (seen === 'all') return;
    if (!ids) return void this.dirty.set(collection, 'all');
    const named = seen ?? new Set<unknown>();
    for (const id of ids) named.add(id);
    this.dirty.set(collection, named);
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
        this.sweepDue = true; // what this round had taken off the dirty list is read again
        this.opts.logger.warn(
          { err: (err as Error).message, failures: this.failures },
          'outbox relay could not publish; events stay in the outbox',
        );
        await this.disconnect();
      }
      if (this.failures === 0 && (sent > 0 || this.sweepDue || this.dirty.size > 0)) continue;
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
    const producer = this.opts.kafka.producer({
      ...PRODUCER_DEFAULTS,
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
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
   * Publishes one round of pending events: of the collections written meanwhile, or of every
   * outbox collection when a sweep is due. Returns how many events went out.
   */
  async drainOnce(): Promise<number> {
    const sweep = this.sweepDue || Date.now() - this.lastSweep >= this.opts.pollMs;
    const limit = this.opts.batchSize ?? 100;
    let sent = 0;
    let more = false;
    for (const model of this.opts.models) {
      const collection = model.collection.collectionName;
      const marked = this.dirty.get(collection);
      if (!sweep && !marked) continue;
      // Taken off before reading: a write that lands meanwhile marks the collection again.
      this.dirty.delete(collection);
      let filter: Record<string, unknown> = OUTBOX_PENDING;
      if (!sweep && marked instanceof Set) {
        const ids = [...marked];
        if (ids.length > limit) {
          more = true;
          this.markDirty(collection, ids.slice(limit));
        }
        filter = { _id: { $in: ids.slice(0, limit) }, ...OUTBOX_PENDING };
      }
      const docs = await model
        .find(filter)
        .select({ [OUTBOX_FIELD]: 1 })
        .limit(limit)
        .lean<OutboxDoc[]>();
      if (docs.length === limit && filter === OUTBOX_PENDING) {
        more = true;
        this.markDirty(collection);
      }
      if (docs.length === 0) continue;
      await this.publish(docs);
      for (const doc of docs) {
        // Only the entries published: events appended since the read stay for the next round.
        // Through the raw collection, so the filter is not re-cast against the schema.
        const ids = doc[OUTBOX_FIELD].map((e) => e.id);
        await model.collection.updateOne({ _id: doc._id } as never, { $pull: { [OUTBOX_FIELD]: { id: { $in: ids } } } } as never);
        sent += ids.length;
      }
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
        .find(OUTBOX_PENDING)
        .select({ [OUTBOX_FIELD]: 1 })
        .lean<OutboxDoc[]>();
      count += docs.reduce((n, d) => n + d[OUTBOX_FIELD].length, 0);
    }
    return count;
  }
}
