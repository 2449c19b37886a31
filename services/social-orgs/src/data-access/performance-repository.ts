import { isDuplicateKeyError } from '@sanshe/service-kit';
import type { ClosedOrder, PerformanceStore } from '../domain/performance';
import type { PerformanceReads } from '../domain/contract-queries';
import type { PerformanceDoc } from './models/contract';
import type { SocialOrgsModels } from './models';

export class PerformanceRepository implements PerformanceStore, PerformanceReads {
  constructor(private readonly models: SocialOrgsModels) {}

  async knowsContract(contractId: string): Promise<boolean> {
    return (await this.models.ServiceContract.exists({ _id: contractId })) !== null;
  }

  /**
   * One conditional upsert: the filter skips a contract whose `applied` list holds the event
   * id already; for a first order, a redelivery raced against the insert hits the unique
   * `_id` and counts as already applied.
   */
  async apply(order: ClosedOrder): Promise<boolean> {
    try {
      const result = await this.models.Performance.updateOne(
        { _id: order.contractId, applied: { $ne: order.eventId } },
        {
          $inc: { ordersCompleted: 1, ordersOnTime: order.resolvedOnTime ? 1 : 0, satisfactionSum: order.satisfaction },
          $max: { lastClosedAt: order.closedAt },
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

  byContracts(contractIds: readonly string[]): Promise<PerformanceDoc[]> {
    // The applied event ids stay in the store: they can be many and nobody reads them.
    return this.models.Performance.find({ _id: { $in: [...contractIds] } })
      .select({ ordersCompleted: 1, ordersOnTime: 1, satisfactionSum: 1, lastClosedAt: 1 })
      .lean<PerformanceDoc[]>();
  }
}
