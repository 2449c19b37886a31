import { Schema } from 'mongoose';
import type { PartyMember } from '../../domain/party-members';
import type { CoBuildingMembership, PartyOrganization } from '../../domain/party-organizations';
import { WEEKDAYS, type ServicePost } from '../../domain/service-posts';
import { outboxPlugin } from '@sanshe/service-kit';

export type PartyOrganizationDoc = PartyOrganization & { createdAt?: Date; updatedAt?: Date };
export type PartyMemberDoc = PartyMember & { createdAt?: Date; updatedAt?: Date };
export type ServicePostDoc = ServicePost & { createdAt?: Date; updatedAt?: Date };

const membershipSchema = new Schema<CoBuildingMembership>(
  { committeeId: { type: String, required: true }, joinedOn: { type: String, required: true } },
  { _id: false },
);

export const partyOrganizationSchema = new Schema<PartyOrganizationDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, required: true, enum: ['COMMITTEE', 'GENERAL_BRANCH', 'BRANCH'] },
    sector: {
      type: String,
      required: true,
      enum: ['COMMUNITY', 'ENTERPRISE', 'INSTITUTION', 'SCHOOL', 'SOCIAL_ORGANIZATION', 'NON_PUBLIC_ECONOMY'],
    },
    unitName: { type: String, default: null },
    parentId: { type: String, default: null },
    streetId: { type: String, required: true },
    communityId: { type: String, default: null },
    coBuilding: { type: membershipSchema, default: null },
    memberCount: { type: Number, default: 0 },
  },
  { collection: 'party_organizations', timestamps: true, versionKey: false },
);
// Lists page by _id within each filter the API offers.
partyOrganizationSchema.index({ name: 1 }, { unique: true });
partyOrganizationSchema.index({ streetId: 1, _id: 1 });
partyOrganizationSchema.index({ communityId: 1, _id: 1 });
partyOrganizationSchema.index({ 'coBuilding.committeeId': 1, _id: 1 });
partyOrganizationSchema.index({ sector: 1, _id: 1 });
partyOrganizationSchema.index({ kind: 1, _id: 1 });
partyOrganizationSchema.index({ parentId: 1 });
partyOrganizationSchema.plugin(outboxPlugin);

export const partyMemberSchema = new Schema<PartyMemberDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    organizationId: { type: String, required: true },
    streetId: { type: String, required: true },
    communityId: { type: String, default: null },
    residentId: { type: String, default: null },
    phone: { type: String, default: null },
    joinedPartyOn: { type: String, default: null },
  },
  { collection: 'party_members', timestamps: true, versionKey: false },
);
partyMemberSchema.index({ organizationId: 1, _id: 1 });
partyMemberSchema.index({ communityId: 1, _id: 1 });
partyMemberSchema.index({ streetId: 1, _id: 1 });
partyMemberSchema.index({ residentId: 1 });

export const servicePostSchema = new Schema<ServicePostDoc>(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    communityId: { type: String, required: true },
    streetId: { type: String, required: true },
    place: { type: String, required: true },
    holderId: { type: String, required: true },
    weekdays: { type: [{ type: String, enum: WEEKDAYS }], required: true },
    opensAt: { type: String, required: true },
    closesAt: { type: String, required: true },
    startsOn: { type: String, required: true },
    endsOn: { type: String, default: null },
    status: { type: String, required: true, enum: ['ACTIVE', 'ENDED'] },
  },
  { collection: 'service_posts', timestamps: true, versionKey: false },
);
servicePostSchema.index({ communityId: 1, _id: 1 });
servicePostSchema.index({ streetId: 1, _id: 1 });
servicePostSchema.index({ holderId: 1, _id: 1 });
servicePostSchema.index({ status: 1, _id: 1 });
