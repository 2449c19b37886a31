import {
  authorize,
  ForbiddenError,
  maskAddress,
  maskPhone,
  NotFoundError,
  pageRequest,
  UnauthenticatedError,
  toConnection,
  type EventFactory,
  type PageArgs,
  type Policy,
} from '@sanshe/service-kit';
import type { DeadlineWatchRepository } from '../../data-access/deadline-watch-repository';
import type { OrderFilter } from '../../data-access/order-repository';
import { assertMayReadOrder, authorizeAny, mayReadOrderPersonalData, PROVIDER_ROLES, STAFF_ROLES } from '../../domain/access';
import type { OrderStatus, ServiceOrder, TimelineEntry } from '../../domain/model';
import {
  acceptOrder,
  cancelOrder,
  closeOrder,
  dispatchOrder,
  reopenOrder,
  resolveOrder,
  returnOrder,
  startOrder,
  type DispatchInput,
  type ResolveInput,
} from '../../domain/order-actions';
import { submitOrder, type SubmitOrderInput } from '../../domain/order-intake';
import { assignWorkers } from '../../domain/worker-assignment';
import { nextActions } from '../../domain/order-status';
import type { WorkflowDeps } from '../../domain/order-transition';
import type { Clock } from '../../domain/ports';
import { resolvedOnTime, respondedOnTime, timeInStatus } from '../../domain/sla';
import type { Repositories, ResidentServicesContext as Ctx } from './context';

export interface OrderResolverDeps extends Repositories {
  watch: DeadlineWatchRepository;
  events: EventFactory;
  now: Clock;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const ref = (typename: string, id: string | null) => (id ? { __typename: typename, id } : null);
const requireSignedIn = (ctx: Ctx, action: string) => {
  if (ctx.identity.userId === null) throw new UnauthenticatedError(`Sign in first: to ${action} you need an authenticated caller.`);
};
const samePhone = (a: string, b: string) => a.replace(/[\s-]/g, '') === b.replace(/[\s-]/g, '');

interface OrderFilterArgs {
  communityId?: string | null;
  streetId?: string | null;
  providerOrgId?: string | null;
  statuses?: OrderStatus[] | null;
  channel?: OrderFilter['channel'] | null;
}

/** A list of orders needs a right on at least one dimension of its filter; the query then intersects them all. */
async function authorizeOrderList(filter: OrderFilterArgs, ctx: Ctx): Promise<void> {
  const action = 'list service orders';
  const policies: Policy[] = [];
  if (filter.communityId) {
    const community = await ctx.loaders.communities.load(filter.communityId);
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
  authorizeAny(ctx.identity, action, policies);
}

export function orderResolvers(deps: OrderResolverDeps) {
  const workflow: WorkflowDeps = { orders: deps.orders, contracts: deps.directory, events: deps.events, now: deps.now };
  const intake = {
    orders: deps.orders,
    catalogue: deps.catalogue,
    directory: deps.directory,
    watch: deps.watch,
    events: deps.events,
    now: deps.now,
  };

  return {
    Query: {
      serviceOrder: async (_: unknown, args: { id: string }, ctx: Ctx) => {
        // Refused before the store is asked: an anonymous caller learns nothing of whether the order exists.
        requireSignedIn(ctx, 'read a service order');
        const order = await ctx.loaders.orders.load(args.id);
        if (order) assertMayReadOrder(ctx.identity, order);
        return order;
      },
      trackServiceOrder: async (_: unknown, args: { number: string; phone: string }, ctx: Ctx) => {
        requireSignedIn(ctx, 'track a service order by number and phone');
        const order = await ctx.loaders.orders.load(args.number.trim());
        // A wrong phone reads exactly like a wrong number: the pair is what proves the caller's claim.
        // The gateway counts these failures against a tight per-caller budget (brute force).
        if (!order || !samePhone(order.contactPhone, args.phone)) {
          throw new NotFoundError('ServiceOrder', args.number, 'No service order has that number and phone; check both with the resident.');
        }
        // Then the same territory as serviceOrder: the resident, staff and social workers serving them, the provider.
        assertMayReadOrder(ctx.identity, order);
        return order;
      },
      myServiceOrders: async (_: unknown, args: PageArgs, ctx: Ctx) => {
        const residentId = ctx.identity.residentId;
        if (ctx.identity.userId !== null && ctx.identity.roles.includes('RESIDENT') && !residentId) {
          throw new ForbiddenError('To list your service orders your token must carry your residentId.');
        }
        authorize(ctx.identity, { action: 'list your service orders', roles: ['RESIDENT'], scope: { residentId } });
        const page = pageRequest(args);
        return toConnection(await deps.orders.page({ residentId: residentId! }, page), page.limit, (o) => o._id);
      },
      serviceOrders: async (_: unknown, args: PageArgs & { filter: OrderFilterArgs }, ctx: Ctx) => {
        const page = pageRequest(args);
        await authorizeOrderList(args.filter, ctx);
        const f = args.filter;
        const filter: OrderFilter = {
          ...(f.communityId ? { communityId: f.communityId } : {}),
          ...(f.streetId ? { streetId: f.streetId } : {}),
          ...(f.providerOrgId ? { providerOrgId: f.providerOrgId } : {}),
          ...(f.statuses ? { statuses: f.statuses } : {}),
          ...(f.channel ? { channel: f.channel } : {}),
        };
        return toConnection(await deps.orders.page(filter, page), page.limit, (o) => o._id);
      },
    },
    Mutation: {
      submitServiceOrder: (_: unknown, args: { input: SubmitOrderInput }, ctx: Ctx) => submitOrder(args.input, ctx, intake),
      acceptServiceOrder: (_: unknown, args: { id: string; note?: string | null }, ctx: Ctx) =>
        acceptOrder(args.id, args.note, ctx, workflow),
      dispatchServiceOrder: (_: unknown, args: { input: DispatchInput & { id: string } }, ctx: Ctx) =>
        dispatchOrder(args.input.id, args.input, ctx, workflow),
      startServiceOrder: (_: unknown, args: { id: string; note?: string | null }, ctx: Ctx) =>
        startOrder(args.id, args.note, ctx, workflow),
      returnServiceOrder: (_: unknown, args: { id: string; reason: string }, ctx: Ctx) => returnOrder(args.id, args.reason, ctx, workflow),
      resolveServiceOrder: (_: unknown, args: { input: ResolveInput & { id: string } }, ctx: Ctx) =>
        resolveOrder(args.input.id, args.input, ctx, workflow),
      closeServiceOrder: (_: unknown, args: { input: { id: string; satisfaction: number; comment?: string | null } }, ctx: Ctx) =>
        closeOrder(args.input.id, args.input, ctx, workflow),
      reopenServiceOrder: (_: unknown, args: { id: string; reason: string }, ctx: Ctx) => reopenOrder(args.id, args.reason, ctx, workflow),
      cancelServiceOrder: (_: unknown, args: { id: string; reason?: string | null }, ctx: Ctx) =>
        cancelOrder(args.id, args.reason, ctx, workflow),
      assignServiceOrderWorkers: (_: unknown, args: { input: { id: string; socialWorkerIds: string[] } }, ctx: Ctx) =>
        assignWorkers(args.input.id, args.input.socialWorkerIds, ctx, { orders: deps.orders, workers: deps.directory }),
    },
    ServiceOrder: {
      __resolveReference: async (reference: { id: string }, ctx: Ctx) => {
        const order = await ctx.loaders.orders.load(reference.id);
        if (order) assertMayReadOrder(ctx.identity, order);
        return order;
      },
      id: (o: ServiceOrder) => o._id,
      number: (o: ServiceOrder) => o._id,
      resident: (o: ServiceOrder) => ref('Resident', o.residentId),
      community: (o: ServiceOrder) => ref('Community', o.communityId),
      item: (o: ServiceOrder, _: unknown, ctx: Ctx) => ctx.loaders.items.load(o.itemCode),
      contactPhone: (o: ServiceOrder, _: unknown, ctx: Ctx) =>
        mayReadOrderPersonalData(ctx.identity, o) ? o.contactPhone : maskPhone(o.contactPhone),
      address: (o: ServiceOrder, _: unknown, ctx: Ctx) =>
        o.address === null ? null : mayReadOrderPersonalData(ctx.identity, o) ? o.address : maskAddress(o.address),
      provider: (o: ServiceOrder) => ref('SocialOrganization', o.providerOrgId),
      helperResidents: (o: ServiceOrder) => o.helperResidentIds.map((id) => ref('Resident', id)),
      // Orders stored before assignments existed have no list.
      assignedWorkers: async (o: ServiceOrder, _: unknown, ctx: Ctx) => {
        const known = await ctx.loaders.workers.loadMany(o.assignedWorkerIds ?? []);
        return (o.assignedWorkerIds ?? []).map((id, i) => {
          const worker = known[i];
          return {
            socialWorker: { __typename: 'SocialWorker', id },
            maskedName: worker && !(worker instanceof Error) ? worker.maskedName : '*',
          };
        });
      },
      deadlines: (o: ServiceOrder) => o,
      submittedAt: (o: ServiceOrder) => iso(o.submittedAt),
      closedAt: (o: ServiceOrder) => iso(o.closedAt),
      timeInStatus: (o: ServiceOrder) => timeInStatus(o, deps.now()),
      nextActions: (o: ServiceOrder) => nextActions(o.status),
    },
    ServiceOrderDeadlines: {
      respondBy: (o: ServiceOrder) => iso(o.respondBy),
      resolveBy: (o: ServiceOrder) => iso(o.resolveBy),
      respondedAt: (o: ServiceOrder) => iso(o.respondedAt),
      resolvedAt: (o: ServiceOrder) => iso(o.resolvedAt),
      respondedOnTime: (o: ServiceOrder) => respondedOnTime(o),
      resolvedOnTime: (o: ServiceOrder) => resolvedOnTime(o),
      escalatedAt: (o: ServiceOrder) => iso(o.escalatedAt),
    },
    TimelineEntry: {
      at: (e: TimelineEntry) => iso(e.at),
      provider: (e: TimelineEntry) => ref('SocialOrganization', e.providerOrgId),
    },
  };
}
