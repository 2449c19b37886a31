import { compactDay } from '../domain/calendar';
import type { ServiceOrder } from '../domain/model';
import { sequenceOf } from '../domain/order-intake';
import { slaVerdict } from '../domain/sla';
import { addDelta, bucketOf, providerLoadChange, statisticsDelta, type StatisticsBucket } from '../domain/statistics';

/**
 * What the running service keeps beside the orders, computed for seeded history with the
 * same functions its projections and sweep use, so seeded and live data agree.
 */

export function statisticsOf(orders: ServiceOrder[]): (StatisticsBucket & { applied: string[] })[] {
  const buckets = new Map<string, StatisticsBucket & { applied: string[] }>();
  for (const order of orders) {
    const place = bucketOf(order);
    let bucket = buckets.get(place._id);
    if (!bucket) {
      bucket = { ...place, applied: [] };
      buckets.set(place._id, bucket);
    }
    for (let i = 0; i < order.timeline.length; i += 1) addDelta(bucket, statisticsDelta(order, i));
  }
  return [...buckets.values()];
}

export function providerLoadOf(orders: ServiceOrder[]): { _id: string; openOrderIds: string[] }[] {
  const desks = new Map<string, Set<string>>();
  for (const order of orders) {
    for (let i = 0; i < order.timeline.length; i += 1) {
      const change = providerLoadChange(order, i);
      if (change.add) desks.set(change.add, (desks.get(change.add) ?? new Set()).add(order._id));
      if (change.remove) desks.get(change.remove)?.delete(order._id);
    }
  }
  return [...desks].map(([_id, ids]) => ({ _id, openOrderIds: [...ids].sort() }));
}

export function deadlineWatchOf(orders: ServiceOrder[], now: Date): { _id: string; respondBy: Date; resolveBy: Date; nextCheckAt: Date }[] {
  return orders.flatMap((order) => {
    const next = slaVerdict(order, now).nextCheckAt;
    return next ? [{ _id: order._id, respondBy: order.respondBy, resolveBy: order.resolveBy, nextCheckAt: next }] : [];
  });
}

/** The order-number counter of each day, at the highest number used. */
export function numberCountersOf(orders: ServiceOrder[]): { _id: string; seq: number }[] {
  const counters = new Map<string, number>();
  for (const order of orders) {
    const day = compactDay(order.submittedAt);
    counters.set(day, Math.max(counters.get(day) ?? 0, sequenceOf(order._id)));
  }
  return [...counters].map(([day, seq]) => ({ _id: `service-order:${day}`, seq }));
}
