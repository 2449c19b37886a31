import { BadInputError, ConflictError } from '@sanshe/domain-kit';
import { providerPolicy, residentPolicy, staffPolicy } from './access';
import { localDay } from './calendar';
import { chooseContract, covers, providersThatReturned } from './dispatch';
import type { ServiceOrder } from './model';
import { applyAction, optionalText, requiredText, type WorkflowDeps } from './order-transition';
import type { Caller } from './ports';

/** The order's actions after submission; each one is a step of the state machine in order-status.ts. */

const NOTE_MAX = 500;

export function acceptOrder(id: string, note: string | null | undefined, caller: Caller, deps: WorkflowDeps): Promise<ServiceOrder> {
  return applyAction(
    id,
    {
      action: 'ACCEPT',
      describe: `accept service order ${id}`,
      policies: (o) => [staffPolicy(o, `accept service order ${id}`)],
      note: optionalText('note', note, NOTE_MAX),
      effect: (_o, now) => ({ set: { respondedAt: now, responseOverdue: false } }),
    },
    caller,
    deps,
  );
}

export interface DispatchInput {
  providerOrgId?: string | null;
  handleInCommunity?: boolean | null;
  note?: string | null;
}

/**
 * 派单 under the purchased-service contracts in force today for the item in the community:
 * to the named provider, or to the least loaded one; or, on request, to the community itself.
 */
async function dispatchEffect(order: ServiceOrder, now: Date, input: DispatchInput, deps: WorkflowDeps) {
  const named = input.providerOrgId?.trim() || null;
  if (input.handleInCommunity) {
    if (named) throw new BadInputError('handleInCommunity', 'Either name a provider or let the community handle the order, not both.');
    return { set: { providerOrgId: null, contractId: null, handledInCommunity: true, assignedWorkerIds: [] } };
  }
  const day = localDay(now);
  const contracts = (await deps.contracts.naming(order.itemCode, order.communityId)).filter((c) =>
    covers(c, order.itemCode, order.communityId, day),
  );
  const candidates = named ? contracts.filter((c) => c.providerOrgId === named) : contracts;
  if (candidates.length === 0) {
    throw new ConflictError(
      named
        ? `No contract in force on ${day} lets social organization ${named} serve ${order.itemCode} in community ${order.communityId}.`
        : `No purchased-service contract in force on ${day} covers ${order.itemCode} in community ${order.communityId}; dispatch with handleInCommunity: true to let the community's staff handle it.`,
      { itemCode: order.itemCode, communityId: order.communityId, day },
    );
  }
  const load = await deps.contracts.loadOf([...new Set(candidates.map((c) => c.providerOrgId))]);
  const chosen = chooseContract(candidates, load, providersThatReturned(order))!;
  // A new dispatch starts without workers: the provider assigns its own.
  return { set: { providerOrgId: chosen.providerOrgId, contractId: chosen._id, handledInCommunity: false, assignedWorkerIds: [] } };
}

export function dispatchOrder(id: string, input: DispatchInput, caller: Caller, deps: WorkflowDeps): Promise<ServiceOrder> {
  return applyAction(
    id,
    {
      action: 'DISPATCH',
      describe: `dispatch service order ${id}`,
      policies: (o) => [staffPolicy(o, `dispatch service order ${id}`)],
      note: optionalText('note', input.note, NOTE_MAX),
      effect: (o, now) => dispatchEffect(o, now, input, deps),
    },
    caller,
    deps,
  );
}

export function startOrder(id: string, note: string | null | undefined, caller: Caller, deps: WorkflowDeps): Promise<ServiceOrder> {
  return applyAction(
    id,
    {
      action: 'START',
      describe: `start work on service order ${id}`,
      policies: (o) => [providerPolicy(o, `start work on service order ${id}`)],
      note: optionalText('note', note, NOTE_MAX),
    },
    caller,
    deps,
  );
}

export function returnOrder(id: string, reason: string, caller: Caller, deps: WorkflowDeps): Promise<ServiceOrder> {
  const why = requiredText('reason', reason, NOTE_MAX, 'the community needs to know why the order comes back before dispatching it again.');
  return applyAction(
    id,
    {
      action: 'RETURN',
      describe: `return service order ${id}`,
      policies: (o) => [providerPolicy(o, `return service order ${id}`)],
      effect: () => ({ set: { providerOrgId: null, contractId: null, handledInCommunity: false, assignedWorkerIds: [] }, reason: why }),
    },
    caller,
    deps,
  );
}

export interface ResolveInput {
  note?: string | null;
  helperResidentIds?: readonly string[] | null;
}

function helperIds(ids: readonly string[] | null | undefined): string[] {
  const list = (ids ?? []).map((id) => id.trim());
  if (list.some((id) => id === '')) throw new BadInputError('helperResidentIds', 'helperResidentIds may not contain empty ids.');
  if (list.length > 20) throw new BadInputError('helperResidentIds', 'Name at most 20 helpers.');
  return list;
}

export function resolveOrder(id: string, input: ResolveInput, caller: Caller, deps: WorkflowDeps): Promise<ServiceOrder> {
  const helpers = helperIds(input.helperResidentIds);
  return applyAction(
    id,
    {
      action: 'RESOLVE',
      describe: `resolve service order ${id}`,
      policies: (o) => [providerPolicy(o, `resolve service order ${id}`)],
      note: optionalText('note', input.note, NOTE_MAX),
      effect: (o, now) => ({
        set: { resolvedAt: now, resolutionOverdue: false, helperResidentIds: [...new Set([...o.helperResidentIds, ...helpers])] },
      }),
    },
    caller,
    deps,
  );
}

/** The resident, or staff of the territory on the return visit (回访). */
const returnVisitPolicies = (o: ServiceOrder, action: string) => [residentPolicy(o.residentId, action), staffPolicy(o, action)];

export function closeOrder(
  id: string,
  input: { satisfaction: number; comment?: string | null },
  caller: Caller,
  deps: WorkflowDeps,
): Promise<ServiceOrder> {
  if (!Number.isInteger(input.satisfaction) || input.satisfaction < 1 || input.satisfaction > 5) {
    throw new BadInputError('satisfaction', 'satisfaction is a whole number from 1 (very unsatisfied) to 5 (very satisfied).');
  }
  const comment = optionalText('comment', input.comment, NOTE_MAX);
  return applyAction(
    id,
    {
      action: 'CLOSE',
      describe: `close service order ${id}`,
      policies: (o) => returnVisitPolicies(o, `close service order ${id}`),
      note: comment,
      effect: (_o, now) => ({ set: { satisfaction: input.satisfaction, satisfactionComment: comment, closedAt: now } }),
    },
    caller,
    deps,
  );
}

export function reopenOrder(id: string, reason: string, caller: Caller, deps: WorkflowDeps): Promise<ServiceOrder> {
  const why = requiredText('reason', reason, NOTE_MAX, 'say what is still wrong, so the provider knows what to do.');
  return applyAction(
    id,
    {
      action: 'REOPEN',
      describe: `reopen service order ${id}`,
      policies: (o) => returnVisitPolicies(o, `reopen service order ${id}`),
      effect: () => ({ reason: why }),
    },
    caller,
    deps,
  );
}

export function cancelOrder(id: string, reason: string | null | undefined, caller: Caller, deps: WorkflowDeps): Promise<ServiceOrder> {
  const why = optionalText('reason', reason, NOTE_MAX);
  return applyAction(
    id,
    {
      action: 'CANCEL',
      describe: `cancel service order ${id}`,
      policies: (o) => [residentPolicy(o.residentId, `cancel service order ${id}`), staffPolicy(o, `cancel service order ${id}`)],
      effect: (_o, now) => ({ set: { cancelledAt: now }, reason: why }),
    },
    caller,
    deps,
  );
}
