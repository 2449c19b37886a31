import type { ServiceOrder } from './model';
import type { OrderStore } from './ports';
import { bucketOf, providerLoadChange, statisticsDelta, type CounterDelta } from './statistics';

export interface StatisticsStore {
  /** Adds `delta` to the bucket once per event id; false when the event was applied before. */
  apply(bucket: ReturnType<typeof bucketOf>, eventId: string, delta: CounterDelta): Promise<boolean>;
}

export interface ProviderLoadStore {
  add(providerOrgId: string, orderId: string): Promise<void>;
  remove(providerOrgId: string, orderId: string): Promise<void>;
}

export interface ProjectionStores {
  statistics: StatisticsStore;
  load: ProviderLoadStore;
}

/**
 * What one order step changes beside the order: its statistics bucket and its provider's
 * load. Computed from the order itself (the step is found by its event id), so applying it
 * again — by the writer right after the write, then by the consumer of the event — changes
 * nothing: the bucket refuses an event id twice, the load is a set of order ids.
 */
export async function projectStep(order: ServiceOrder, eventId: string, stores: ProjectionStores): Promise<boolean> {
  const index = order.timeline.findIndex((e) => e.eventId === eventId);
  if (index < 0) return false;
  await stores.statistics.apply(bucketOf(order), eventId, statisticsDelta(order, index));
  const load = providerLoadChange(order, index);
  if (load.add) await stores.load.add(load.add, order._id);
  if (load.remove) await stores.load.remove(load.remove, order._id);
  return true;
}

/**
 * The consumer's side: every order event is projected once it is on Kafka, which repairs
 * a projection the writer could not finish. Events of orders this store does not hold
 * (another deployment's) are ignored.
 */
export async function projectOrderEvent(
  event: { id: string; subject: string },
  deps: ProjectionStores & { orders: Pick<OrderStore, 'get'> },
): Promise<'applied' | 'ignored'> {
  const order = await deps.orders.get(event.subject);
  return order && (await projectStep(order, event.id, deps)) ? 'applied' : 'ignored';
}
