import { COMMUNITIES, HISTORY_END, residents, SERVICE_CONTRACTS } from '@sanshe/seed-fixtures';
import { validateAnswers } from '../domain/answers';
import { buildCatalogue } from './catalogue';
import { inForce } from '../domain/dispatch';
import { CHANNELS } from '../domain/model';
import { isTerminal, nextStatus, type TransitionAction } from '../domain/order-status';
import { summarize } from '../domain/statistics';
import { seededContracts } from './contracts';
import { deadlineWatchOf, numberCountersOf, providerLoadOf, statisticsOf } from './derived';
import { orderHistory } from './order-history';
import { seededWorkers } from './workers';

describe('the seeded order history', () => {
  const catalogue = buildCatalogue();
  const contracts = seededContracts();
  const workers = seededWorkers();
  const orders = orderHistory(catalogue, contracts, workers);
  const items = new Map(catalogue.items.map((i) => [i._id, i]));
  const people = new Map(residents().map((r) => [r.id, r]));

  it('holds more than 20,000 orders over two years, all channels and all communities, the same on every run', () => {
    expect(orders.length).toBeGreaterThanOrEqual(20_000);
    expect(new Set(orders.map((o) => o._id)).size).toBe(orders.length);
    expect(new Set(orders.map((o) => o.communityId)).size).toBe(COMMUNITIES.length);
    for (const channel of CHANNELS) expect(orders.filter((o) => o.channel === channel).length).toBeGreaterThan(1_000);
    expect(orderHistory(catalogue, contracts, workers).slice(0, 50)).toEqual(orders.slice(0, 50));
    expect(orders.every((o) => o.submittedAt < HISTORY_END)).toBe(true);
  });

  it('takes the orders of people who cannot go out mostly by phone or at their door, with a staff member and consent', () => {
    const careful = orders.filter((o) => people.get(o.residentId)!.careTags.some((t) => t === 'ELDERLY_LIVING_ALONE' || t === 'DISABLED'));
    const assisted = careful.filter((o) => o.channel === 'CALL_CENTER' || o.channel === 'DOOR_TO_DOOR');
    expect(careful.length).toBeGreaterThan(1_000);
    expect(assisted.length / careful.length).toBeGreaterThan(0.8);
    for (const o of orders) expect(o.assistance !== null).toBe(o.channel === 'CALL_CENTER' || o.channel === 'DOOR_TO_DOOR');
  });

  it('keeps every order within the rules of the live service: channels, answers, transitions, deadlines, contracts', () => {
    const byId = new Map(contracts.map((c) => [c._id, c]));
    const problems: string[] = [];
    const check = (ok: boolean, o: { _id: string }, what: string) => {
      if (!ok) problems.push(`${o._id}: ${what}`);
    };
    for (const o of orders) {
      const item = items.get(o.itemCode)!;
      check(item.channels.includes(o.channel), o, `channel ${o.channel}`);
      check(JSON.stringify(validateAnswers(item, o.answers)) === JSON.stringify(o.answers), o, 'answers');
      let status = 'SUBMITTED' as ReturnType<typeof nextStatus>;
      for (const step of o.timeline.slice(1)) {
        if (step.action === 'ESCALATE') continue;
        status = nextStatus(o._id, status, step.action as TransitionAction);
        check(step.to === status, o, `step ${step.action}`);
      }
      check(o.status === status, o, 'status');
      check(o.version === o.timeline.filter((e) => e.action !== 'ESCALATE').length, o, 'version');
      check(o.timeline.filter((e) => e.action === 'ESCALATE').length <= 1, o, 'escalated more than once');
      check(
        o.timeline.every((e, i) => i === 0 || e.at >= o.timeline[i - 1]!.at),
        o,
        'timeline out of order',
      );
      if (o.contractId) {
        const contract = byId.get(o.contractId);
        const dispatchedOn = o.timeline.filter((e) => e.action === 'DISPATCH').at(-1)!.at;
        check(
          !!contract &&
            contract.providerOrgId === o.providerOrgId &&
            contract.itemCodes.includes(o.itemCode) &&
            contract.communityIds.includes(o.communityId) &&
            inForce(contract, new Date(dispatchedOn.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)),
          o,
          `contract ${o.contractId}`,
        );
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('ends with most orders closed, some still open, and plausible rates', () => {
    const view = summarize(
      statisticsOf(orders),
      catalogue.categories.map((c) => c._id),
    );
    expect(view.submitted).toBe(orders.length);
    expect(view.closed / orders.length).toBeGreaterThan(0.85);
    expect(view.responseOnTimeRate).toBeGreaterThan(0.8);
    expect(view.resolutionOnTimeRate).toBeGreaterThan(0.8);
    expect(view.averageSatisfaction).toBeGreaterThan(4);
    expect(view.escalated).toBeGreaterThan(0);
    const open = orders.filter((o) => !isTerminal(o.status));
    expect(open.length).toBeGreaterThan(0);
    expect(view.byStatus.filter((s) => !['CLOSED', 'CANCELLED'].includes(s.status)).reduce((n, s) => n + s.count, 0)).toBe(open.length);
    expect(deadlineWatchOf(orders, HISTORY_END).length).toBeGreaterThan(0);
    const desks = providerLoadOf(orders);
    expect(desks.flatMap((d) => d.openOrderIds).sort()).toEqual(
      open
        .filter((o) => ['DISPATCHED', 'IN_PROGRESS', 'REOPENED'].includes(o.status) && o.providerOrgId)
        .map((o) => o._id)
        .sort(),
    );
    expect(numberCountersOf(orders).length).toBeGreaterThan(700);
  });

  it('dispatches under the shared contract fixture, so contract ids agree with social-orgs', () => {
    expect(contracts.map((c) => c._id)).toEqual(SERVICE_CONTRACTS.map((c) => c.id));
    const underContract = orders.filter((o) => o.contractId !== null);
    expect(underContract.length / orders.length).toBeGreaterThan(0.8);
    // Dispatched before the first contract year (December 2024), orders were handled by the communities themselves.
    const dispatchedIn2024 = orders.filter(
      (o) =>
        o.timeline.some((e) => e.action === 'DISPATCH') &&
        o.timeline.filter((e) => e.action === 'DISPATCH').at(-1)!.at < new Date('2024-12-31T16:00:00Z'),
    );
    expect(dispatchedIn2024.length).toBeGreaterThan(0);
    expect(dispatchedIn2024.every((o) => o.contractId === null && o.handledInCommunity)).toBe(true);
  });

  it('puts social workers of the provider, alone or in a team, on a share of the dispatched and completed orders', () => {
    const employer = new Map(workers.map((w) => [w._id, w.organizationId]));
    const employers = new Set(employer.values());
    // Only social-work agencies and hubs employ social workers; other providers serve with their own staff.
    const withEmployer = orders.filter((o) => o.providerOrgId !== null && employers.has(o.providerOrgId) && o.status !== 'RETURNED');
    const assigned = withEmployer.filter((o) => o.assignedWorkerIds.length > 0);
    expect(assigned.length / withEmployer.length).toBeGreaterThan(0.5);
    expect(assigned.length / withEmployer.length).toBeLessThan(0.7);
    expect(assigned.some((o) => o.assignedWorkerIds.length === 2)).toBe(true);
    expect(assigned.filter((o) => o.status === 'CLOSED').length).toBeGreaterThan(1_000);
    for (const o of assigned) for (const id of o.assignedWorkerIds) expect(employer.get(id)).toBe(o.providerOrgId);
    expect(
      orders.filter((o) => o.providerOrgId === null || !employers.has(o.providerOrgId)).every((o) => o.assignedWorkerIds.length === 0),
    ).toBe(true);
    expect(workers.every((w) => /^.\*+$/u.test(w.maskedName))).toBe(true);
  });
});
