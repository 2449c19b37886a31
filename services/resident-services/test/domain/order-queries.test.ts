import { ANONYMOUS, BadInputError, ForbiddenError, NotFoundError, UnauthenticatedError, type Identity } from '@sanshe/domain-kit';
import type { ServiceOrder } from '../../src/domain/model';
import {
  communityOrders,
  findOrder,
  listMyOrders,
  listOrders,
  residentOrders,
  trackOrder,
  visibleContactPhone,
  workerOrders,
  type CommunityPlace,
  type Lookup,
  type OrderFilter,
  type OrderReader,
} from '../../src/domain/order-queries';
import { anOrder } from '../builders/orders';

/**
 * The read authorization the resolvers used to do, now in the domain: dropping one of these
 * checks fails here in milliseconds, not only in the integration suite.
 */

const who = (changes: Partial<Identity>): Identity => ({ ...ANONYMOUS, userId: 'u1', ...changes });
const as = (identity: Identity) => ({ identity });

/** A lookup over a fixed map that counts what it was asked. */
function lookupOf<V>(values: Record<string, V>, missing: V) {
  const asked: string[] = [];
  const lookup: Lookup<string, V> = {
    load: async (key) => {
      asked.push(key);
      return values[key] ?? missing;
    },
    loadMany: async (keys) => keys.map((k) => values[k] ?? missing),
  };
  return { lookup, asked };
}

function readerOf(orders: ServiceOrder[]) {
  const pages: OrderFilter[] = [];
  const reader: OrderReader = {
    byIds: async (ids) => orders.filter((o) => ids.includes(o._id)),
    ofMany: async () => orders,
    page: async (filter) => {
      pages.push(filter);
      return orders;
    },
  };
  return { reader, pages };
}

const order = anOrder({ providerOrgId: 'org-001', status: 'IN_PROGRESS', contactPhone: '13800001111' });
const communities = lookupOf<CommunityPlace | null>({ 'community-001': { _id: 'community-001', streetId: 'street-01' } }, null);

describe('reading one order', () => {
  it('refuses an anonymous caller before the store is asked', async () => {
    const orders = lookupOf<ServiceOrder | null>({ [order._id]: order }, null);
    await expect(findOrder(as(ANONYMOUS), order._id, orders.lookup)).rejects.toThrow(UnauthenticatedError);
    expect(orders.asked).toEqual([]);
  });

  it('hands the order to its resident and refuses a resident of another order', async () => {
    const orders = lookupOf<ServiceOrder | null>({ [order._id]: order }, null);
    await expect(findOrder(as(who({ roles: ['RESIDENT'], residentId: 'resident-000001' })), order._id, orders.lookup)).resolves.toBe(order);
    await expect(findOrder(as(who({ roles: ['RESIDENT'], residentId: 'resident-000002' })), order._id, orders.lookup)).rejects.toThrow(
      ForbiddenError,
    );
  });

  it('tracks by number and phone only when both match, then within the territory', async () => {
    const orders = lookupOf<ServiceOrder | null>({ [order._id]: order }, null);
    const staff = as(who({ roles: ['COMMUNITY_STAFF'], communityIds: ['community-001'] }));
    await expect(trackOrder(staff, ` ${order._id} `, '138-0000-1111', orders.lookup)).resolves.toBe(order);
    await expect(trackOrder(staff, order._id, '13800002222', orders.lookup)).rejects.toThrow(NotFoundError);
    const elsewhere = as(who({ roles: ['COMMUNITY_STAFF'], communityIds: ['community-002'] }));
    await expect(trackOrder(elsewhere, order._id, '13800001111', orders.lookup)).rejects.toThrow(ForbiddenError);
  });

  it('masks the phone for a provider of another order', () => {
    expect(visibleContactPhone(as(who({ roles: ['ORG_STAFF'], orgIds: ['org-001'] })), order)).toBe('13800001111');
    expect(visibleContactPhone(as(who({ roles: ['ORG_STAFF'], orgIds: ['org-002'] })), order)).not.toBe('13800001111');
  });
});

describe('listing orders', () => {
  it('lists a resident their own orders only, and needs the residentId on their token', async () => {
    const { reader, pages } = readerOf([order]);
    const page = await listMyOrders(as(who({ roles: ['RESIDENT'], residentId: 'resident-000001' })), {}, reader);
    expect(page.edges.map((e) => e.node)).toEqual([order]);
    expect(pages).toEqual([{ residentId: 'resident-000001' }]);
    await expect(listMyOrders(as(who({ roles: ['RESIDENT'] })), {}, reader)).rejects.toThrow(ForbiddenError);
  });

  it('needs a right on one dimension of the filter; the whole district is for district admins and partners', async () => {
    const { reader, pages } = readerOf([order]);
    const deps = { orders: reader, communities: communities.lookup };
    const staff = as(who({ roles: ['COMMUNITY_STAFF'], communityIds: ['community-001'] }));
    await listOrders(staff, { communityId: 'community-001', statuses: ['IN_PROGRESS'] }, {}, deps);
    expect(pages).toEqual([{ communityId: 'community-001', statuses: ['IN_PROGRESS'] }]);
    await expect(listOrders(staff, {}, {}, deps)).rejects.toThrow(ForbiddenError);
    await expect(listOrders(staff, { communityId: 'community-404' }, {}, deps)).rejects.toThrow(NotFoundError);
    await expect(listOrders(as(who({ roles: ['PARTNER'] })), {}, {}, deps)).resolves.toBeDefined();
    await expect(listOrders(as(ANONYMOUS), {}, {}, deps)).rejects.toThrow(UnauthenticatedError);
  });

  it("keeps a community's orders for those serving it, at most `first` of them", async () => {
    const deps = { communities: communities.lookup, ordersOfCommunity: () => lookupOf({ 'community-001': [order, order] }, []).lookup };
    const staff = as(who({ roles: ['COMMUNITY_STAFF'], communityIds: ['community-001'] }));
    await expect(communityOrders(staff, 'community-001', { first: 1 }, deps)).resolves.toEqual([order]);
    await expect(communityOrders(staff, 'community-001', { first: 0 }, deps)).rejects.toThrow(BadInputError);
    const resident = as(who({ roles: ['RESIDENT'], residentId: 'resident-000001', communityIds: ['community-001'] }));
    await expect(communityOrders(resident, 'community-001', {}, deps)).rejects.toThrow(ForbiddenError);
  });

  it("shows staff of one community only that community's orders of a resident", async () => {
    const other = anOrder({ _id: 'JX-20261127-000002', communityId: 'community-002', streetId: 'street-02' });
    const ofResident = lookupOf({ 'resident-000001': [order, other] }, []).lookup;
    const staff = as(who({ roles: ['COMMUNITY_STAFF'], communityIds: ['community-001'] }));
    await expect(residentOrders(staff, 'resident-000001', ofResident)).resolves.toEqual([order]);
    const self = as(who({ roles: ['RESIDENT'], residentId: 'resident-000001' }));
    await expect(residentOrders(self, 'resident-000001', ofResident)).resolves.toEqual([order, other]);
  });

  it("lets a worker's employer read the worker's orders, and no other organization", async () => {
    const deps = {
      workers: lookupOf({ 'worker-1': { _id: 'worker-1', organizationId: 'org-001', maskedName: '张*' } }, null).lookup,
      ordersOfWorker: () => lookupOf({ 'worker-1': [order] }, []).lookup,
    };
    await expect(workerOrders(as(who({ roles: ['ORG_STAFF'], orgIds: ['org-001'] })), 'worker-1', {}, deps)).resolves.toEqual([order]);
    await expect(workerOrders(as(who({ roles: ['ORG_STAFF'], orgIds: ['org-002'] })), 'worker-1', {}, deps)).rejects.toThrow(
      ForbiddenError,
    );
  });
});
