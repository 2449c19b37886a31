import { communityNotices } from '../../domain/notice-queries';
import type { NoticeKind } from '../../domain/model';
import { communityOrders, providerOrders, residentOrders, workerOrders, type NestedOrderArgs } from '../../domain/order-queries';
import type { ResidentServicesContext as Ctx } from './context';

/** Fields resident-services adds to other contexts' entities; every list is batched across parents. */
export function entityResolvers() {
  return {
    Community: {
      serviceOrders: (c: { id: string }, args: NestedOrderArgs, ctx: Ctx) =>
        communityOrders(ctx, c.id, args, { communities: ctx.loaders.communities, ordersOfCommunity: ctx.loaders.ordersOfCommunity }),
      notices: (c: { id: string }, args: { kind?: NoticeKind | null; first?: number | null }, ctx: Ctx) =>
        communityNotices(c.id, args, { communities: ctx.loaders.communities, noticesReaching: ctx.loaders.noticesReaching }),
    },
    Resident: {
      serviceOrders: (r: { id: string }, _: unknown, ctx: Ctx) => residentOrders(ctx, r.id, ctx.loaders.ordersOfResident),
    },
    SocialWorker: {
      serviceOrders: (w: { id: string }, args: NestedOrderArgs, ctx: Ctx) =>
        workerOrders(ctx, w.id, args, { workers: ctx.loaders.workers, ordersOfWorker: ctx.loaders.ordersOfWorker }),
    },
    SocialOrganization: {
      assignedServiceOrders: (org: { id: string }, args: NestedOrderArgs, ctx: Ctx) =>
        providerOrders(ctx, org.id, args, ctx.loaders.ordersOfProvider),
    },
  };
}
