import { outboxPlugin } from '@sanshe/service-kit';
import { Schema } from 'mongoose';
import type { Resident } from '../../domain/residents';

/**
 * Bookkeeping written in the same document write as each change: the outbox (kit), and
 * `eventIds`, the ids of every event this record emitted, so consumers can tell this
 * register's events from another's on the same broker.
 */
export type ResidentDoc = Resident & { eventIds?: string[]; createdAt?: Date; updatedAt?: Date };

/** Reads leave out the bookkeeping. */
export const RESIDENT_READ_PROJECTION = { _outbox: 0, eventIds: 0 } as const;

export const residentSchema = new Schema<ResidentDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    communityId: { type: String, required: true },
    streetId: { type: String, required: true },
    address: { type: String, required: true },
    birthYear: { type: Number, required: true },
    phone: { type: String, required: true },
    careTags: { type: [String], default: [] },
    preferredChannel: { type: String, required: true, enum: ['APP', 'WEB', 'CALL_CENTER', 'DOOR_TO_DOOR'] },
    volunteer: { type: Boolean, default: false },
    eventIds: { type: [String], default: undefined },
  },
  { collection: 'residents', timestamps: true, versionKey: false },
);
residentSchema.plugin(outboxPlugin);
// The lists page by _id: a community's or street's residents, and the district-wide filters of ResidentFilter.
residentSchema.index({ communityId: 1, _id: 1 });
residentSchema.index({ streetId: 1, _id: 1 });
residentSchema.index({ careTags: 1, _id: 1 });
residentSchema.index({ volunteer: 1, _id: 1 });
residentSchema.index({ preferredChannel: 1, _id: 1 });
residentSchema.index({ birthYear: 1, _id: 1 });
