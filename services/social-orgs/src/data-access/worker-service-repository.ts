import { isDuplicateKeyError } from '@sanshe/service-kit';
import { serviceYearId, type ServedOrder, type WorkerServiceStore, type WorkerServiceYear } from '../domain/worker-service-record';
import type { WorkerServiceReads } from '../domain/worker-queries';
import type { SocialOrgsModels } from './models';

export class WorkerServiceRepository implements WorkerServiceStore, WorkerServiceReads {
  constructor(private readonly models: SocialOrgsModels) {}

  async knownWorkers(ids: readonly string[]): Promise<string[]> {
    const rows = await this.models.SocialWorker.find({ _id: { $in: [...ids] } })
      .select({ _id: 1 })
      .lean<{ _id: string }[]>();
    return rows.map((r) => r._id);
  }

  /**
   * One conditional upsert, as for contract KPIs: the filter skips a record that counted the
   * event already; a redelivery racing the first insert hits the unique `_id` and counts as counted.
   */
  async applyServed(order: ServedOrder): Promise<boolean> {
    try {
      const result = await this.models.WorkerServiceYear.updateOne(
        { _id: serviceYearId(order.socialWorkerId, order.year), applied: { $ne: order.eventId } },
        {
          $set: { socialWorkerId: order.socialWorkerId, year: order.year },
          $inc: { ordersServed: 1, satisfactionSum: order.satisfaction },
          $push: { applied: order.eventId },
        },
        { upsert: true, setDefaultsOnInsert: false },
      );
      return result.modifiedCount + result.upsertedCount > 0;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  /** The records of many workers, newest year first, without the counted event ids. */
  ofWorkers(workerIds: readonly string[]): Promise<WorkerServiceYear[]> {
    return this.models.WorkerServiceYear.find({ socialWorkerId: { $in: [...workerIds] } })
      .select({ applied: 0 })
      .sort({ year: -1 })
      .lean<WorkerServiceYear[]>();
  }
}
