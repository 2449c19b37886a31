import { BadInputError, ConflictError, NotFoundError, roleCovers, type Identity, type Policy } from '@sanshe/domain-kit';
import { authorizeAny } from './access';
import type { ServiceOrder, TimelineEntry } from './model';
import { transitionData, ORDER_EVENT_TYPES } from './order-events';
import { nextStatus, type TransitionAction } from './order-status';
import type { Caller, Clock, ContractStore, Events, OrderStore } from './ports';

export interface WorkflowDeps {
  orders: OrderStore;
  contracts: ContractStore;
  events: Events;
  now: Clock;
}

/** What an action changes besides the status; `reason` goes into its event. */
export interface ActionEffect {
  set?: Partial<ServiceOrder>;
  reason?: string | null;
}

export interface ActionSpec {
  action: TransitionAction;
  /** In words, for error messages: "accept service order JX-…". */
  describe: string;
  /** Any one of them lets the caller act. */
  policies: (order: ServiceOrder) => Policy[];
  note?: string | null;
  /** Checks the arguments against the order and says what else changes. */
  effect?: (order: ServiceOrder, now: Date) => ActionEffect | Promise<ActionEffect>;
}

/** The role in which the caller acts, for the timeline: the first one a policy grants. */
export function actingRole(identity: Identity, policies: Policy[]): string {
  for (const policy of policies) {
    const role = policy.roles.find((r) => roleCovers(identity, r, policy.scope));
    if (role) return role;
  }
  return identity.roles[0] ?? 'UNKNOWN';
}

export function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  const text = value?.trim() ?? '';
  if (text.length > max) throw new BadInputError(field, `${field} has at most ${max} characters.`);
  return text || null;
}

export function requiredText(field: string, value: string | null | undefined, max: number, why: string): string {
  const text = optionalText(field, value, max);
  if (!text) throw new BadInputError(field, `Give a ${field}: ${why}`);
  return text;
}

/**
 * Moves an order one step: checks the caller, the state machine and the action's own
 * rules, then writes the new status, the timeline entry and the event in ONE conditional
 * update on status + version, so of two people acting at once only one wins.
 */
export async function applyAction(id: string, spec: ActionSpec, caller: Caller, deps: WorkflowDeps): Promise<ServiceOrder> {
  const order = await deps.orders.get(id);
  if (!order) throw new NotFoundError('ServiceOrder', id);
  const policies = spec.policies(order);
  authorizeAny(caller.identity, spec.describe, policies);
  const to = nextStatus(order._id, order.status, spec.action);
  const now = deps.now();
  const effect = (await spec.effect?.(order, now)) ?? {};
  const set: Partial<ServiceOrder> = { ...effect.set, status: to };
  const after: ServiceOrder = { ...order, ...set, version: order.version + 1 };
  const event = deps.events.create(
    ORDER_EVENT_TYPES[spec.action],
    order._id,
    transitionData(spec.action, order, after, now, effect.reason ?? null),
    caller.traceparent,
  );
  const entry: TimelineEntry = {
    eventId: event.id,
    action: spec.action,
    from: order.status,
    to,
    at: now,
    by: caller.identity.userId,
    byRole: actingRole(caller.identity, policies),
    note: spec.note ?? effect.reason ?? null,
    // The provider the order was with at this step: the one returning it, or the one it now goes to.
    providerOrgId: spec.action === 'RETURN' ? order.providerOrgId : after.providerOrgId,
  };
  const updated = await deps.orders.transition(
    order._id,
    { status: order.status, version: order.version },
    { set, entry, events: [event] },
  );
  if (!updated) {
    throw new ConflictError(
      `Service order ${order._id} was changed by someone else meanwhile (it was ${order.status}, version ${order.version}); reload it and try again.`,
      {
        status: order.status,
        version: order.version,
      },
    );
  }
  return updated;
}
