import { EventEmitter } from 'node:events';
import { Schema } from 'mongoose';
import { childTraceparent } from '../trace';
import { newCloudEvent } from './envelope';
import type { EventContracts } from './contracts';

/**
 * The transactional outbox without transactions: events wait INSIDE the document whose
 * change caused them, written by the same single-document atomic operation. The relay
 * publishes them and then pulls them out. The payload is stored as a JSON string so no
 * key with `.` or `$` and no nested array ever reaches the store.
 */
export interface OutboxEntry {
  id: string;
  type: string;
  topic: string;
  key: string;
  payload: string;
  traceparent?: string;
  createdAt: Date;
}

export const OUTBOX_FIELD = '_outbox';

const outboxEntrySchema = new Schema<OutboxEntry>(
  {
    id: { type: String, required: true },
    type: { type: String, required: true },
    topic: { type: String, required: true },
    key: { type: String, required: true },
    payload: { type: String, required: true },
    traceparent: String,
    createdAt: { type: Date, required: true },
  },
  { _id: false },
);

/** Wakes the relay as soon as something was written with events. */
export const outboxSignal = new EventEmitter();
outboxSignal.setMaxListeners(50);

/** Adds the outbox field to a schema and signals the relay after writes that may carry events. */
export function outboxPlugin(schema: Schema): void {
  // Not `select: false`: FerretDB does not implement projections in findAndModify.
  schema.add({ [OUTBOX_FIELD]: { type: [outboxEntrySchema], default: undefined } });
  schema.index({ [`${OUTBOX_FIELD}.createdAt`]: 1 }, { sparse: true });
  const wake = () => outboxSignal.emit('written');
  for (const op of ['save', 'findOneAndUpdate', 'updateOne', 'updateMany', 'insertMany', 'bulkWrite'] as const) {
    schema.post(op as 'save', wake);
  }
}

/** Builds outbox entries for one service (its CloudEvents `source`), validated against the contracts. */
export class EventFactory {
  constructor(
    private readonly source: string,
    private readonly contracts: EventContracts,
  ) {}

  /** An invalid event is refused here, so it never enters the outbox nor Kafka. */
  create(type: string, subject: string, data: Record<string, unknown>, traceparent?: string): OutboxEntry {
    this.contracts.assertValid(type, data);
    const dataschema = this.contracts.dataschemaFor(type);
    const event = newCloudEvent({ source: this.source, type, subject, data, ...(dataschema ? { dataschema } : {}) });
    return {
      id: event.id,
      type,
      topic: this.contracts.topicFor(type),
      key: subject,
      payload: JSON.stringify(event),
      // Work started by a sweep or a consumer has no caller's trace: it starts its own,
      // so every record carries a traceparent.
      traceparent: traceparent ?? childTraceparent(undefined),
      createdAt: new Date(event.time),
    };
  }
}

/** The update fragment that appends events to a document's outbox. */
export function pushEvents(entries: OutboxEntry[]): { $push: { [OUTBOX_FIELD]: { $each: OutboxEntry[] } } } {
  return { $push: { [OUTBOX_FIELD]: { $each: entries } } };
}
