import type { EventFactory, PageArgs } from '@sanshe/service-kit';
import type { ServiceOrder, TimelineEntry } from '../../domain/model';
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
import {
  assignedWorkersOf,
  findOrder,
  listMyOrders,
  listOrders,
  referencedOrder,
  trackOrder,
  visibleAddress,
  visibleContactPhone,
  type OrderFilterArgs,
} from '../../domain/order-queries';
import { nextActions } from '../../domain/order-status';
import type { WorkflowDeps } from '../../domain/order-transition';
import type { Clock, ResidentServicesPorts } from '../../domain/ports';
import { resolvedOnTime, respondedOnTime, timeInStatus } from '../../domain/sla';
import { assignWorkers } from '../../domain/worker-assignment';
import type { ResidentServicesContext as Ctx } from './context';

export interface OrderResolverDeps extends ResidentServicesPorts {
  events: EventFactory;
  now: Clock;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const ref = (typename: string, id: string | null) => (id ? { __typename: typename, id } : null);

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
      serviceOrder: (_: unknown, args: { id: string }, ctx: Ctx) => findOrder(ctx, args.id, ctx.loaders.orders),
      trackServiceOrder: (_: unknown, args: { number: string; phone: string }, ctx: Ctx) =>
        trackOrder(ctx, args.number, args.phone, ctx.loaders.orders),
      myServiceOrders: (_: unknown, args: PageArgs, ctx: Ctx) => listMyOrders(ctx, args, deps.orders),
      serviceOrders: (_: unknown, args: PageArgs & { filter: OrderFilterArgs }, ctx: Ctx) =>
        listOrders(ctx, args.filter, args, { orders: deps.orders, communities: ctx.loaders.communities }),
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
      __resolveReference: (reference: { id: string }, ctx: Ctx) => referencedOrder(ctx, reference.id, ctx.loaders.orders),
      id: (o: ServiceOrder) => o._id,
      number: (o: ServiceOrder) => o._id,
      resident: (o: ServiceOrder) => ref('Resident', o.residentId),
      community: (o: ServiceOrder) => ref('Community', o.communityId),
      item: (o: ServiceOrder, _: unknown, ctx: Ctx) => ctx.loaders.items.load(o.itemCode),
      contactPhone: (o: ServiceOrder, _: unknown, ctx: Ctx) => visibleContactPhone(ctx, o),
      address: (o: ServiceOrder, _: unknown, ctx: Ctx) => visibleAddress(ctx, o),
      provider: (o: ServiceOrder) => ref('SocialOrganization', o.providerOrgId),
      helperResidents: (o: ServiceOrder) => o.helperResidentIds.map((id) => ref('Resident', id)),
      assignedWorkers: async (o: ServiceOrder, _: unknown, ctx: Ctx) =>
        (await assignedWorkersOf(o, ctx.loaders.workers)).map((w) => ({
          socialWorker: { __typename: 'SocialWorker', id: w.socialWorkerId },
          maskedName: w.maskedName,
        })),
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
