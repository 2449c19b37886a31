import type { ServiceOrder } from './model';

/** What a new order is made of (the order's own fields, so the two cannot drift); everything else starts empty. */
export type NewOrderFields = { id: string } & Pick<
  ServiceOrder,
  | 'residentId'
  | 'communityId'
  | 'streetId'
  | 'itemCode'
  | 'categoryCode'
  | 'channel'
  | 'contactPhone'
  | 'address'
  | 'summary'
  | 'answers'
  | 'assistance'
  | 'submittedAt'
  | 'respondBy'
  | 'resolveBy'
>;

/**
 * A just-submitted order, before its first timeline step: the one place a new order is shaped
 * (intake, the seeded history and unit-test builders all start here), so a new field gets its
 * starting value once.
 */
export function newOrder(fields: NewOrderFields): ServiceOrder {
  const { id, ...rest } = fields;
  return {
    _id: id,
    ...rest,
    status: 'SUBMITTED',
    version: 1,
    providerOrgId: null,
    contractId: null,
    handledInCommunity: false,
    assignedWorkerIds: [],
    helperResidentIds: [],
    satisfaction: null,
    satisfactionComment: null,
    respondedAt: null,
    resolvedAt: null,
    closedAt: null,
    cancelledAt: null,
    responseOverdue: false,
    resolutionOverdue: false,
    escalatedAt: null,
    escalationReason: null,
    timeline: [],
  };
}
