import { ConflictError, ForbiddenError, type Identity } from '@sanshe/domain-kit';
import { EventContracts, EventFactory } from '@sanshe/service-kit';
import type { ServiceContract, ServiceOrder } from '../../src/domain/model';
import { closeOrder, dispatchOrder } from '../../src/domain/order-actions';
import type { WorkflowDeps } from '../../src/domain/order-transition';
import type { OrderChange, OrderStore } from '../../src/domain/ports';
import { anOrder, orderThrough } from '../builders/orders';

const staff: Identity = {
  userId: 'u-staff',
  roles: ['COMMUNITY_STAFF'],
  streetIds: [],
  communityIds: ['community-001'],
  orgIds: [],
  residentId: null,
  socialWorkerId: null,
};
const resident: Identity = { ...staff, userId: 'u-resident', roles: ['RESIDENT'], communityIds: [], residentId: 'resident-000001' };
const events = new EventFactory('resident-services', new EventContracts());
const contracts = new EventContracts();

/** An in-memory store with the conditional update of the real one; `race` makes the next write lose. */
function storeOf(order: ServiceOrder) {
  const written: OrderChange[] = [];
  let race = false;
  const store: OrderStore = {
    nextSequence: async () => 1,
    insert: async (o) => o,
    get: async () => structuredClone(order),
    transition: async (_id, expected, change) => {
      if (race || expected.version !== order.version || expected.status !== order.status) return null;
      written.push(change);
      Object.assign(order, change.set, { version: order.version + 1, timeline: [...order.timeline, change.entry] });
      return order;
    },
    escalate: async () => null,
    assignWorkers: async () => null,
    markOverdue: async () => undefined,
  };
  return { store, written, loseNextRace: () => (race = true) };
}

function deps(store: OrderStore, contractList: ServiceContract[] = []): WorkflowDeps {
  return {
    orders: store,
    contracts: { naming: async () => contractList, loadOf: async () => new Map() },
    events,
    now: () => new Date('2026-11-27T02:00:00Z'),
  };
}

const caller = (identity: Identity) => ({ identity, traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });

describe('order steps', () => {
  it('refuses the loser of a race on the same version with CONFLICT', async () => {
    const { store, loseNextRace } = storeOf(orderThrough([['ACCEPT', 'ACCEPTED', '2026-11-27T01:30:00Z']], { version: 2 }));
    loseNextRace();
    await expect(dispatchOrder('JX-20261127-000001', { handleInCommunity: true }, caller(staff), deps(store))).rejects.toThrow(
      new ConflictError(
        'Service order JX-20261127-000001 was changed by someone else meanwhile (it was ACCEPTED, version 2); reload it and try again.',
      ),
    );
  });

  it('dispatches under a contract in force and writes status, step and event together', async () => {
    const order = orderThrough([['ACCEPT', 'ACCEPTED', '2026-11-27T01:30:00Z']], { version: 2 });
    const { store, written } = storeOf(order);
    const contract: ServiceContract = {
      _id: 'k1',
      providerOrgId: 'org-001',
      itemCodes: ['C07-01'],
      communityIds: ['community-001'],
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      endedOn: null,
    };
    const expired = { ...contract, _id: 'k0', providerOrgId: 'org-000', endsOn: '2026-06-30' };
    const after = await dispatchOrder(order._id, {}, caller(staff), deps(store, [expired, contract]));
    expect(after).toMatchObject({ status: 'DISPATCHED', providerOrgId: 'org-001', contractId: 'k1', version: 3 });
    expect(written).toHaveLength(1);
    const [change] = written as [OrderChange];
    expect(change.entry).toMatchObject({
      action: 'DISPATCH',
      from: 'ACCEPTED',
      to: 'DISPATCHED',
      by: 'u-staff',
      byRole: 'COMMUNITY_STAFF',
      providerOrgId: 'org-001',
    });
    expect(change.events).toHaveLength(1);
    expect(change.entry.eventId).toBe(change.events[0]!.id);
  });

  it('emits order.closed exactly as its contract says', async () => {
    const order = orderThrough(
      [
        ['ACCEPT', 'ACCEPTED', '2026-11-27T01:30:00Z'],
        ['DISPATCH', 'DISPATCHED', '2026-11-27T01:40:00Z', 'org-001'],
        ['START', 'IN_PROGRESS', '2026-11-27T01:45:00Z', 'org-001'],
        ['RESOLVE', 'RESOLVED', '2026-11-27T01:50:00Z', 'org-001'],
      ],
      {
        version: 5,
        providerOrgId: 'org-001',
        contractId: 'k1',
        resolvedAt: new Date('2026-11-27T01:50:00Z'),
        helperResidentIds: ['resident-000009'],
      },
    );
    const { store, written } = storeOf(order);
    await closeOrder(order._id, { satisfaction: 5 }, caller(resident), deps(store));
    const event = JSON.parse(written[0]!.events[0]!.payload) as { type: string; data: Record<string, unknown> };
    expect(contracts.check(event.type, event.data)).toBeNull();
    expect(Object.keys(event.data).sort()).toEqual(
      [
        'categoryCode',
        'closedAt',
        'communityId',
        'contractId',
        'helperResidentIds',
        'itemCode',
        'number',
        'orderId',
        'providerOrgId',
        'residentId',
        'resolvedOnTime',
        'satisfaction',
      ].sort(),
    );
    expect(event.data).toMatchObject({
      satisfaction: 5,
      resolvedOnTime: true,
      providerOrgId: 'org-001',
      contractId: 'k1',
      helperResidentIds: ['resident-000009'],
    });
  });

  it('names the workers who served the order in order.closed, so social-orgs can count it in their evaluation', async () => {
    const order = orderThrough(
      [
        ['ACCEPT', 'ACCEPTED', '2026-11-27T01:30:00Z'],
        ['DISPATCH', 'DISPATCHED', '2026-11-27T01:40:00Z', 'org-001'],
        ['START', 'IN_PROGRESS', '2026-11-27T01:45:00Z', 'org-001'],
        ['RESOLVE', 'RESOLVED', '2026-11-27T01:50:00Z', 'org-001'],
      ],
      {
        version: 5,
        providerOrgId: 'org-001',
        contractId: 'k1',
        resolvedAt: new Date('2026-11-27T01:50:00Z'),
        assignedWorkerIds: ['socialworker-001', 'socialworker-002'],
      },
    );
    const { store, written } = storeOf(order);
    await closeOrder(order._id, { satisfaction: 4 }, caller(resident), deps(store));
    const event = JSON.parse(written[0]!.events[0]!.payload) as { type: string; data: Record<string, unknown> };
    expect(contracts.check(event.type, event.data)).toBeNull();
    expect(event.data).toMatchObject({ assignedSocialWorkerIds: ['socialworker-001', 'socialworker-002'], satisfaction: 4 });
  });

  it('closes an order stored before workers could be assigned, naming no workers', async () => {
    const order = orderThrough([['RESOLVE', 'RESOLVED', '2026-11-27T01:50:00Z']], {
      version: 2,
      resolvedAt: new Date('2026-11-27T01:50:00Z'),
    });
    delete (order as Partial<ServiceOrder>).assignedWorkerIds;
    const { store, written } = storeOf(order);
    await closeOrder(order._id, { satisfaction: 5 }, caller(resident), deps(store));
    const event = JSON.parse(written[0]!.events[0]!.payload) as { data: Record<string, unknown> };
    expect(event.data).not.toHaveProperty('assignedSocialWorkerIds');
  });

  it('lets only the resident or staff of the territory close an order', async () => {
    const order = anOrder({ status: 'RESOLVED' });
    const { store } = storeOf(order);
    const neighbour = { ...resident, residentId: 'resident-000002' };
    await expect(closeOrder(order._id, { satisfaction: 5 }, caller(neighbour), deps(store))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
