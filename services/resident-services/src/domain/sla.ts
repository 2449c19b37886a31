import type { EscalationReason, OrderStatus, ServiceItem, ServiceOrder } from './model';
import { isTerminal } from './order-status';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** How often a resolved order past its resolution deadline is looked at again while it waits for the return visit. */
export const RECHECK_MS = HOUR_MS;

/** The service level of the item, counted from submission. */
export function deadlinesFor(
  item: Pick<ServiceItem, 'respondWithinHours' | 'resolveWithinDays'>,
  submittedAt: Date,
): { respondBy: Date; resolveBy: Date } {
  return {
    respondBy: new Date(submittedAt.getTime() + item.respondWithinHours * HOUR_MS),
    resolveBy: new Date(submittedAt.getTime() + item.resolveWithinDays * DAY_MS),
  };
}

type Deadlines = Pick<ServiceOrder, 'respondBy' | 'resolveBy' | 'respondedAt' | 'resolvedAt'>;

export const respondedOnTime = (o: Deadlines): boolean | null => (o.respondedAt ? o.respondedAt <= o.respondBy : null);
export const resolvedOnTime = (o: Deadlines): boolean | null => (o.resolvedAt ? o.resolvedAt <= o.resolveBy : null);

/**
 * Time spent in each status, from the timeline; the current status counts up to `now`
 * (or until the order was finished). Statuses never visited are left out.
 */
export function timeInStatus(order: Pick<ServiceOrder, 'timeline' | 'status'>, now: Date): { status: OrderStatus; seconds: number }[] {
  const changes = order.timeline.filter((e) => e.from !== e.to);
  const totals = new Map<OrderStatus, number>();
  changes.forEach((entry, i) => {
    if (isTerminal(entry.to)) return;
    const until = changes[i + 1]?.at ?? now;
    totals.set(entry.to, (totals.get(entry.to) ?? 0) + Math.max(0, until.getTime() - entry.at.getTime()));
  });
  return [...totals].map(([status, ms]) => ({ status, seconds: Math.round(ms / 1000) }));
}

export interface SlaVerdict {
  responseOverdue: boolean;
  resolutionOverdue: boolean;
  /** Why to escalate now; null when the order needs no (further) escalation. */
  escalate: { reason: EscalationReason; deadline: Date } | null;
  /** When to look at the order again; null when it needs no more watching. */
  nextCheckAt: Date | null;
}

type Watched = Pick<ServiceOrder, 'status' | 'respondBy' | 'resolveBy' | 'respondedAt' | 'escalatedAt'>;

/**
 * What the deadline sweep concludes about an order at `now`. An order is escalated once
 * (督办), for whichever deadline it missed first; it is watched until its resolution
 * deadline has passed and nothing more can happen, or until it is finished.
 */
export function slaVerdict(order: Watched, now: Date): SlaVerdict {
  if (isTerminal(order.status)) return { responseOverdue: false, resolutionOverdue: false, escalate: null, nextCheckAt: null };
  const responseOverdue = order.respondedAt === null && now > order.respondBy;
  const resolutionOverdue = order.status !== 'RESOLVED' && now > order.resolveBy;
  const escalate =
    order.escalatedAt !== null
      ? null
      : responseOverdue
        ? { reason: 'RESPONSE_OVERDUE' as const, deadline: order.respondBy }
        : resolutionOverdue
          ? { reason: 'RESOLUTION_OVERDUE' as const, deadline: order.resolveBy }
          : null;
  const escalated = order.escalatedAt !== null || escalate !== null;
  let nextCheckAt: Date | null;
  if (now < order.respondBy) nextCheckAt = order.respondBy;
  else if (now < order.resolveBy) nextCheckAt = order.resolveBy;
  // Past both deadlines: an escalated order has nothing left to trigger; a resolved one may still be reopened.
  else nextCheckAt = escalated ? null : new Date(now.getTime() + RECHECK_MS);
  return { responseOverdue, resolutionOverdue, escalate, nextCheckAt };
}
