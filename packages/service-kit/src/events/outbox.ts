import { EventEmitter } from 'node:events';
import type { EventType } from '@sanshe/schemas/generated/events';
import { Schema } from 'mongoose';
import { childTraceparent } from '../trace';
import { newCloudEvent, type OutboxEntry } from '@sanshe/domain-kit';
import type { EventContracts } from './contracts';

/**
 * The transactional outbox without transactions: events wait INSIDE the document whose
 * change caused them, written by the same single-document atomic operation. The relay
 * publishes them and then pulls them out. The payload is stored as a JSON string so no
 * key with `.` or `$` and no nested array ever reaches the store.
 */

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

/**
 * Wakes the relay as soon as something was written with events. Payload: the collection name
 * and, when the write names its documents (`_id` in the filter, a saved or inserted document),
 * their ids; without ids the relay reads the collection's pending entries by the index.
 */
export const outboxSignal = new EventEmitter();
outboxSignal.setMaxListeners(50);

/**
 * The filter for documents with events waiting, served by the index the plugin declares
 * (`_outbox.createdAt`, sparse: documents whose outbox was never used are not in it). Every
 * entry has a `createdAt`, so a document matches exactly while its outbox is not empty.
 */
export const OUTBOX_PENDING = { [`${OUTBOX_FIELD}.createdAt`]: { $gte: new Date(0) } };

type Named = { collection?: { collectionName: string } };

/** A filter's `_id` when it names one document (a plain value, not an operator). */
function namedId(filter: Record<string, unknown> | undefined): unknown[] | undefined {
  const id = filter?._id;
  if (id === undefined || id === null) return undefined;
  if (typeof id === 'object' && !Array.isArray(id) && Object.keys(id).some((k) => k.startsWith('$'))) {
    const $in = (id as { $in?: unknown }).$in;
    return Object.keys(id).length === 1 && Array.isArray($in) ? $in : undefined;
  }
  return [id];
}

/**
 * Adds the outbox field to a schema and its pending-events index, and wakes the relay after
 * writes that may carry events, naming the collection (and the documents, when the write names
 * them) so it drains only those.
 */
export function outboxPlugin(schema: Schema): void {
  schema.add({ [OUTBOX_FIELD]: { type: [outboxEntrySchema], default: undefined } });
  schema.index({ [`${OUTBOX_FIELD}.createdAt`]: 1 }, { sparse: true });
  const signal = (collection: string | undefined, ids?: unknown[]) => {
    if (collection) outboxSignal.emit('written', collection, ids);
  };
  schema.post('save', function (this: { constructor: Named; _id?: unknown }) {
    signal(this.constructor.collection?.collectionName, this._id === undefined ? undefined : [this._id]);
  });
  schema.post('insertMany', function (this: Named, docs: unknown) {
    const ids = Array.isArray(docs) ? (docs as Array<{ _id?: unknown }>).map((d) => d._id) : [];
    signal(this.collection?.collectionName, ids.length > 0 && ids.every((id) => id !== undefined) ? ids : undefined);
  });
  schema.post('bulkWrite', function (this: Named) {
    signal(this.collection?.collectionName);
  });
  for (const op of ['findOneAndUpdate', 'updateOne', 'updateMany'] as const) {
    schema.post(op, function (this: { model: { collection: { collectionName: string } }; getFilter(): Record<string, unknown> }) {
      signal(this.model.collection.collectionName, op === 'updateMany' ? undefined : namedId(this.getFilter()));
    });
  }
}

/** Builds outbox entries for one service (its CloudEvents `source`), validated against the contracts. */
export class EventFactory {
  constructor(
    private readonly source: string,
    private readonly contracts: EventContracts,
  ) {}

  /**
   * An invalid event is refused here, so it never enters the outbox nor Kafka. `type` must be
   * one the contracts declare (schemas/generated); `data` is checked against its contract here,
   * at runtime. A producer that can state its data's type passes `EventData<T>` (activities does).
   */
  create(type: EventType, subject: string, data: Record<string, unknown>, traceparent?: string): OutboxEntry {
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
