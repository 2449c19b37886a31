import { ConflictError } from '@sanshe/domain-kit';
import { ORDER_STATUSES, type OrderStatus } from './model';
import { nextActions, nextStatus, TRANSITIONS, type TransitionAction } from './order-status';

describe('the order state machine', () => {
  it('walks the whole life, with a return and a reopening', () => {
    const walk: [TransitionAction, OrderStatus][] = [
      ['ACCEPT', 'ACCEPTED'],
      ['DISPATCH', 'DISPATCHED'],
      ['RETURN', 'RETURNED'],
      ['DISPATCH', 'DISPATCHED'],
      ['START', 'IN_PROGRESS'],
      ['RESOLVE', 'RESOLVED'],
      ['REOPEN', 'REOPENED'],
      ['START', 'IN_PROGRESS'],
      ['RESOLVE', 'RESOLVED'],
      ['CLOSE', 'CLOSED'],
    ];
    let status: OrderStatus = 'SUBMITTED';
    for (const [action, expected] of walk) {
      status = nextStatus('JX-1', status, action);
      expect(status).toBe(expected);
    }
  });

  it('lets the resident cancel only before work starts', () => {
    const cancellable = ORDER_STATUSES.filter((s) => nextActions(s).includes('CANCEL'));
    expect(cancellable).toEqual(['SUBMITTED', 'ACCEPTED', 'DISPATCHED', 'RETURNED']);
  });

  it('ends with CLOSED and CANCELLED', () => {
    expect(nextActions('CLOSED')).toEqual([]);
    expect(nextActions('CANCELLED')).toEqual([]);
  });

  it('refuses every transition the table does not list with CONFLICT, naming what is possible', () => {
    for (const status of ORDER_STATUSES) {
      for (const action of Object.keys(TRANSITIONS) as TransitionAction[]) {
        if (TRANSITIONS[action].from.includes(status)) continue;
        expect(() => nextStatus('JX-1', status, action)).toThrow(ConflictError);
      }
    }
    expect(() => nextStatus('JX-1', 'SUBMITTED', 'CLOSE')).toThrow(/is SUBMITTED and cannot be closed.*ACCEPT, CANCEL/);
  });
});
