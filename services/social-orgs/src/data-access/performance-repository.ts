import type { ClosedOrder, PerformanceStore } from '../domain/performance';
import type { PerformanceReads } from '../domain/contract-queries';
import { applyOnce } from './models/apply-once';
import type { PerformanceDoc } from './models/contract';
import type { SocialOrgsModels } from './models';

export class PerformanceRepository implements PerformanceStore, PerformanceReads {
  constructor(private readonly models: SocialOrgsModels) {}

  async knowsContract(contractId: string): Promise<boolean> {
    return (await this.models.ServiceContract.exists({ _id: contractId })) !== null;
  }

  /** Counts the order into its contract's counters once (see applyOnce). */
  apply(order: ClosedOrder): Promise<boolean> {
    return applyOnce(this.models.Performance, order.contractId, order.eventId, {
      $inc: { ordersCompleted: 1, ordersOnTime: order.resolvedOnTime ? 1 : 0, satisfactionSum: order.satisfaction },
      $max: { lastClosedAt: order.closedAt },
    });
  }

  byContracts(contractIds: readonly string[]): Promise<PerformanceDoc[]> {
    // The applied event ids stay in the store: they can be many and nobody reads them.
    return this.models.Performance.find({ _id: { $in: [...contractIds] } })
      .select({ ordersCompleted: 1, ordersOnTime: 1, satisfactionSum: 1, lastClosedAt: 1 })
      .lean<PerformanceDoc[]>();
  }
}
