import { outboxPlugin } from '@sanshe/service-kit';
import { Schema } from 'mongoose';
import type { AnnualReview } from '../../domain/annual-review';
import type { Organization, PartyCoverage, ServiceCentre } from '../../domain/organization';

const partyCoverageSchema = new Schema<PartyCoverage>(
  {
    mode: { type: String, required: true },
    partyOrganizationId: { type: String, required: true },
    partyMembers: { type: Number, required: true },
    instructorName: { type: String, default: null },
    since: { type: String, default: null },
  },
  { _id: false },
);

export const organizationSchema = new Schema<Organization>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, required: true },
    creditCode: { type: String, required: true },
    domains: { type: [String], default: [] },
    communityIds: { type: [String], default: [] },
    incubatingHubId: { type: String, default: null },
    serviceCentreId: { type: String, default: null },
    status: { type: String, required: true },
    registeredOn: { type: String, required: true },
    partyCoverage: { type: partyCoverageSchema, default: null },
    version: { type: Number, required: true },
  },
  { collection: 'organizations', timestamps: true, versionKey: false },
);
organizationSchema.index({ name: 1 }, { unique: true });
organizationSchema.index({ creditCode: 1 }, { unique: true });
organizationSchema.index({ communityIds: 1 });
organizationSchema.index({ domains: 1 });
organizationSchema.index({ incubatingHubId: 1 });
organizationSchema.index({ serviceCentreId: 1 });
organizationSchema.index({ 'partyCoverage.partyOrganizationId': 1 });
organizationSchema.plugin(outboxPlugin);

export const serviceCentreSchema = new Schema<ServiceCentre>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    level: { type: String, required: true },
    streetId: { type: String, default: null },
    communityId: { type: String, default: null },
    operatorOrgId: { type: String, default: null },
  },
  { collection: 'service_centres', versionKey: false },
);
serviceCentreSchema.index({ level: 1, streetId: 1 });
serviceCentreSchema.index({ communityId: 1 });

export const annualReviewSchema = new Schema<AnnualReview>(
  {
    _id: { type: String, required: true },
    organizationId: { type: String, required: true },
    year: { type: Number, required: true },
    inspection: {
      result: { type: String, required: true },
      inspectedOn: { type: String, required: true },
      notes: { type: String, default: null },
    },
    partyCheckup: {
      result: { type: String, required: true },
      score: { type: Number, required: true },
      checkedOn: { type: String, required: true },
      findings: { type: String, default: null },
    },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'annual_reviews', versionKey: false },
);
annualReviewSchema.index({ organizationId: 1, year: 1 }, { unique: true });
annualReviewSchema.plugin(outboxPlugin);
