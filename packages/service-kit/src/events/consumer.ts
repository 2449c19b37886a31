import type { EventData, EventType } from '@sanshe/schemas/generated/events';
import type { Consumer, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { Connection, Model } from 'mongoose';
import { isDuplicateKeyError } from '../store-errors';
import type { Logger } from '../logger';
import { parseTraceparent } from '../trace';
import type { EventContracts } from './contracts';
import { parseCloudEvent, type CloudEvent } from '@sanshe/domain-kit';
import { dlqTopicFor, ensureTopics, PRODUCER_DEFAULTS } from './kafka';
import { processedEventsModel, type ProcessedEvent } from './processed-events';

export interface EventMeta {
  topic: string;
  partition: number;
  offset: string;
  traceparent?: string;
  logger: Logger;
}

/**
 * An event of a type the contracts declare, its `data` typed as that contract describes it
 * (schemas/generated/events.d.ts). Over a union of types it is the union of such events, so
 * checking `event.type` narrows `data`.
 */
export type EventOf<T extends EventType> = T extends EventType ? CloudEvent<EventData<T>> & { type: T } : never;

/** Handles events of type `T` (or of any type in the union `T`). */
export type EventHandler<T extends EventType = EventType> = (event: EventOf<T>, meta: EventMeta) => Promise<void>;

/**
 * Handlers by CloudEvents type, each typed by its key: `{ [RESIDENT_MOVED]: (event) => … }`
 * hands the handler a `ResidentMovedV1` as `event.data`. A key that names no contract does not compile.
 */
export type EventHandlers = { readonly [T in EventType]?: EventHandler<T> };

/** A handler as the consumer calls it, with a record not yet known to be of its type. */
export type UncheckedEventHandler = (event: CloudEvent, meta: EventMeta) => Promise<void>;

/**
 * The handler registered for `type`, if any. Call it only with an event whose `data` has been
 * validated against the contract of its `type` (the consumer does so first): that validation
 * is what makes the typed handler's view of `data` true.
 */
export function handlerFor(handlers: EventHandlers, type: string): UncheckedEventHandler | undefined {
  if (!Object.hasOwn(handlers, type)) return undefined;
  return handlers[type as EventType] as UncheckedEventHandler | undefined;
}

export interface EventConsumerOptions {
  kafka: Kafka;
  connection: Connection;
  groupId: string;
  topics: string[];
  /** Handlers by CloudEvents type; records of other types are acknowledged and skipped. */
  handlers: EventHandlers;
  contracts: EventContracts;
  logger: Logger;
  maxAttempts: number;
  /** First retry delay; doubles with each attempt. */
  retryBaseMs?: number;
  /**
   * Where a group with no committed offsets starts: 'earliest' catches up on everything the
   * topics retain (a new service in production); 'end' pins it to the topics' ends as they
   * are when the consumer starts, so it sees exactly what is written from then on (test
   * stacks on a broker that has seen many runs).
   */
  startAt?: 'earliest' | 'end';
}

function header(message: KafkaMessage, name: string): string | undefined {
  const value = message.headers?.[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value[0]?.toString() : value.toString();
}

/**
 * An idempotent consumer: each event id is handled once per consumer group (a unique
 * `_id` in `processed_events`); failures are retried with backoff, and after
 * `maxAttempts` — or at once for a record that breaks its contract — the record goes
 * to the group's dead-letter topic with the reason, and the partition moves on.
 *
 * Handlers still write their effect so that it is idempotent by event id (an insert
 * keyed by it, or a conditional update), which closes the window between the effect
 * and the processed marker after a crash.
 */
export class EventConsumer {
  private consumer: Consumer | null = null;
  private dlqProducer: Producer | null = null;
  private readonly processed: Model<ProcessedEvent>;
  readonly dlqTopic: string;

  constructor(private readonly opts: EventConsumerOptions) {
    this.processed = processedEventsModel(opts.connection);
    this.dlqTopic = dlqTopicFor(opts.groupId);
  }

  /**
   * Commits the topics' current end offsets for every partition this group has no offset on
   * yet (only with `startAt: 'end'`). Done before the group is joined, through the admin
   * API, so there is no window between joining and the first fetch in which a record
   * written meanwhile would be skipped: once this returns, every later record is seen.
   */
  async position(): Promise<void> {
    const { kafka, groupId, topics } = this.opts;
    if (this.opts.startAt !== 'end') return;
    await ensureTopics(kafka, [...topics, this.dlqTopic]);
    const admin = kafka.admin();
    await admin.connect();
    try {
      const committed = await admin.fetchOffsets({ groupId, topics });
      for (const { topic, partitions } of committed) {
        const open = new Set(partitions.filter((p) => p.offset === '-1').map((p) => p.partition));
        if (open.size === 0) continue;
        const ends = await admin.fetchTopicOffsets(topic);
        const pinned = ends.filter((e) => open.has(e.partition)).map((e) => ({ partition: e.partition, offset: e.high }));
        if (pinned.length > 0) await admin.setOffsets({ groupId, topic, partitions: pinned });
      }
    } finally {
      await admin.disconnect();
    }
  }

  async start(): Promise<void> {
    const { kafka, groupId, topics } = this.opts;
    await ensureTopics(kafka, [...topics, this.dlqTopic]);
    await this.position();
    this.dlqProducer = kafka.producer({ ...PRODUCER_DEFAULTS, idempotent: true, maxInFlightRequests: 1 });
    await this.dlqProducer.connect();
    this.consumer = kafka.consumer({
      groupId,
      sessionTimeout: 15_000,
      heartbeatInterval: 1_000,
      retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 5_000 },
    });
    await this.consumer.connect();
    // Offsets a group committed (or `position` pinned) win; this applies only to a new group.
    await this.consumer.subscribe({ topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        await this.handleRecord(topic, partition, message);
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
    await this.dlqProducer?.disconnect().catch(() => undefined);
    this.consumer = null;
    this.dlqProducer = null;
  }

  private async handleRecord(topic: string, partition: number, message: KafkaMessage): Promise<void> {
    const traceparent = header(message, 'traceparent');
    const trace = parseTraceparent(traceparent);
    const logger = this.opts.logger.child({ topic, partition, offset: message.offset, ...(trace ? { traceId: trace.traceId } : {}) });
    const parsed = parseCloudEvent(message.value);
    if ('error' in parsed) return this.deadLetter(topic, partition, message, parsed.error, logger);
    const event = parsed.event;
    const handler = handlerFor(this.opts.handlers, event.type);
    if (!handler) return;
    // Validated here, before any handler sees the event: handlers are typed by this contract.
    const broken = this.opts.contracts.check(event.type, event.data);
    if (broken)
      return this.deadLetter(topic, partition, message, `event ${event.id} (${event.type}) breaks its contract: ${broken}`, logger);

    const markerId = `${this.opts.groupId}:${event.id}`;
    if (await this.processed.exists({ _id: markerId })) {
      logger.debug({ eventId: event.id }, 'event already processed; skipped');
      return;
    }
    const meta: EventMeta = { topic, partition, offset: message.offset, ...(traceparent ? { traceparent } : {}), logger };
    const base = this.opts.retryBaseMs ?? 200;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await handler(event, meta);
        break;
      } catch (err) {
        if (attempt >= this.opts.maxAttempts) {
          return this.deadLetter(topic, partition, message, `handler failed ${attempt} times: ${(err as Error).message}`, logger);
        }
        logger.warn({ eventId: event.id, attempt, err: (err as Error).message }, 'event handler failed; retrying');
        await new Promise((r) => setTimeout(r, base * 2 ** (attempt - 1)));
      }
    }
    try {
      await this.processed.create({
        _id: markerId,
        group: this.opts.groupId,
        eventId: event.id,
        type: event.type,
        processedAt: new Date(),
      });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    logger.info({ eventId: event.id, type: event.type }, 'event processed');
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, reason: string, logger: Logger): Promise<void> {
    logger.error({ reason }, 'record sent to the dead-letter topic');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(message.headers ?? {})) {
      if (v !== undefined) headers[k] = Array.isArray(v) ? String(v[0]) : v.toString();
    }
    await this.dlqProducer!.send({
      topic: this.dlqTopic,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...headers,
            'x-dlq-reason': reason,
            'x-original-topic': topic,
            'x-original-partition': String(partition),
            'x-original-offset': message.offset,
            'x-consumer-group': this.opts.groupId,
          },
        },
      ],
    });
  }
}
