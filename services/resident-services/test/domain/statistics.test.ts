import { addDelta, bucketOf, providerLoadChange, statisticsDelta, summarize, type StatisticsBucket } from '../../src/domain/statistics';
import { orderThrough } from '../builders/orders';

/** Adds the deltas of every step, as the projection does event by event. */
function replay(order: ReturnType<typeof orderThrough>): StatisticsBucket {
  const bucket: StatisticsBucket = { ...bucketOf(order) };
  order.timeline.forEach((_, i) => addDelta(bucket, statisticsDelta(order, i)));
  return bucket;
}

const lifeWithReturnAndReopening = () =>
  orderThrough(
    [
      ['ACCEPT', 'ACCEPTED', '2026-11-27T01:30:00Z'],
      ['DISPATCH', 'DISPATCHED', '2026-11-27T02:00:00Z', 'org-001'],
      ['RETURN', 'RETURNED', '2026-11-27T03:00:00Z', 'org-001'],
      ['DISPATCH', 'DISPATCHED', '2026-11-27T04:00:00Z', 'org-002'],
      ['START', 'IN_PROGRESS', '2026-11-27T05:00:00Z', 'org-002'],
      ['RESOLVE', 'RESOLVED', '2026-11-27T07:00:00Z', 'org-002'],
      ['REOPEN', 'REOPENED', '2026-11-28T01:00:00Z', 'org-002'],
      ['START', 'IN_PROGRESS', '2026-11-28T02:00:00Z', 'org-002'],
      ['ESCALATE', 'IN_PROGRESS', '2026-11-28T03:00:00Z', 'org-002'],
      ['RESOLVE', 'RESOLVED', '2026-12-01T02:00:00Z', 'org-002'],
      ['CLOSE', 'CLOSED', '2026-12-01T05:00:00Z', 'org-002'],
    ],
    { satisfaction: 3 },
  );

describe('order statistics', () => {
  it('puts an order in the bucket of its community and month of submission, China time', () => {
    expect(bucketOf({ communityId: 'community-001', streetId: 'street-01', submittedAt: new Date('2026-11-30T17:00:00Z') })).toEqual({
      _id: 'community-001:2026-12',
      communityId: 'community-001',
      streetId: 'street-01',
      month: '2026-12',
    });
  });

  it('counts a whole life once: where the order ended, how it went and how long each status lasted', () => {
    const order = lifeWithReturnAndReopening();
    const view = summarize([replay(order)], ['C07']);
    expect(view).toMatchObject({
      submitted: 1,
      closed: 1,
      returned: 1,
      reopened: 1,
      escalated: 1,
      cancelled: 0,
      responseOnTimeRate: 1,
      // resolved on 12-01 02:00, past the deadline of 11-30 01:00
      resolutionOnTimeRate: 0,
      averageSatisfaction: 3,
    });
    expect(view.byStatus.filter((s) => s.count !== 0)).toEqual([{ status: 'CLOSED', count: 1 }]);
    expect(view.byChannel).toContainEqual({ channel: 'APP', count: 1 });
    expect(view.byCategory).toEqual([{ categoryCode: 'C07', count: 1 }]);
    expect(view.satisfaction).toContainEqual({ score: 3, count: 1 });
    const seconds = Object.fromEntries(view.averageTimeInStatus.map((s) => [s.status, s.seconds]));
    expect(seconds).toMatchObject({ SUBMITTED: 1800, RETURNED: 3600, REOPENED: 3600 });
    // two stays in progress: 2 h and 3 days
    expect(seconds.IN_PROGRESS).toBe((2 * 3600 + 3 * 86_400) / 2);
  });

  it('rates nothing when nothing happened yet', () => {
    expect(summarize([], ['C01'])).toMatchObject({
      submitted: 0,
      responseOnTimeRate: null,
      resolutionOnTimeRate: null,
      averageSatisfaction: null,
      averageTimeInStatus: [],
    });
  });

  it("puts an order on a provider's desk while it works on it, and takes it off when it returns or resolves it", () => {
    const order = lifeWithReturnAndReopening();
    const changes = order.timeline.map((_, i) => providerLoadChange(order, i));
    expect(changes.map((c) => (c.add ? `+${c.add}` : c.remove ? `-${c.remove}` : '='))).toEqual([
      '=', // submit
      '=', // accept
      '+org-001',
      '-org-001', // returned
      '+org-002',
      '=', // start
      '-org-002', // resolved
      '+org-002', // reopened
      '=',
      '=', // escalation
      '-org-002',
      '=', // close
    ]);
  });
});
