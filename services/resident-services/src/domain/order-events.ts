import type { EventType } from '@sanshe/schemas/generated/events';
import type { OrderAction, ServiceOrder } from './model';
import { resolvedOnTime, respondedOnTime } from './sla';

/** The event type of each order action; `satisfies` keeps each one a type the contracts declare. */
export const ORDER_EVENT_TYPES = {
  SUBMIT: 'cn.sanshe.resident-services.order.submitted.v1',
  ACCEPT: 'cn.sanshe.resident-services.order.accepted.v1',
  DISPATCH: 'cn.sanshe.resident-services.order.dispatched.v1',
  START: 'cn.sanshe.resident-services.order.started.v1',
  RETURN: 'cn.sanshe.resident-services.order.returned.v1',
  RESOLVE: 'cn.sanshe.resident-services.order.resolved.v1',
  REOPEN: 'cn.sanshe.resident-services.order.reopened.v1',
  CLOSE: 'cn.sanshe.resident-services.order.closed.v1',
  CANCEL: 'cn.sanshe.resident-services.order.cancelled.v1',
  ESCALATE: 'cn.sanshe.resident-services.order.escalated.v1',
} as const satisfies Record<OrderAction, EventType>;
export const NOTICE_PUBLISHED = 'cn.sanshe.resident-services.notice.published.v1' satisfies EventType;

/** What every order event says about the order; no personal data (phone, address) ever leaves in an event. */
function about(order: ServiceOrder) {
  return {
    orderId: order._id,
    number: order._id,
    residentId: order.residentId,
    communityId: order.communityId,
    streetId: order.streetId,
    itemCode: order.itemCode,
    categoryCode: order.categoryCode,
    channel: order.channel,
  };
}

export function submittedData(order: ServiceOrder): Record<string, unknown> {
  return {
    ...about(order),
    status: order.status,
    submittedAt: order.submittedAt.toISOString(),
    respondBy: order.respondBy.toISOString(),
    resolveBy: order.resolveBy.toISOString(),
    assisted: order.assistance !== null,
    ...(order.assistance ? { staffMemberId: order.assistance.staffMemberId } : {}),
  };
}

/**
 * The data of a status-change event. `before` and `after` are the order on either side
 * of the change; `reason` is the caller's reason where the action takes one.
 */
export function transitionData(
  action: Exclude<OrderAction, 'SUBMIT' | 'ESCALATE'>,
  before: ServiceOrder,
  after: ServiceOrder,
  at: Date,
  reason: string | null,
): Record<string, unknown> {
  if (action === 'CLOSE') {
    // Exactly the published contract of order.closed.
    return {
      orderId: after._id,
      number: after._id,
      residentId: after.residentId,
      communityId: after.communityId,
      itemCode: after.itemCode,
      categoryCode: after.categoryCode,
      providerOrgId: after.providerOrgId,
      contractId: after.contractId,
      satisfaction: after.satisfaction,
      resolvedOnTime: resolvedOnTime(after) ?? false,
      ...(after.helperResidentIds.length > 0 ? { helperResidentIds: after.helperResidentIds } : {}),
      // social-orgs counts the order in these workers' evaluation. (Orders stored before assignments existed have no list.)
      ...((after.assignedWorkerIds ?? []).length > 0 ? { assignedSocialWorkerIds: after.assignedWorkerIds } : {}),
      closedAt: at.toISOString(),
    };
  }
  const common = { ...about(after), previousStatus: before.status, status: after.status, occurredAt: at.toISOString() };
  switch (action) {
    case 'ACCEPT':
      return { ...common, respondedOnTime: respondedOnTime(after) ?? false };
    case 'DISPATCH':
      return { ...common, providerOrgId: after.providerOrgId, contractId: after.contractId, handledInCommunity: after.handledInCommunity };
    case 'START':
      return { ...common, providerOrgId: after.providerOrgId };
    case 'RETURN':
      return { ...common, providerOrgId: before.providerOrgId, reason };
    case 'RESOLVE':
      return {
        ...common,
        providerOrgId: after.providerOrgId,
        resolvedOnTime: resolvedOnTime(after) ?? false,
        helperResidentIds: after.helperResidentIds,
      };
    // What a resident typed stays in the order: events reach partners, and free text can name anyone.
    case 'REOPEN':
      return { ...common, providerOrgId: after.providerOrgId };
    case 'CANCEL':
      return common;
  }
}

export function escalatedData(order: ServiceOrder, reason: string, deadline: Date, at: Date): Record<string, unknown> {
  return {
    ...about(order),
    status: order.status,
    reason,
    deadline: deadline.toISOString(),
    escalatedAt: at.toISOString(),
    providerOrgId: order.providerOrgId,
  };
}
