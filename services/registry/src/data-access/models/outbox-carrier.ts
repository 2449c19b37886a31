import { outboxPlugin } from '@sanshe/service-kit';
import { Schema } from 'mongoose';

/**
 * A small document whose outbox the relay drains on behalf of a large collection.
 * The relay finds pending events by scanning each outbox collection, and FerretDB
 * scans without indexes: polling 24,000 residents every second would keep the
 * store busy. So a resident's events are written in the resident's own document
 * (`pendingEvents`, same write as the change) and then forwarded here.
 */
export interface OutboxCarrierDoc {
  _id: string;
}

export const outboxCarrierSchema = new Schema<OutboxCarrierDoc>({ _id: { type: String, required: true } }, { collection: 'outbox_carriers', versionKey: false });
outboxCarrierSchema.plugin(outboxPlugin);
