import { outboxPlugin } from '@sanshe/service-kit';
import { Schema } from 'mongoose';
import {
  ATTRIBUTE_DATATYPES,
  CHANNELS,
  type AttributeDefinition,
  type KnownResident,
  type KnownSocialWorker,
  type Notice,
  type ServiceCategory,
  type ServiceContract,
  type ServiceItem,
} from '../../domain/model';
import type { StatisticsBucket } from '../../domain/statistics';

export const serviceCategorySchema = new Schema<ServiceCategory>(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    name: { type: String, required: true },
    order: { type: Number, required: true },
  },
  { collection: 'service_categories', versionKey: false },
);

const attributeSchema = new Schema<AttributeDefinition>(
  {
    code: { type: String, required: true },
    description: { type: String, required: true },
    datatype: { type: String, required: true, enum: ATTRIBUTE_DATATYPES },
    required: { type: Boolean, required: true },
    order: { type: Number, required: true },
    values: { type: [new Schema({ key: String, name: String }, { _id: false })], default: [] },
    min: { type: Number, default: null },
    max: { type: Number, default: null },
  },
  { _id: false },
);

export const serviceItemSchema = new Schema<ServiceItem>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    categoryCode: { type: String, required: true },
    description: { type: String, required: true },
    order: { type: Number, required: true },
    attributes: { type: [attributeSchema], default: [] },
    respondWithinHours: { type: Number, required: true },
    resolveWithinDays: { type: Number, required: true },
    channels: { type: [{ type: String, enum: CHANNELS }], default: [] },
    doorToDoor: { type: Boolean, required: true },
  },
  { collection: 'service_items', versionKey: false },
);
serviceItemSchema.index({ categoryCode: 1, order: 1 });

export const knownResidentSchema = new Schema<KnownResident>(
  { _id: { type: String, required: true }, communityId: { type: String, required: true }, streetId: { type: String, required: true } },
  { collection: 'known_residents', versionKey: false },
);

export const knownSocialWorkerSchema = new Schema<KnownSocialWorker>(
  {
    _id: { type: String, required: true },
    organizationId: { type: String, required: true },
    maskedName: { type: String, required: true },
    leftOn: { type: String, default: null },
  },
  { collection: 'known_social_workers', versionKey: false },
);

export const serviceContractSchema = new Schema<ServiceContract>(
  {
    _id: { type: String, required: true },
    providerOrgId: { type: String, required: true },
    itemCodes: { type: [String], default: [] },
    communityIds: { type: [String], default: [] },
    startsOn: { type: String, default: null },
    endsOn: { type: String, default: null },
    endedOn: { type: String, default: null },
  },
  { collection: 'service_contracts', versionKey: false },
);
serviceContractSchema.index({ itemCodes: 1, communityIds: 1 });

/** The orders on a provider's desk, as a set of ids: adding or removing one twice changes nothing. */
export interface ProviderLoad {
  _id: string;
  openOrderIds: string[];
}
export const providerLoadSchema = new Schema<ProviderLoad>(
  { _id: { type: String, required: true }, openOrderIds: { type: [String], default: [] } },
  { collection: 'provider_load', versionKey: false },
);

export const noticeSchema = new Schema<Notice & { sortKey: string }>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    scope: { type: String, required: true },
    streetId: { type: String, default: null },
    communityId: { type: String, default: null },
    title: { type: String, required: true },
    body: { type: String, required: true },
    publishedAt: { type: Date, required: true },
    publishedBy: { type: String, required: true },
    /** publishedAt + id: the keyset the newest-first pages walk. */
    sortKey: { type: String, required: true },
  },
  { collection: 'notices', versionKey: false },
);
noticeSchema.index({ scope: 1, communityId: 1, sortKey: -1 });
noticeSchema.index({ scope: 1, streetId: 1, sortKey: -1 });
noticeSchema.plugin(outboxPlugin);

export const statisticsBucketSchema = new Schema<StatisticsBucket & { applied: string[] }>(
  {
    _id: { type: String, required: true },
    communityId: { type: String, required: true },
    streetId: { type: String, required: true },
    month: { type: String, required: true },
    /** Ids of the events already counted. */
    applied: { type: [String], default: [] },
  },
  // The counters are dotted $inc paths (channel.APP, status.CLOSED …) kept as they come.
  { collection: 'order_statistics', versionKey: false, strict: false },
);
statisticsBucketSchema.index({ streetId: 1, month: 1 });
statisticsBucketSchema.index({ communityId: 1, month: 1 });
