import type { OrderAction, OrderStatus, ServiceOrder, TimelineEntry } from '../../src/domain/model';
import { newOrder } from '../../src/domain/new-order';

/** Builders for unit tests of the pure order logic. */

export const at = (iso: string) => new Date(iso);

export function anOrder(overrides: Partial<ServiceOrder> = {}): ServiceOrder {
  const submittedAt = overrides.submittedAt ?? at('2026-11-27T01:00:00Z');
  const base = newOrder({
    id: 'JX-20261127-000001',
    residentId: 'resident-000001',
    communityId: 'community-001',
    streetId: 'street-01',
    itemCode: 'C07-01',
    categoryCode: 'C07',
    channel: 'APP',
    contactPhone: '13800001111',
    address: null,
    summary: null,
    answers: [],
    assistance: null,
    submittedAt,
    respondBy: new Date(submittedAt.getTime() + 4 * 3_600_000),
    resolveBy: new Date(submittedAt.getTime() + 3 * 86_400_000),
  });
  return { ...base, timeline: [step('SUBMIT', null, 'SUBMITTED', submittedAt)], ...overrides };
}

export function step(
  action: OrderAction,
  from: OrderStatus | null,
  to: OrderStatus,
  when: Date,
  providerOrgId: string | null = null,
): TimelineEntry {
  return {
    eventId: `event-${action}-${when.getTime()}`,
    action,
    from,
    to,
    at: when,
    by: 'someone',
    byRole: 'COMMUNITY_STAFF',
    note: null,
    providerOrgId,
  };
}

/** An order that went through `steps`, each `[action, to, iso time, provider]`, after its submission. */
export function orderThrough(steps: [OrderAction, OrderStatus, string, string?][], overrides: Partial<ServiceOrder> = {}): ServiceOrder {
  const order = anOrder(overrides);
  let status: OrderStatus = 'SUBMITTED';
  for (const [action, to, when, provider] of steps) {
    order.timeline.push(step(action, status, to, at(when), provider ?? null));
    status = to;
  }
  order.status = status;
  return order;
}
