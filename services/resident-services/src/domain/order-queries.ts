import {
  authorize,
  BadInputError,
  ForbiddenError,
  maskAddress,
  maskPhone,
  NotFoundError,
  pageRequest,
  toConnection,
  UnauthenticatedError,
  type Connection,
  type PageArgs,
  type PageRequest,
  type Policy,
} from '@sanshe/domain-kit';
import {
  assertMayReadOrder,
  authorizeAny,
  canReadOrder,
  mayReadOrderPersonalData,
  PROVIDER_ROLES,
  residentPolicy,
  STAFF_ROLES,
} from './access';
import { ORDER_STATUSES, type Channel, type KnownSocialWorker, type OrderStatus, type ServiceOrder } from './model';
import { AT_PROVIDER_STATUSES, OPEN_STATUSES } from './order-status';
import type { Caller, WorkerDirectory } from './ports';

/**
 * The reads of service orders, live and archived alike. Every function here that hands an
 * order (or a list of them) to a caller checks what the caller may see, as the use cases in
 * order-actions.ts and order-intake.ts check what they may change.
 */

export interface OrderFilter {
  residentId?: string;
  communityId?: string;
  streetId?: string;
  providerOrgId?: string;
  statuses?: readonly OrderStatus[];
  channel?: Channel;
}

export interface OrderReader {
  byIds(ids: readonly string[]): Promise<ServiceOrder[]>;
  /** The orders of many parents at once (residents, communities, providers, assigned workers), newest first. */
  ofMany(
    field: 'residentId' | 'communityId' | 'providerOrgId' | 'assignedWorkerIds',
    ids: readonly string[],
    statuses?: readonly OrderStatus[],
  ): Promise<ServiceOrder[]>;
  /** A page of `limit + 1` orders after the cursor key, newest first. */
  page(filter: OrderFilter, page: PageRequest): Promise<ServiceOrder[]>;
}

/** A community this service knows, as far as reads need it: where it lies. */
export interface CommunityPlace {
  _id: string;
  streetId: string;
}

export interface CommunityReader {
  communitiesByIds(ids: readonly string[]): Promise<CommunityPlace[]>;
}

/** One value by key; per request it is a batched lookup (the GraphQL context builds them). */
export interface Lookup<K, V> {
  load(key: K): Promise<V>;
  loadMany(keys: readonly K[]): Promise<(V | Error)[]>;
}

type Reader = Pick<Caller, 'identity'>;

// Batch reads, for the per-request lookups.
export const ordersByIds = (ids: readonly string[], reader: OrderReader) => reader.byIds(ids);
export const ordersOfResidents = (ids: readonly string[], reader: OrderReader) => reader.ofMany('residentId', ids);
export const ordersOfCommunities = (ids: readonly string[], statuses: readonly OrderStatus[], reader: OrderReader) =>
  reader.ofMany('communityId', ids, statuses);
export const ordersOfProviders = (ids: readonly string[], statuses: readonly OrderStatus[], reader: OrderReader) =>
  reader.ofMany('providerOrgId', ids, statuses);
export const communitiesByIds = (ids: readonly string[], reader: CommunityReader) => reader.communitiesByIds(ids);
export const workersByIds = (ids: readonly string[], workers: WorkerDirectory) => workers.workers(ids);

/** The orders of each worker, in the order of `ids`: an order with a team sits under each of its workers. */
export async function ordersOfWorkers(
  ids: readonly string[],
  statuses: readonly OrderStatus[],
  reader: OrderReader,
): Promise<ServiceOrder[][]> {
  const orders = await reader.ofMany('assignedWorkerIds', ids, statuses);
  return ids.map((id) => orders.filter((o) => o.assignedWorkerIds.includes(id)));
}

const requireSignedIn = (caller: Reader, action: string) => {
  if (caller.identity.userId === null) throw new UnauthenticatedError(`Sign in first: to ${action} you need an authenticated caller.`);
};
const samePhone = (a: string, b: string) => a.replace(/[\s-]/g, '') === b.replace(/[\s-]/g, '');

/** An order by id, as the caller may read it; null when unknown. */
export async function findOrder(caller: Reader, id: string, orders: Lookup<string, ServiceOrder | null>): Promise<ServiceOrder | null> {
  // Refused before the store is asked: an anonymous caller learns nothing of whether the order exists.
  requireSignedIn(caller, 'read a service order');
  const order = await orders.load(id);
  if (order) assertMayReadOrder(caller.identity, order);
  return order;
}

/** An order another subgraph refers to: null when unknown, refused when the caller may not read it. */
export async function referencedOrder(
  caller: Reader,
  id: string,
  orders: Lookup<string, ServiceOrder | null>,
): Promise<ServiceOrder | null> {
  const order = await orders.load(id);
  if (order) assertMayReadOrder(caller.identity, order);
  return order;
}

/** An order by its number and the contact phone given at intake: the pair proves the caller's claim. */
export async function trackOrder(
  caller: Reader,
  number: string,
  phone: string,
  orders: Lookup<string, ServiceOrder | null>,
): Promise<ServiceOrder> {
  requireSignedIn(caller, 'track a service order by number and phone');
  const order = await orders.load(number.trim());
  // A wrong phone reads exactly like a wrong number: the pair is what proves the caller's claim.
  // The gateway counts these failures against a tight per-caller budget (brute force).
  if (!order || !samePhone(order.contactPhone, phone)) {
    throw new NotFoundError('ServiceOrder', number, 'No service order has that number and phone; check both with the resident.');
  }
  // Then the same territory as findOrder: the resident, staff and social workers serving them, the provider.
  assertMayReadOrder(caller.identity, order);
  return order;
}

/** One page of the signed-in resident's own orders. */
export async function listMyOrders(caller: Reader, pageArgs: PageArgs, reader: OrderReader): Promise<Connection<ServiceOrder>> {
  const residentId = caller.identity.residentId;
  if (caller.identity.userId !== null && caller.identity.roles.includes('RESIDENT') && !residentId) {
    throw new ForbiddenError('To list your service orders your token must carry your residentId.');
  }
  authorize(caller.identity, { action: 'list your service orders', roles: ['RESIDENT'], scope: { residentId } });
  const page = pageRequest(pageArgs);
  return toConnection(await reader.page({ residentId: residentId! }, page), page.limit, (o) => o._id);
}

export interface OrderFilterArgs {
  communityId?: string | null;
  streetId?: string | null;
  providerOrgId?: string | null;
  statuses?: OrderStatus[] | null;
  channel?: Channel | null;
}

/** A list of orders needs a right on at least one dimension of its filter; the query then intersects them all. */
async function authorizeOrderList(
  caller: Reader,
  filter: OrderFilterArgs,
  communities: Lookup<string, CommunityPlace | null>,
): Promise<void> {
  const action = 'list service orders';
  const policies: Policy[] = [];
  if (filter.communityId) {
    const community = await communities.load(filter.communityId);
    if (!community) throw new NotFoundError('Community', filter.communityId);
    policies.push({
      action,
      roles: [...STAFF_ROLES, 'SOCIAL_WORKER'],
      scope: { communityId: community._id, streetId: community.streetId },
    });
  }
  if (filter.streetId) policies.push({ action, roles: ['DISTRICT_ADMIN', 'STREET_STAFF'], scope: { streetId: filter.streetId } });
  if (filter.providerOrgId) policies.push({ action, roles: [...PROVIDER_ROLES, 'DISTRICT_ADMIN'], scope: { orgId: filter.providerOrgId } });
  // Partners (Open311 apps) read the district's orders masked, as GeoReport's request feed is public.
  if (policies.length === 0) policies.push({ action: `${action} of the whole district`, roles: ['DISTRICT_ADMIN', 'PARTNER'] });
  authorizeAny(caller.identity, action, policies);
}

/** One page of the orders matching the filter, for a caller with a right on one of its dimensions. */
export async function listOrders(
  caller: Reader,
  f: OrderFilterArgs,
  pageArgs: PageArgs,
  deps: { orders: OrderReader; communities: Lookup<string, CommunityPlace | null> },
): Promise<Connection<ServiceOrder>> {
  const page = pageRequest(pageArgs);
  await authorizeOrderList(caller, f, deps.communities);
  const filter: OrderFilter = {
    ...(f.communityId ? { communityId: f.communityId } : {}),
    ...(f.streetId ? { streetId: f.streetId } : {}),
    ...(f.providerOrgId ? { providerOrgId: f.providerOrgId } : {}),
    ...(f.statuses ? { statuses: f.statuses } : {}),
    ...(f.channel ? { channel: f.channel } : {}),
  };
  return toConnection(await deps.orders.page(filter, page), page.limit, (o) => o._id);
}

const MAX_LIST = 200;

/** How many of a nested list to return: `first`, or the fallback, from 1 to 200. */
export function listLength(first: number | null | undefined, fallback: number): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIST)
    throw new BadInputError('first', `"first" must be a whole number from 1 to ${MAX_LIST}.`);
  return n;
}

const statusesOr = (statuses: readonly OrderStatus[] | null | undefined, fallback: readonly OrderStatus[]) =>
  statuses && statuses.length > 0 ? statuses : fallback;

export interface NestedOrderArgs {
  statuses?: OrderStatus[] | null;
  first?: number | null;
}

/** Orders of one set of statuses, per parent; one lookup per set, so parents asked alike share a batch. */
export type OrdersByParent = (statuses: readonly OrderStatus[]) => Lookup<string, ServiceOrder[]>;

/** A community's orders (open ones unless asked otherwise), for the staff and social workers serving it. */
export async function communityOrders(
  caller: Reader,
  communityId: string,
  args: NestedOrderArgs,
  deps: { communities: Lookup<string, CommunityPlace | null>; ordersOfCommunity: OrdersByParent },
): Promise<ServiceOrder[]> {
  const first = listLength(args.first, 50);
  const community = await deps.communities.load(communityId);
  authorize(caller.identity, {
    action: `read the service orders of community ${communityId}`,
    roles: [...STAFF_ROLES, 'SOCIAL_WORKER'],
    scope: { communityId, streetId: community?.streetId ?? null },
  });
  const orders = await deps.ordersOfCommunity(statusesOr(args.statuses, OPEN_STATUSES)).load(communityId);
  return orders.slice(0, first);
}

/** A resident's orders: all of them for the resident; staff, social workers and providers see those they may read one by one. */
export async function residentOrders(
  caller: Reader,
  residentId: string,
  ordersOfResident: Lookup<string, ServiceOrder[]>,
): Promise<ServiceOrder[]> {
  const action = `read the service orders of resident ${residentId}`;
  authorizeAny(caller.identity, action, [residentPolicy(residentId, action), { action, roles: [...STAFF_ROLES, ...PROVIDER_ROLES] }]);
  const orders = await ordersOfResident.load(residentId);
  return orders.filter((o) => canReadOrder(caller.identity, o));
}

/** The orders a social worker is assigned to: for the worker themself, their employer's staff, district admins. */
export async function workerOrders(
  caller: Reader,
  workerId: string,
  args: NestedOrderArgs,
  deps: { workers: Lookup<string, KnownSocialWorker | null>; ordersOfWorker: OrdersByParent },
): Promise<ServiceOrder[]> {
  const first = listLength(args.first, 50);
  const worker = await deps.workers.load(workerId);
  const action = `read the service orders of social worker ${workerId}`;
  authorizeAny(caller.identity, action, [
    { action, roles: ['SOCIAL_WORKER'], scope: { socialWorkerId: workerId } },
    ...(worker ? [{ action, roles: ['ORG_STAFF' as const], scope: { orgId: worker.organizationId } }] : []),
    { action, roles: ['DISTRICT_ADMIN'] },
  ]);
  const statuses = statusesOr(args.statuses, ORDER_STATUSES).filter((s) => ORDER_STATUSES.includes(s));
  const orders = await deps.ordersOfWorker(statuses).load(workerId);
  return orders.slice(0, first);
}

/** The orders on a provider's desk (those at the provider unless asked otherwise), for its staff and district admins. */
export async function providerOrders(
  caller: Reader,
  orgId: string,
  args: NestedOrderArgs,
  ordersOfProvider: OrdersByParent,
): Promise<ServiceOrder[]> {
  const first = listLength(args.first, 50);
  const action = `read the orders assigned to social organization ${orgId}`;
  authorizeAny(caller.identity, action, [{ action, roles: [...PROVIDER_ROLES, 'DISTRICT_ADMIN'], scope: { orgId } }]);
  const statuses = statusesOr(args.statuses, AT_PROVIDER_STATUSES).filter((s) => ORDER_STATUSES.includes(s));
  const orders = await ordersOfProvider(statuses).load(orgId);
  return orders.slice(0, first);
}

/** The contact phone as the caller may see it: whole for those who may read the order's personal data, masked otherwise. */
export const visibleContactPhone = (caller: Reader, order: ServiceOrder): string =>
  mayReadOrderPersonalData(caller.identity, order) ? order.contactPhone : maskPhone(order.contactPhone);

/** The address as the caller may see it, like the contact phone. */
export const visibleAddress = (caller: Reader, order: ServiceOrder): string | null =>
  order.address === null ? null : mayReadOrderPersonalData(caller.identity, order) ? order.address : maskAddress(order.address);

/** The workers assigned to an order, each with the masked name residents are shown ('*' for one not known yet). */
export async function assignedWorkersOf(
  order: ServiceOrder,
  workers: Lookup<string, KnownSocialWorker | null>,
): Promise<{ socialWorkerId: string; maskedName: string }[]> {
  // Orders stored before assignments existed have no list.
  const ids = order.assignedWorkerIds ?? [];
  const known = await workers.loadMany(ids);
  return ids.map((id, i) => {
    const worker = known[i];
    return { socialWorkerId: id, maskedName: worker && !(worker instanceof Error) ? worker.maskedName : '*' };
  });
}
