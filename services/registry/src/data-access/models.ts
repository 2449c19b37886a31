import { outboxPlugin } from '@sanshe/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';

export interface CommunityDoc {
  _id: string;
  name: string;
  streetId: string;
  urban: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** One record per activity published in a community; `_id` is the event id, so a redelivery inserts nothing. */
export interface PublishedActivityFact {
  _id: string;
  communityId: string;
  activityId: string;
  publishedAt: Date;
}

const communitySchema = new Schema<CommunityDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    streetId: { type: String, required: true },
    urban: { type: Boolean, required: true },
  },
  { collection: 'communities', timestamps: true, versionKey: false },
);
communitySchema.index({ streetId: 1, name: 1 }, { unique: true });
communitySchema.plugin(outboxPlugin);

const publishedActivitySchema = new Schema<PublishedActivityFact>(
  {
    _id: { type: String, required: true },
    communityId: { type: String, required: true },
    activityId: { type: String, required: true },
    publishedAt: { type: Date, required: true },
  },
  { collection: 'published_activity_facts', versionKey: false },
);
publishedActivitySchema.index({ communityId: 1 });

export interface RegistryModels {
  Community: Model<CommunityDoc>;
  PublishedActivity: Model<PublishedActivityFact>;
}

export function createModels(connection: Connection): RegistryModels {
  return {
    Community: connection.model<CommunityDoc>('Community', communitySchema),
    PublishedActivity: connection.model<PublishedActivityFact>('PublishedActivity', publishedActivitySchema),
  };
}
