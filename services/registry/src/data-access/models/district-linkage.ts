import { Schema } from 'mongoose';
import type { DistrictLinkageMeeting } from '../../domain/district-linkage';

export const districtLinkageMeetingSchema = new Schema<DistrictLinkageMeeting>(
  {
    _id: { type: String, required: true },
    topic: { type: String, required: true },
    heldOn: { type: String, required: true },
    committeeIds: { type: [String], required: true },
    streetIds: { type: [String], required: true },
    decisions: { type: [String], required: true },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'district_linkage_meetings', versionKey: false },
);
districtLinkageMeetingSchema.index({ streetIds: 1 });
