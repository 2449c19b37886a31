import { outboxPlugin } from '@sanshe/service-kit';
import { Schema } from 'mongoose';
import type { JointMeeting, OrganizationEvaluation, OrganizationSupport } from '../../domain/party-building';

const followUpSchema = new Schema(
  { id: String, decision: Number, action: String, ownerOrgId: String, dueOn: String, doneOn: { type: String, default: null } },
  { _id: false },
);

export const jointMeetingSchema = new Schema<JointMeeting>(
  {
    _id: { type: String, required: true },
    topic: { type: String, required: true },
    heldOn: { type: String, required: true },
    streetId: { type: String, default: null },
    organizationIds: { type: [String], required: true },
    decisions: { type: [String], required: true },
    followUps: { type: [followUpSchema], default: [] },
    version: { type: Number, required: true },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'joint_party_meetings', versionKey: false },
);
jointMeetingSchema.index({ organizationIds: 1 });
jointMeetingSchema.index({ 'followUps.ownerOrgId': 1 });
jointMeetingSchema.plugin(outboxPlugin);

export const organizationSupportSchema = new Schema<OrganizationSupport>(
  {
    _id: { type: String, required: true },
    organizationId: { type: String, required: true },
    kind: { type: String, required: true },
    amountYuan: { type: Number, required: true },
    description: { type: String, required: true },
    givenOn: { type: String, required: true },
    givenBy: { type: String, required: true },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'organization_support', versionKey: false },
);
organizationSupportSchema.index({ organizationId: 1, givenOn: -1 });
organizationSupportSchema.plugin(outboxPlugin);

/** The `<organizationId>:<year>` id keeps one evaluation per organization and year. */
export const organizationEvaluationSchema = new Schema<OrganizationEvaluation>(
  {
    _id: { type: String, required: true },
    organizationId: { type: String, required: true },
    year: { type: Number, required: true },
    targets: { type: [new Schema({ name: String, weight: Number, score: Number }, { _id: false })], required: true },
    score: { type: Number, required: true },
    rating: { type: String, required: true },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'organization_evaluations', versionKey: false },
);
organizationEvaluationSchema.index({ organizationId: 1, year: -1 });
