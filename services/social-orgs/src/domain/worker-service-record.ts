import { round2 } from './common';

/**
 * 社工团队执行: the service orders a social worker served, as resident-services reports them
 * when an order closes. One record per worker and year of closing; the annual target
 * evaluation (目标考评) reads the year's record next to its score.
 */
export interface WorkerServiceYear {
  /** `<socialWorkerId>:<year>` */
  _id: string;
  socialWorkerId: string;
  year: number;
  ordersServed: number;
  satisfactionSum: number;
}

export interface ServedOrder {
  eventId: string;
  socialWorkerId: string;
  year: number;
  satisfaction: number;
}

export interface WorkerServiceStore {
  /** Which of the ids are our workers: orders naming unknown workers are not counted. */
  knownWorkers(ids: readonly string[]): Promise<string[]>;
  /** Counts the order for the worker and year unless that event was counted already; true when counted now. */
  applyServed(order: ServedOrder): Promise<boolean>;
}

/** The calendar year in Luoyang (UTC+8) of an instant: an order closed on New Year's Eve evening counts for the old year. */
export const localYear = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).getUTCFullYear();

export const serviceYearId = (socialWorkerId: string, year: number) => `${socialWorkerId}:${year}`;

export const averageSatisfaction = (record: Pick<WorkerServiceYear, 'ordersServed' | 'satisfactionSum'> | null): number | null =>
  record && record.ordersServed > 0 ? round2(record.satisfactionSum / record.ordersServed) : null;

/** What this reads of resident-services' order.closed (its contract: schemas/events/resident-services/order.closed.v1.json). */
export interface OrderServedEvent {
  id: string;
  data: { assignedSocialWorkerIds?: string[] | null; satisfaction: number; closedAt: string };
}

/** Effect of order.closed here: each assigned worker we employ gets the order once (keyed by the event id). */
export async function onOrderServedByWorkers(event: OrderServedEvent, store: WorkerServiceStore): Promise<void> {
  const { data } = event;
  const ids = [...new Set(data.assignedSocialWorkerIds ?? [])];
  if (ids.length === 0) return;
  const year = localYear(new Date(data.closedAt));
  for (const socialWorkerId of await store.knownWorkers(ids)) {
    await store.applyServed({ eventId: event.id, socialWorkerId, year, satisfaction: data.satisfaction });
  }
}
