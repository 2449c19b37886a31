import type { TimelineEntry } from './model';
import { escalatedData, ORDER_EVENT_TYPES } from './order-events';
import type { DeadlineWatch, Events, OrderStore } from './ports';
import { slaVerdict } from './sla';

export interface SweepDeps {
  orders: OrderStore;
  watch: DeadlineWatch;
  events: Events;
}

export interface SweepReport {
  looked: number;
  escalated: number;
  marked: number;
  forgotten: number;
}

export const ESCALATION_NOTES = {
  RESPONSE_OVERDUE: 'Not accepted within the response time: escalated (督办).',
  RESOLUTION_OVERDUE: 'Not resolved within the resolution time: escalated (督办).',
} as const;

/**
 * The deadline sweep: looks only at watched orders whose next check is due (a small
 * collection, never a scan of all orders), marks the overdue ones and escalates each at
 * most once — the escalation is a conditional update on `escalatedAt: null`, so sweeps
 * running twice or side by side emit one escalation event per order.
 */
export async function sweepDeadlines(now: Date, deps: SweepDeps, batch = 500): Promise<SweepReport> {
  const report: SweepReport = { looked: 0, escalated: 0, marked: 0, forgotten: 0 };
  for (const { orderId } of await deps.watch.due(now, batch)) {
    report.looked += 1;
    const order = await deps.orders.get(orderId);
    if (!order) {
      await deps.watch.forget(orderId);
      report.forgotten += 1;
      continue;
    }
    const verdict = slaVerdict(order, now);
    const flags = { responseOverdue: verdict.responseOverdue, resolutionOverdue: verdict.resolutionOverdue };
    if (verdict.escalate) {
      const { reason, deadline } = verdict.escalate;
      const event = deps.events.create(ORDER_EVENT_TYPES.ESCALATE, order._id, escalatedData(order, reason, deadline, now));
      const entry: TimelineEntry = {
        eventId: event.id,
        action: 'ESCALATE',
        from: order.status,
        to: order.status,
        at: now,
        by: null,
        byRole: 'SYSTEM',
        note: ESCALATION_NOTES[reason],
        providerOrgId: order.providerOrgId,
      };
      const escalated = await deps.orders.escalate(order._id, order.status, {
        set: { ...flags, escalatedAt: now, escalationReason: reason },
        entry,
        events: [event],
      });
      // Changed meanwhile (moved on, or escalated by another sweep): the next sweep looks again.
      if (!escalated) continue;
      report.escalated += 1;
    } else if (flags.responseOverdue !== order.responseOverdue || flags.resolutionOverdue !== order.resolutionOverdue) {
      await deps.orders.markOverdue(order._id, order.status, flags);
      report.marked += 1;
    }
    if (verdict.nextCheckAt) {
      await deps.watch.reschedule(order._id, verdict.nextCheckAt);
    } else {
      await deps.watch.forget(order._id);
      report.forgotten += 1;
    }
  }
  return report;
}
