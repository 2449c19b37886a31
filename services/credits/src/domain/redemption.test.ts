import { redemptionOf, stepId, type RedemptionRequest, type RedemptionStep } from './redemption';

const request: RedemptionRequest = {
  _id: 'r',
  residentId: 'x',
  communityId: 'c',
  rewardId: 'w',
  rewardTitle: '理发券',
  donorUnitId: 'd',
  points: 4,
  createdAt: new Date('2026-11-27T00:00:00Z'),
};
const at = new Date('2026-11-27T01:00:00Z');
const settled = (state: 'COMPLETED' | 'FAILED'): RedemptionStep => ({
  _id: stepId('r', 'SETTLED'),
  redemptionId: 'r',
  step: 'SETTLED',
  state,
  failure: state === 'FAILED' ? 'OUT_OF_STOCK' : null,
  at,
});
const asked: RedemptionStep = {
  _id: stepId('r', 'CANCEL_ASKED'),
  redemptionId: 'r',
  step: 'CANCEL_ASKED',
  reason: '时间冲突',
  by: 'u',
  at,
};
const cancelled: RedemptionStep = { _id: stepId('r', 'CANCELLED'), redemptionId: 'r', step: 'CANCELLED', at };

describe('a redemption’s state, from the steps written so far', () => {
  it('moves from PENDING to COMPLETED or FAILED, then through CANCELLING to CANCELLED', () => {
    expect(redemptionOf(request, []).state).toBe('PENDING');
    expect(redemptionOf(request, [settled('COMPLETED')])).toMatchObject({ state: 'COMPLETED', completedAt: at });
    expect(redemptionOf(request, [settled('FAILED')])).toMatchObject({ state: 'FAILED', failure: 'OUT_OF_STOCK', completedAt: null });
    expect(redemptionOf(request, [settled('COMPLETED'), asked])).toMatchObject({
      state: 'CANCELLING',
      cancelReason: '时间冲突',
      cancelledBy: 'u',
    });
    expect(redemptionOf(request, [cancelled, asked, settled('COMPLETED')])).toMatchObject({ state: 'CANCELLED', cancelledAt: at });
  });
});
