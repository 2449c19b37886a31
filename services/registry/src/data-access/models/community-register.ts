import { Schema } from 'mongoose';

/**
 * A community's residents as one document: the read model its lists page through.
 * FerretDB narrows only `_id` equality and decodes the whole collection for any other
 * filter, so listing a community straight from the 24,000 residents costs a scan per
 * page; reading one register costs a key lookup. Each entry is a resident as JSON (no
 * arrays inside arrays), kept in id order. The residents collection stays the record:
 * every write there names the registers it touches (`registerPending`), and they are
 * refreshed from it right after, or by the sweep after a crash.
 */
export interface CommunityRegisterDoc {
  _id: string;
  entries: string[];
  version: number;
}

export const communityRegisterSchema = new Schema<CommunityRegisterDoc>(
  { _id: { type: String, required: true }, entries: { type: [String], default: [] }, version: { type: Number, default: 0 } },
  { collection: 'community_registers', versionKey: false },
);
