import { OUTBOX_FIELD, type OutboxEntry, type PageRequest } from '@sanshe/service-kit';
import type { Model } from 'mongoose';
import type { OrderStatus, ServiceOrder } from '../domain/model';
import type { OrderFilter, OrderReader } from '../domain/order-queries';
import { TERMINAL_STATUSES } from '../domain/order-status';
import type { OrderChange, OrderStore } from '../domain/ports';
import type { ResidentServicesModels } from './models';

function query(filter: OrderFilter, statuses: readonly OrderStatus[] | undefined): Record<string, unknown> {
  const q: Record<string, unknown> = {};
  if (filter.residentId) q.residentId = filter.residentId;
  if (filter.communityId) q.communityId = filter.communityId;
  if (filter.streetId) q.streetId = filter.streetId;
  if (filter.providerOrgId) q.providerOrgId = filter.providerOrgId;
  if (filter.channel) q.channel = filter.channel;
  if (statuses) q.status = { $in: [...statuses] };
  return q;
}

/** Newest first: order numbers sort by day, then by the day's sequence. */
const NEWEST_FIRST = { _id: -1 } as const;
const newestFirst = (a: ServiceOrder, b: ServiceOrder) => (a._id < b._id ? 1 : a._id > b._id ? -1 : 0);

/**
 * Orders live in two collections. `service_orders` holds the ones still moving and the
 * finished ones whose events wait in their outbox; `service_order_archive` the two years of
 * finished history. Kept because it is a sound hot/cold split on its own: every dashboard's
 * open-order list reads only the small live set (the embedded store scans for non-`_id`
 * filters; on MongoDB it keeps the working set small). Reads look in the archive after the
 * live collection, and history lists read both.
 */
export class OrderRepository implements OrderStore, OrderReader {
  private readonly live: Model<ServiceOrder>;
  private readonly archive: Model<ServiceOrder>;

  /**
   * @param afterWrite runs after every successful write of a step, with the step's event
   * id (the service projects the step at once; failures there are its to handle).
   */
  constructor(
    private readonly models: ResidentServicesModels,
    private readonly afterWrite: (order: ServiceOrder, eventId: string) => Promise<void> = async () => undefined,
  ) {
    this.live = models.ServiceOrder;
    this.archive = models.ArchivedServiceOrder;
  }

  private async written(order: ServiceOrder | null, eventId: string): Promise<ServiceOrder | null> {
    if (order) await this.afterWrite(order, eventId);
    return order;
  }

  /**
   * The day's next number: the counter as it was before this `$inc`, plus one. Not the
   * post-image: the embedded store re-reads that after the update, so two racing requests
   * could both see the later value (test/store/conformance.test.ts).
   */
  async nextSequence(day: string): Promise<number> {
    const id = `service-order:${day}`;
    const before = await this.models.OrderNumberCounter.findOneAndUpdate({ _id: id }, { $inc: { seq: 1 } }, { upsert: true, new: false })
      .lean()
      .exec();
    return (before?.seq ?? 0) + 1;
  }

  async insert(order: ServiceOrder, events: OutboxEntry[]): Promise<ServiceOrder> {
    await this.live.create({ ...order, [OUTBOX_FIELD]: events });
    await this.written(order, order.timeline[0]!.eventId);
    return order;
  }

  async get(id: string): Promise<ServiceOrder | null> {
    return (await this.live.findById(id).lean<ServiceOrder>().exec()) ?? this.archive.findById(id).lean<ServiceOrder>().exec();
  }

  /** One query per collection for a batch; the archive is asked only for ids not live. */
  async byIds(ids: readonly string[]): Promise<ServiceOrder[]> {
    const byId = (list: readonly string[]) => (list.length === 1 ? { _id: list[0] } : { _id: { $in: [...list] } });
    const live = await this.live.find(byId(ids)).lean<ServiceOrder[]>().exec();
    const found = new Set(live.map((o) => o._id));
    const missing = ids.filter((id) => !found.has(id));
    return missing.length === 0 ? live : [...live, ...(await this.archive.find(byId(missing)).lean<ServiceOrder[]>().exec())];
  }

  async transition(id: string, expected: { status: OrderStatus; version: number }, change: OrderChange): Promise<ServiceOrder | null> {
    const updated = await this.live
      .findOneAndUpdate(
        { _id: id, status: expected.status, version: expected.version },
        { $set: change.set, $inc: { version: 1 }, $push: { timeline: change.entry, [OUTBOX_FIELD]: { $each: change.events } } },
        { new: true },
      )
      .lean<ServiceOrder>()
      .exec();
    return this.written(updated, change.entry.eventId);
  }

  async escalate(id: string, status: OrderStatus, change: OrderChange): Promise<ServiceOrder | null> {
    const updated = await this.live
      .findOneAndUpdate(
        { _id: id, status, escalatedAt: null },
        { $set: change.set, $push: { timeline: change.entry, [OUTBOX_FIELD]: { $each: change.events } } },
        { new: true },
      )
      .lean<ServiceOrder>()
      .exec();
    return this.written(updated, change.entry.eventId);
  }

  async assignWorkers(
    id: string,
    expected: { status: OrderStatus; version: number; providerOrgId: string },
    workerIds: string[],
  ): Promise<ServiceOrder | null> {
    return this.live
      .findOneAndUpdate(
        { _id: id, status: expected.status, version: expected.version, providerOrgId: expected.providerOrgId },
        { $set: { assignedWorkerIds: workerIds } },
        { new: true },
      )
      .lean<ServiceOrder>()
      .exec();
  }

  async markOverdue(id: string, status: OrderStatus, flags: Pick<ServiceOrder, 'responseOverdue' | 'resolutionOverdue'>): Promise<void> {
    await this.live.updateOne({ _id: id, status }, { $set: flags }).exec();
  }

  /** Live and archived orders matching the filter, newest first, at most `limit` (or all). */
  private async both(filter: OrderFilter, extra: Record<string, unknown>, limit?: number): Promise<ServiceOrder[]> {
    const statuses = filter.statuses && filter.statuses.length > 0 ? filter.statuses : undefined;
    const finished = statuses ? statuses.filter((s) => TERMINAL_STATUSES.includes(s)) : TERMINAL_STATUSES;
    const find = (model: Model<ServiceOrder>, only: readonly OrderStatus[] | undefined) => {
      const q = model.find({ ...query(filter, only), ...extra }).sort(NEWEST_FIRST);
      return (limit ? q.limit(limit) : q).lean<ServiceOrder[]>().exec();
    };
    const [live, archived] = await Promise.all([
      find(this.live, statuses),
      finished.length > 0 ? find(this.archive, finished) : Promise.resolve([]),
    ]);
    const merged = [...live, ...archived].sort(newestFirst);
    return limit ? merged.slice(0, limit) : merged;
  }

  /** The orders of many parents at once (residents, communities, providers, assigned workers), newest first. */
  ofMany(
    field: 'residentId' | 'communityId' | 'providerOrgId' | 'assignedWorkerIds',
    ids: readonly string[],
    statuses?: readonly OrderStatus[],
  ): Promise<ServiceOrder[]> {
    return this.both({ ...(statuses ? { statuses } : {}) }, { [field]: { $in: [...ids] } });
  }

  /** A page of `limit + 1` orders after the cursor key, newest first. */
  page(filter: OrderFilter, page: PageRequest): Promise<ServiceOrder[]> {
    return this.both(filter, page.afterKey ? { _id: { $lt: page.afterKey } } : {}, page.limit + 1);
  }

  /**
   * Moves finished orders whose events are relayed to the archive: copied there first,
   * then removed from the live collection, so a reader finds the order in one of them at
   * every moment. Returns how many moved.
   */
  async archiveFinished(batch = 200): Promise<number> {
    const finished = await this.live
      .find({ status: { $in: [...TERMINAL_STATUSES] } })
      .limit(batch)
      .lean<(ServiceOrder & { [OUTBOX_FIELD]?: OutboxEntry[] })[]>()
      .exec();
    let moved = 0;
    for (const order of finished) {
      if ((order[OUTBOX_FIELD]?.length ?? 0) > 0) continue;
      const { [OUTBOX_FIELD]: _relayed, ...kept } = order;
      // Copy, then delete only the version copied: a change meanwhile keeps the order live
      // (reads prefer the live copy) and the next pass copies it again.
      await this.archive.replaceOne({ _id: order._id }, kept, { upsert: true }).exec();
      await this.live.deleteOne({ _id: order._id, version: order.version }).exec();
      moved += 1;
    }
    return moved;
  }
}
