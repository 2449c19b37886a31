import { byIdLoader, type OutboxEntry } from '@sanshe/service-kit';
import type DataLoader from 'dataloader';
import type { CommunityDoc, RegistryModels } from './models';

export class CommunityRepository {
  constructor(private readonly models: RegistryModels) {}

  /** A per-request loader: one query for any number of community references. */
  loader(): DataLoader<string, CommunityDoc | null> {
    return byIdLoader((ids) => this.models.Community.find({ _id: { $in: [...ids] } }).lean<CommunityDoc[]>());
  }

  list(filter: { streetId?: string }): Promise<CommunityDoc[]> {
    return this.models.Community.find(filter.streetId ? { streetId: filter.streetId } : {})
      .sort({ _id: 1 })
      .lean<CommunityDoc[]>();
  }

  /** Inserts the community and its events in one document write. */
  async insert(community: Omit<CommunityDoc, 'createdAt' | 'updatedAt'>, events: OutboxEntry[]): Promise<CommunityDoc> {
    const created = await this.models.Community.create({ ...community, _outbox: events });
    const plain = created.toObject() as CommunityDoc & { _outbox?: unknown };
    delete plain._outbox;
    return plain;
  }

  /** Counts published activities of many communities in one aggregation. */
  async publishedActivityCounts(communityIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.models.PublishedActivity.aggregate<{ _id: string; count: number }>([
      { $match: { communityId: { $in: [...communityIds] } } },
      { $group: { _id: '$communityId', count: { $sum: 1 } } },
    ]);
    return new Map(rows.map((r) => [r._id, r.count]));
  }

  /** Records a published activity once per event id; returns false for a redelivery. */
  async recordPublishedActivity(fact: { eventId: string; communityId: string; activityId: string; publishedAt: Date }): Promise<boolean> {
    const result = await this.models.PublishedActivity.updateOne(
      { _id: fact.eventId },
      { $setOnInsert: { communityId: fact.communityId, activityId: fact.activityId, publishedAt: fact.publishedAt } },
      { upsert: true },
    );
    return result.upsertedCount === 1;
  }
}
