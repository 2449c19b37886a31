import type { Kafka, Producer, TopicMessages } from 'kafkajs';
import type { Model } from 'mongoose';
import type { Logger } from '../logger';
import { collectionWriteKey, serially } from '../serial-writes';
import { CLOUDEVENTS_CONTENT_TYPE } from './envelope';
import { OUTBOX_FIELD, outboxSignal, type OutboxEntry } from './outbox';

export interface OutboxRelayOptions {
  kafka: Kafka;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  models: Model<any>[];
  logger: Logger;
  pollMs: number;
  batchSize?: number;
}

/**
 * Publishes what waits in the outboxes of the given models, then clears it. Wakes on
 * every write with events and also polls, so nothing is forgotten after a crash.
 * Delivery is at least once: a crash between send and clear re-sends, and consumers
 * dedupe by event id. While Kafka is down it backs off and keeps the events.
 */
export class OutboxRelay {
  private producer: Producer | null = null;
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wake: (() => void) | null = null;
  private failures = 0;
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
  private readonly onSignal = (): void => {
    if (this.failures === 0) this.wake?.();
  };

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
      if (sent > 0 && this.failures === 0) continue;
      const delay = this.failures > 0 ? Math.min(10_000, 250 * 2 ** Math.min(this.failures, 6)) : this.opts.pollMs;
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
    const producer = this.opts.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    this.producer = producer;
    return producer;
  }

  private async disconnect(): Promise<void> {
    const producer = this.producer;
    this.producer = null;
    await producer?.disconnect().catch(() => undefined);
  }

  /** Publishes one round of pending events from every model; returns how many went out. */
  async drainOnce(): Promise<number> {
    let sent = 0;
    for (const model of this.opts.models) {
      const docs = await model
        .find({ [`${OUTBOX_FIELD}.0`]: { $exists: true } })
        .select({ [OUTBOX_FIELD]: 1 })
        .limit(this.opts.batchSize ?? 100)
        .lean<{ _id: unknown; [OUTBOX_FIELD]: OutboxEntry[] }[]>();
      if (docs.length === 0) continue;
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
      for (const doc of docs) {
        // $pullAll of the exact stored entries, through the raw collection so nothing is
        // re-cast: FerretDB ignores $pull with a condition, and entries appended since the
        // read stay in place.
        await serially(collectionWriteKey(model.collection.collectionName), () =>
          model.collection.updateOne({ _id: doc._id } as never, { $pullAll: { [OUTBOX_FIELD]: doc[OUTBOX_FIELD] } } as never),
        );
        sent += doc[OUTBOX_FIELD].length;
      }
    }
    this.published += sent;
    return sent;
  }

  /** Events still waiting, for readiness reports and tests. */
  async pending(): Promise<number> {
    let count = 0;
    for (const model of this.opts.models) {
      const docs = await model
        .find({ [`${OUTBOX_FIELD}.0`]: { $exists: true } })
        .select({ [OUTBOX_FIELD]: 1 })
        .lean<{ [OUTBOX_FIELD]: OutboxEntry[] }[]>();
      count += docs.reduce((n, d) => n + d[OUTBOX_FIELD].length, 0);
    }
    return count;
  }
}
