import { isDuplicateKeyError } from '@sanshe/service-kit';
import type { BucketDelta } from '../domain/projections';
import type { StatsBucket, StatsFilter, StatsReader } from '../domain/stats';
import type { ActivitiesModels } from './models';

/**
 * The statistics buckets: one small document per community, month and source (about
 * 71 × 24 for the seeded history). Queries read buckets, never activities or attendances.
 */
export class StatsRepository implements StatsReader {
  constructor(private readonly models: ActivitiesModels) {}

  buckets(filter: StatsFilter): Promise<StatsBucket[]> {
    const query: Record<string, unknown> = {};
    if (filter.fromMonth || filter.toMonth)
      query.month = { ...(filter.fromMonth ? { $gte: filter.fromMonth } : {}), ...(filter.toMonth ? { $lte: filter.toMonth } : {}) };
    if (filter.streetId) query.streetId = filter.streetId;
    if (filter.communityId) query.communityId = filter.communityId;
    return this.models.StatsBucket.find(query).select({ applied: 0 }).lean<StatsBucket[]>().exec();
  }

  /**
   * Counts one event into a LIVE bucket, once: the filter skips a bucket that already
   * lists the event id, and then the upsert's insert hits the unique `_id` instead.
   * Returns false for an event counted before.
   */
  async apply(delta: BucketDelta, eventId: string): Promise<boolean> {
    const counts = `categories.${delta.category}`;
    try {
      await this.models.StatsBucket.updateOne(
        { _id: delta.bucketId, applied: { $ne: eventId } },
        {
          $inc: { [`${counts}.activities`]: delta.delta.activities, [`${counts}.participations`]: delta.delta.participations },
          $push: { applied: eventId },
          $setOnInsert: { source: 'LIVE', communityId: delta.communityId, streetId: delta.streetId, month: delta.month },
        },
        { upsert: true },
      ).exec();
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }
}
