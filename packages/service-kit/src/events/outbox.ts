import { EventEmitter } from 'node:events';
import { Schema } from 'mongoose';
import { isScalarId } from '../serial-writes';
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

/**
 * What a write tells the relay: the collection, and the `_id`s of the documents it wrote
 * when the write names them (`null`: it does not, so the relay should sweep the collection).
 */
export interface OutboxWrite {
  collection: string;
  ids: unknown[] | null;
}

/** Wakes the relay as soon as something was written with events (payload: OutboxWrite). */
export const outboxSignal = new EventEmitter();
outboxSignal.setMaxListeners(50);

/** The `_id`s a query filter pins down (`_id: x` or `_id: { $in: [...] }`), else null. */
export function idsOfFilter(filter: Record<string, unknown> | undefined): unknown[] | null {
  const id = filter?._id;
  if (isScalarId(id)) return [id];
  const $in = (id as { $in?: unknown } | undefined)?.$in;
  if (Array.isArray($in) && $in.every(isScalarId)) return $in;
  return null;
}

type Signalled = { constructor: { collection?: { collectionName: string } } } & Record<string, unknown>;

/**
 * Adds the outbox field to a schema and signals the relay after writes that may carry
 * events, naming the documents written whenever the write does, so the relay can read them
 * by `_id` — on FerretDB the only look-up that does not decode the whole collection.
 */
export function outboxPlugin(schema: Schema): void {
  // Not `select: false`: FerretDB does not implement projections in findAndModify.
  schema.add({ [OUTBOX_FIELD]: { type: [outboxEntrySchema], default: undefined } });
  schema.index({ [`${OUTBOX_FIELD}.createdAt`]: 1 }, { sparse: true });
  const signal = (collection: string | undefined, ids: unknown[] | null) => {
    if (collection) outboxSignal.emit('written', { collection, ids } satisfies OutboxWrite);
  };
  schema.post('save', function (this: Signalled) {
    signal(this.constructor.collection?.collectionName, [this._id]);
  });
  schema.post('insertMany', function (this: { collection?: { collectionName: string } }, docs: unknown) {
    signal(this.collection?.collectionName, Array.isArray(docs) ? docs.map((d: { _id: unknown }) => d._id) : null);
  });
  for (const op of ['findOneAndUpdate', 'updateOne', 'updateMany'] as const) {
    schema.post(op, function (this: { model: { collection: { collectionName: string } }; getFilter(): Record<string, unknown> }, res: unknown) {
      const found = (res as { _id?: unknown } | null)?._id;
      const upserted = (res as { upsertedId?: unknown } | null)?.upsertedId;
      const ids = op === 'findOneAndUpdate' && isScalarId(found) ? [found] : isScalarId(upserted) ? [upserted] : idsOfFilter(this.getFilter());
      signal(this.model.collection.collectionName, ids);
    });
  }
  schema.post('bulkWrite', function (this: { collection?: { collectionName: string } }) {
    signal(this.collection?.collectionName, null);
  });
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
