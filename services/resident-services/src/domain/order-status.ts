import { ConflictError } from '@sanshe/domain-kit';
import type { OrderAction, OrderStatus } from './model';

/**
 * The life of a service order:
 *
 *   SUBMITTED ─accept→ ACCEPTED ─dispatch→ DISPATCHED ─start→ IN_PROGRESS ─resolve→ RESOLVED ─close→ CLOSED
 *                                  ↑            │                 │                  │
 *                                  └─dispatch─ RETURNED ←─return──┘         reopen→ REOPENED ─start→ IN_PROGRESS
 *   cancel: from SUBMITTED, ACCEPTED, DISPATCHED or RETURNED (before work starts) → CANCELLED
 *
 * An action the current status does not allow is a business-rule clash: CONFLICT.
 */
export type TransitionAction = Exclude<OrderAction, 'SUBMIT' | 'ESCALATE'>;

export const TRANSITIONS: Record<TransitionAction, { from: readonly OrderStatus[]; to: OrderStatus }> = {
  ACCEPT: { from: ['SUBMITTED'], to: 'ACCEPTED' },
  DISPATCH: { from: ['ACCEPTED', 'RETURNED'], to: 'DISPATCHED' },
  START: { from: ['DISPATCHED', 'REOPENED'], to: 'IN_PROGRESS' },
  RETURN: { from: ['DISPATCHED', 'IN_PROGRESS', 'REOPENED'], to: 'RETURNED' },
  RESOLVE: { from: ['IN_PROGRESS'], to: 'RESOLVED' },
  REOPEN: { from: ['RESOLVED'], to: 'REOPENED' },
  CLOSE: { from: ['RESOLVED'], to: 'CLOSED' },
  CANCEL: { from: ['SUBMITTED', 'ACCEPTED', 'DISPATCHED', 'RETURNED'], to: 'CANCELLED' },
};

export const TERMINAL_STATUSES: readonly OrderStatus[] = ['CLOSED', 'CANCELLED'];
export const OPEN_STATUSES: readonly OrderStatus[] = [
  'SUBMITTED',
  'ACCEPTED',
  'DISPATCHED',
  'IN_PROGRESS',
  'RETURNED',
  'RESOLVED',
  'REOPENED',
];
/** Statuses in which the order is on its provider's desk: what "load" counts. */
export const AT_PROVIDER_STATUSES: readonly OrderStatus[] = ['DISPATCHED', 'IN_PROGRESS', 'REOPENED'];

export const isTerminal = (status: OrderStatus) => TERMINAL_STATUSES.includes(status);
export const isAtProvider = (status: OrderStatus) => AT_PROVIDER_STATUSES.includes(status);

const VERB: Record<TransitionAction, string> = {
  ACCEPT: 'accepted',
  DISPATCH: 'dispatched',
  START: 'started',
  RETURN: 'returned',
  RESOLVE: 'resolved',
  REOPEN: 'reopened',
  CLOSE: 'closed',
  CANCEL: 'cancelled',
};

/** What can happen to an order in `status`, in the order of the life above. */
export function nextActions(status: OrderStatus): TransitionAction[] {
  return (Object.keys(TRANSITIONS) as TransitionAction[]).filter((a) => TRANSITIONS[a].from.includes(status));
}

/** The status `action` leads to from `status`; CONFLICT, naming what is possible, when it is not allowed. */
export function nextStatus(orderId: string, status: OrderStatus, action: TransitionAction): OrderStatus {
  const transition = TRANSITIONS[action];
  if (transition.from.includes(status)) return transition.to;
  const possible = nextActions(status);
  throw new ConflictError(
    `Service order ${orderId} is ${status} and cannot be ${VERB[action]}; it can be ${transition.from.join(' or ')} for that. ` +
      (possible.length > 0 ? `What it allows now: ${possible.join(', ')}.` : 'It is finished.'),
    { status, action },
  );
}
