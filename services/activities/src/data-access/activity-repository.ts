import { byIdLoader, OUTBOX_FIELD, type CommunityDirectory, type KnownCommunity, type OutboxEntry } from '@sanshe/service-kit';
import type DataLoader from 'dataloader';
import type { Activity, ActivityStatus, ActivityStore } from '../domain/activity';
import type { ActivitiesModels, ActivityDoc } from './models';

export class ActivityRepository implements ActivityStore {
  constructor(
    private readonly models: ActivitiesModels,
    private readonly communities: CommunityDirectory,
  ) {}

  loader(): DataLoader<string, ActivityDoc | null> {
    return byIdLoader((ids) => this.models.Activity.find({ _id: { $in: [...ids] } }).lean<ActivityDoc[]>());
  }

  /** Published activities of many communities in one query, soonest first. */
  publishedIn(communityIds: readonly string[]): Promise<ActivityDoc[]> {
    return this.models.Activity.find({ communityId: { $in: [...communityIds] }, status: 'PUBLISHED' })
      .sort({ startsAt: 1 })
      .lean<ActivityDoc[]>();
  }

  community(id: string): Promise<KnownCommunity | null> {
    return this.communities.get(id);
  }

  activity(id: string): Promise<Activity | null> {
    return this.models.Activity.findById(id).lean<Activity>();
  }

  async insert(activity: Activity): Promise<Activity> {
    await this.models.Activity.create(activity);
    return activity;
  }

  transition(id: string, from: ActivityStatus, to: ActivityStatus, events: OutboxEntry[]): Promise<Activity | null> {
    return this.models.Activity.findOneAndUpdate(
      { _id: id, status: from },
      { $set: { status: to }, $push: { [OUTBOX_FIELD]: { $each: events } } },
      { new: true },
    ).lean<Activity>();
  }
}
