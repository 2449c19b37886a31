import { outboxPlugin } from '@sanshe/service-kit';
import { Schema } from 'mongoose';
import type { Community, CommunityBrand, RegionalCommittee, ServiceHall, Street } from '../../domain/territory';

export interface StreetDoc extends Street {
  createdAt?: Date;
  updatedAt?: Date;
}

/** `statsApplied` holds the last event ids applied to `stats`, so a redelivered event counts once. */
export interface CommunityDoc extends Community {
  statsApplied?: string[];
  createdAt?: Date;
  updatedAt?: Date;
}

/** Reads leave out the dedupe window and the outbox: they are bookkeeping, not the community. */
export const COMMUNITY_READ_PROJECTION = { statsApplied: 0, _outbox: 0 } as const;

const committeeSchema = new Schema<RegionalCommittee>({
  _id: { type: String, required: true },
  name: { type: String, required: true },
});

const hallSchema = new Schema<ServiceHall>(
  {
    name: { type: String, required: true },
    address: { type: String, default: null },
    unifiedDoorPlate: { type: Boolean, required: true },
    unifiedServiceWindow: { type: Boolean, required: true },
    unifiedSignage: { type: Boolean, required: true },
  },
  { _id: false },
);

const brandSchema = new Schema<CommunityBrand>(
  { name: { type: String, required: true }, description: { type: String, required: true } },
  { _id: false },
);

export const streetSchema = new Schema<StreetDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    regionalCommittee: { type: committeeSchema, required: true },
  },
  { collection: 'streets', timestamps: true, versionKey: false },
);
streetSchema.index({ name: 1 }, { unique: true });
streetSchema.index({ 'regionalCommittee._id': 1 }, { unique: true });

export const communitySchema = new Schema<CommunityDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    streetId: { type: String, required: true },
    urban: { type: Boolean, required: true },
    serviceHall: { type: hallSchema, default: null },
    brand: { type: brandSchema, default: null },
    regionalCommittee: { type: committeeSchema, required: true },
    stats: {
      residents: { type: Number, default: 0 },
      publishedActivities: { type: Number, default: 0 },
    },
    statsApplied: { type: [String], default: undefined },
  },
  { collection: 'communities', timestamps: true, versionKey: false },
);
communitySchema.index({ streetId: 1, name: 1 }, { unique: true });
communitySchema.index({ name: 1 });
communitySchema.index({ 'regionalCommittee._id': 1 }, { unique: true });
communitySchema.index({ streetId: 1, urban: 1 });
communitySchema.plugin(outboxPlugin);
