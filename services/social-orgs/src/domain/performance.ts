import { round2 } from './common';
import type { KpiTargets } from './contract';

/**
 * A contract's KPI read model: counters fed by resident-services' order.closed events.
 * One document per contract; every event is applied at most once (see PerformanceStore).
 */
export interface PerformanceCounters {
  ordersCompleted: number;
  ordersOnTime: number;
  satisfactionSum: number;
  lastClosedAt: Date | null;
}

export interface ClosedOrder {
  eventId: string;
  contractId: string;
  resolvedOnTime: boolean;
  satisfaction: number;
  closedAt: Date;
}

export interface PerformanceStore {
  /** Whether the contract is one of ours: orders under unknown contract ids are not counted. */
  knowsContract(contractId: string): Promise<boolean>;
  /** Adds one closed order to its contract's counters unless that event was applied already; true when applied now. */
  apply(order: ClosedOrder): Promise<boolean>;
}

export interface ContractPerformance {
  ordersCompleted: number;
  ordersOnTime: number;
  onTimeRate: number | null;
  averageSatisfaction: number | null;
  lastClosedAt: Date | null;
  meetsTargets: boolean | null;
}

export function contractPerformance(counters: PerformanceCounters | null, targets: KpiTargets): ContractPerformance {
  const completed = counters?.ordersCompleted ?? 0;
  if (!counters || completed === 0) {
    return { ordersCompleted: 0, ordersOnTime: 0, onTimeRate: null, averageSatisfaction: null, lastClosedAt: null, meetsTargets: null };
  }
  const onTimeRate = round2(counters.ordersOnTime / completed);
  const averageSatisfaction = round2(counters.satisfactionSum / completed);
  const meetsTargets =
    (targets.minOrdersCompleted === null || completed >= targets.minOrdersCompleted) &&
    (targets.minOnTimeRate === null || counters.ordersOnTime / completed >= targets.minOnTimeRate) &&
    (targets.minAverageSatisfaction === null || counters.satisfactionSum / completed >= targets.minAverageSatisfaction);
  return {
    ordersCompleted: completed,
    ordersOnTime: counters.ordersOnTime,
    onTimeRate,
    averageSatisfaction,
    lastClosedAt: counters.lastClosedAt,
    meetsTargets,
  };
}

/** What this context reads of resident-services' order.closed (its contract: schemas/events/resident-services/order.closed.v1.json). */
export interface OrderClosedEvent {
  id: string;
  data: {
    orderId: string;
    contractId?: string | null;
    satisfaction: number;
    resolvedOnTime: boolean;
    closedAt: string;
  };
}

/**
 * Effect of order.closed here: an order served under one of our contracts counts towards its
 * KPIs, once. Contracts are signed here before resident-services can dispatch under them,
 * so an unknown contract id is not ours to count.
 */
export async function onOrderClosed(event: OrderClosedEvent, store: PerformanceStore): Promise<void> {
  const { data } = event;
  if (!data.contractId || !(await store.knowsContract(data.contractId))) return;
  await store.apply({
    eventId: event.id,
    contractId: data.contractId,
    resolvedOnTime: data.resolvedOnTime,
    satisfaction: data.satisfaction,
    closedAt: new Date(data.closedAt),
  });
}
