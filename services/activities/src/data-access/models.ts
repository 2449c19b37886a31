import { outboxPlugin } from '@sanshe/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';
import type { ActivityStatus } from '../domain/activity';

export interface ActivityDoc {
  _id: string;
  title: string;
  category: string;
  communityId: string;
  streetId: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  status: ActivityStatus;
  createdAt: Date;
  updatedAt: Date;
}

const activitySchema = new Schema<ActivityDoc>(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    category: { type: String, required: true },
    communityId: { type: String, required: true },
    streetId: { type: String, required: true },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    capacity: { type: Number, required: true },
    status: { type: String, required: true },
  },
  { collection: 'activities', timestamps: true, versionKey: false },
);
activitySchema.index({ communityId: 1, status: 1, startsAt: 1 });
activitySchema.plugin(outboxPlugin);

export interface ActivitiesModels {
  Activity: Model<ActivityDoc>;
}

export function createModels(connection: Connection): ActivitiesModels {
  return {
    Activity: connection.model<ActivityDoc>('Activity', activitySchema),
  };
}
