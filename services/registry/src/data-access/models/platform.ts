import { Schema } from 'mongoose';
import type { CommunityCentre } from '../../domain/community-centres';
import type { Investment } from '../../domain/investments';
import type { CommunityTerminal } from '../../domain/terminals';

export type TerminalDoc = CommunityTerminal;
export type InvestmentDoc = Investment;
export type CommunityCentreDoc = CommunityCentre;

export const terminalSchema = new Schema<TerminalDoc>(
  {
    _id: { type: String, required: true },
    communityId: { type: String, required: true },
    streetId: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, required: true },
    location: { type: String, required: true },
    status: { type: String, required: true },
    statusNote: { type: String, default: null },
    statusChangedAt: { type: Date, required: true },
    modules: { type: [String], required: true },
    registeredAt: { type: Date, required: true },
  },
  { collection: 'community_terminals', versionKey: false },
);
// A terminal's name tells staff which device is meant: unique within its community.
terminalSchema.index({ communityId: 1, name: 1 }, { unique: true });
terminalSchema.index({ status: 1 });

const sourceSchema = new Schema({ field: String, reported: String, citation: String }, { _id: false });

export const investmentSchema = new Schema<InvestmentDoc>(
  {
    _id: { type: String, required: true },
    purpose: { type: String, required: true },
    fundedKind: { type: String, required: true },
    centreId: { type: String, default: null },
    communityId: { type: String, default: null },
    // social-orgs' ids of the service centres a SOCIAL_ORG_SERVICE_CENTRES investment built.
    serviceCentreIds: { type: [String], default: [] },
    built: { type: [String], default: [] },
    amountAtLeastYuan: { type: Number, required: true },
    // Null for an investment the report does not state.
    source: { type: sourceSchema, default: null },
  },
  { collection: 'investments', versionKey: false },
);
investmentSchema.index({ fundedKind: 1 });
investmentSchema.index({ centreId: 1 });

export const communityCentreSchema = new Schema<CommunityCentreDoc>(
  {
    _id: { type: String, required: true },
    communityId: { type: String, required: true },
    streetId: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, required: true },
    rooms: { type: [String], default: [] },
    offerings: { type: [new Schema({ name: String, description: String }, { _id: false })], default: [] },
    citation: { type: String, default: null },
  },
  { collection: 'community_centres', versionKey: false },
);
communityCentreSchema.index({ communityId: 1, name: 1 }, { unique: true });
