import type { DeadlineWatch } from '../domain/ports';
import type { ResidentServicesModels } from './models';

export class DeadlineWatchRepository implements DeadlineWatch {
  constructor(private readonly models: ResidentServicesModels) {}

  async watch(entry: { orderId: string; respondBy: Date; resolveBy: Date; nextCheckAt: Date }): Promise<void> {
    const { orderId, ...times } = entry;
    await this.models.DeadlineWatch.updateOne({ _id: orderId }, { $set: times }, { upsert: true });
  }

  async due(now: Date, limit: number): Promise<{ orderId: string }[]> {
    const rows = await this.models.DeadlineWatch.find({ nextCheckAt: { $lte: now } })
      .sort({ nextCheckAt: 1 })
      .limit(limit)
      .lean()
      .exec();
    return rows.map((r) => ({ orderId: r._id }));
  }

  async reschedule(orderId: string, nextCheckAt: Date): Promise<void> {
    await this.models.DeadlineWatch.updateOne({ _id: orderId }, { $set: { nextCheckAt } });
  }

  async forget(orderId: string): Promise<void> {
    await this.models.DeadlineWatch.deleteOne({ _id: orderId });
  }
}
