import { Schema } from 'mongoose';
import type { Resident } from '../../domain/residents';

/**
 * Bookkeeping written in the same document write as each change:
 * `pendingEvents` is the resident's outbox (JSON-encoded OutboxEntry), forwarded to the
 * outbox carrier right after (see outbox-carrier.ts); `registerPending` names the
 * community registers to refresh (see community-register.ts); `eventIds` are the ids of
 * every event this record emitted, so consumers can tell this register's events from
 * another's on the same broker.
 */
export type ResidentDoc = Resident & { pendingEvents?: string[]; registerPending?: string[]; eventIds?: string[]; createdAt?: Date; updatedAt?: Date };

/** Reads leave out the bookkeeping. */
export const RESIDENT_READ_PROJECTION = { pendingEvents: 0, registerPending: 0, eventIds: 0 } as const;

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
    pendingEvents: { type: [String], default: undefined },
    registerPending: { type: [String], default: undefined },
    eventIds: { type: [String], default: undefined },
  },
  { collection: 'residents', timestamps: true, versionKey: false },
);
// Lists of a community or street read its registers (community-register.ts), so only the
// district-wide lists query this collection: by each filter of ResidentFilter, paging by _id.
residentSchema.index({ careTags: 1, _id: 1 });
residentSchema.index({ volunteer: 1, _id: 1 });
residentSchema.index({ preferredChannel: 1, _id: 1 });
residentSchema.index({ birthYear: 1, _id: 1 });
