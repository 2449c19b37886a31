import { outboxPlugin } from '@sanshe/service-kit';
import { Schema } from 'mongoose';
import type { ProjectMatch, ProjectNeed, ResourceOffer } from '../../domain/co-building';

export type ResourceOfferDoc = ResourceOffer & { createdAt?: Date; updatedAt?: Date };
export type ProjectNeedDoc = ProjectNeed & { createdAt?: Date; updatedAt?: Date };

const CATEGORIES = ['VENUE', 'FUNDING', 'VOLUNTEERS', 'EXPERTISE', 'MATERIALS', 'OTHER'];

const matchSchema = new Schema<ProjectMatch>(
  {
    needId: { type: String, required: true },
    matchedAt: { type: Date, required: true },
    note: { type: String, default: null },
    kindMismatchReason: { type: String, default: null },
  },
  { _id: false },
);

export const resourceOfferSchema = new Schema<ResourceOfferDoc>(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, required: true },
    category: { type: String, required: true, enum: CATEGORIES },
    organizationId: { type: String, required: true },
    committeeId: { type: String, required: true },
    streetId: { type: String, required: true },
    communityId: { type: String, default: null },
    status: { type: String, required: true, enum: ['OPEN', 'MATCHED'] },
    match: { type: matchSchema, default: null },
    postedAt: { type: Date, required: true },
  },
  { collection: 'resource_offers', timestamps: true, versionKey: false },
);
resourceOfferSchema.index({ committeeId: 1, _id: 1 });
resourceOfferSchema.index({ organizationId: 1, _id: 1 });
resourceOfferSchema.index({ status: 1, _id: 1 });
resourceOfferSchema.index({ category: 1, _id: 1 });
resourceOfferSchema.index({ 'match.needId': 1, _id: 1 });
resourceOfferSchema.plugin(outboxPlugin);

export const projectNeedSchema = new Schema<ProjectNeedDoc>(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, required: true },
    category: { type: String, required: true, enum: CATEGORIES },
    communityId: { type: String, required: true },
    streetId: { type: String, required: true },
    committeeId: { type: String, required: true },
    postedAt: { type: Date, required: true },
  },
  { collection: 'project_needs', timestamps: true, versionKey: false },
);
projectNeedSchema.index({ committeeId: 1, _id: 1 });
projectNeedSchema.index({ communityId: 1, _id: 1 });
projectNeedSchema.index({ category: 1, _id: 1 });
