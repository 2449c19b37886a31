import { isDuplicateKeyError } from '@sanshe/service-kit';
import type { StatisticsStore } from '../domain/projections';
import type { CounterDelta, StatisticsBucket } from '../domain/statistics';
import type { StatisticsQuery, StatisticsReader } from '../domain/statistics-queries';
import type { ResidentServicesModels } from './models';

export class StatisticsRepository implements StatisticsStore, StatisticsReader {
  constructor(private readonly models: ResidentServicesModels) {}

  /**
   * Adds the delta once per event: the filter skips a bucket that already lists the event;
   * when the bucket does not exist the upsert creates it, and a second upsert of the same
   * event then collides on `_id` — which means "already applied".
   */
  async apply(
    bucket: { _id: string; communityId: string; streetId: string; month: string },
    eventId: string,
    delta: CounterDelta,
  ): Promise<boolean> {
    const { _id, ...place } = bucket;
    const inc = Object.keys(delta).length > 0 ? { $inc: delta } : {};
    try {
      const result = await this.models.StatisticsBucket.collection.updateOne(
        { _id, applied: { $ne: eventId } } as never,
        { ...inc, $push: { applied: eventId }, $setOnInsert: place } as never,
        { upsert: true },
      );
      return result.modifiedCount + result.upsertedCount > 0;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  find(query: StatisticsQuery): Promise<StatisticsBucket[]> {
    const filter: Record<string, unknown> = {};
    if (query.communityId) filter.communityId = query.communityId;
    if (query.streetId) filter.streetId = query.streetId;
    if (query.fromMonth || query.toMonth)
      filter.month = { ...(query.fromMonth ? { $gte: query.fromMonth } : {}), ...(query.toMonth ? { $lte: query.toMonth } : {}) };
    return this.models.StatisticsBucket.find(filter, { applied: 0 }).lean<StatisticsBucket[]>().exec();
  }
}
