import { deadlinesFor, slaVerdict, timeInStatus } from '../../src/domain/sla';
import { anOrder, at, orderThrough } from '../builders/orders';

describe('service levels', () => {
  it('counts the deadlines from submission', () => {
    expect(deadlinesFor({ respondWithinHours: 2, resolveWithinDays: 3 }, at('2026-11-27T01:00:00Z'))).toEqual({
      respondBy: at('2026-11-27T03:00:00Z'),
      resolveBy: at('2026-11-30T01:00:00Z'),
    });
  });

  it('counts the time spent in each status, the current one up to now', () => {
    const order = orderThrough([
      ['ACCEPT', 'ACCEPTED', '2026-11-27T01:30:00Z'],
      ['ESCALATE', 'ACCEPTED', '2026-11-27T01:40:00Z'],
      ['DISPATCH', 'DISPATCHED', '2026-11-27T02:00:00Z'],
    ]);
    expect(timeInStatus(order, at('2026-11-27T03:00:00Z'))).toEqual([
      { status: 'SUBMITTED', seconds: 1800 },
      { status: 'ACCEPTED', seconds: 1800 },
      { status: 'DISPATCHED', seconds: 3600 },
    ]);
  });

  it('stops the clock when the order is finished', () => {
    const order = orderThrough([['CANCEL', 'CANCELLED', '2026-11-27T02:00:00Z']]);
    expect(timeInStatus(order, at('2026-12-27T00:00:00Z'))).toEqual([{ status: 'SUBMITTED', seconds: 3600 }]);
  });
});

describe('the deadline verdict', () => {
  const order = anOrder();

  it('waits until the response deadline', () => {
    expect(slaVerdict(order, at('2026-11-27T02:00:00Z'))).toEqual({
      responseOverdue: false,
      resolutionOverdue: false,
      escalate: null,
      nextCheckAt: order.respondBy,
    });
  });

  it('escalates an order nobody accepted in time, then watches its resolution deadline', () => {
    expect(slaVerdict(order, at('2026-11-27T05:01:00Z'))).toEqual({
      responseOverdue: true,
      resolutionOverdue: false,
      escalate: { reason: 'RESPONSE_OVERDUE', deadline: order.respondBy },
      nextCheckAt: order.resolveBy,
    });
  });

  it('never escalates twice, but still marks a missed resolution deadline', () => {
    const escalated = {
      ...order,
      status: 'ACCEPTED' as const,
      respondedAt: at('2026-11-27T06:00:00Z'),
      escalatedAt: at('2026-11-27T05:01:00Z'),
    };
    expect(slaVerdict(escalated, at('2026-12-01T00:00:00Z'))).toEqual({
      responseOverdue: false,
      resolutionOverdue: true,
      escalate: null,
      nextCheckAt: null,
    });
  });

  it('escalates an order accepted in time but not resolved in time', () => {
    const accepted = { ...order, status: 'IN_PROGRESS' as const, respondedAt: at('2026-11-27T02:00:00Z') };
    expect(slaVerdict(accepted, at('2026-12-01T00:00:00Z'))).toMatchObject({
      resolutionOverdue: true,
      escalate: { reason: 'RESOLUTION_OVERDUE', deadline: order.resolveBy },
    });
  });

  it('keeps an eye on a resolved order past its deadline, which may still be reopened', () => {
    const resolved = { ...order, status: 'RESOLVED' as const, respondedAt: at('2026-11-27T02:00:00Z') };
    const verdict = slaVerdict(resolved, at('2026-12-01T00:00:00Z'));
    expect(verdict).toMatchObject({ resolutionOverdue: false, escalate: null });
    expect(verdict.nextCheckAt!.getTime()).toBe(at('2026-12-01T01:00:00Z').getTime());
  });

  it('forgets a finished order', () => {
    expect(slaVerdict({ ...order, status: 'CLOSED' }, at('2026-12-01T00:00:00Z'))).toEqual({
      responseOverdue: false,
      resolutionOverdue: false,
      escalate: null,
      nextCheckAt: null,
    });
  });
});
