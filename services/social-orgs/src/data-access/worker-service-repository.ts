import { serviceYearId, type ServedOrder, type WorkerServiceStore, type WorkerServiceYear } from '../domain/worker-service-record';
import type { WorkerServiceReads } from '../domain/worker-queries';
import type { SocialOrgsModels } from './models';
import { applyOnce } from './models/apply-once';

export class WorkerServiceRepository implements WorkerServiceStore, WorkerServiceReads {
  constructor(private readonly models: SocialOrgsModels) {}

  async knownWorkers(ids: readonly string[]): Promise<string[]> {
    const rows = await this.models.SocialWorker.find({ _id: { $in: [...ids] } })
      .select({ _id: 1 })
      .lean<{ _id: string }[]>();
    return rows.map((r) => r._id);
  }

  /** Counts the served order into the worker's year once, as for contract KPIs (see applyOnce). */
  applyServed(order: ServedOrder): Promise<boolean> {
    return applyOnce(this.models.WorkerServiceYear, serviceYearId(order.socialWorkerId, order.year), order.eventId, {
      $set: { socialWorkerId: order.socialWorkerId, year: order.year },
      $inc: { ordersServed: 1, satisfactionSum: order.satisfaction },
    });
  }

  /** The records of many workers, newest year first, without the counted event ids. */
  ofWorkers(workerIds: readonly string[]): Promise<WorkerServiceYear[]> {
    return this.models.WorkerServiceYear.find({ socialWorkerId: { $in: [...workerIds] } })
      .select({ applied: 0 })
      .sort({ year: -1 })
      .lean<WorkerServiceYear[]>();
  }
}
