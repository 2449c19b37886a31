import { authorize, BadInputError } from '@sanshe/service-kit';
import { authorizeAny, canReadOrder, PROVIDER_ROLES, residentPolicy, STAFF_ROLES } from '../../domain/access';
import { ORDER_STATUSES, type NoticeKind, type OrderStatus } from '../../domain/model';
import { AT_PROVIDER_STATUSES, OPEN_STATUSES } from '../../domain/order-status';
import type { ResidentServicesContext as Ctx } from './context';

/** Fields resident-services adds to other contexts' entities; every list is batched across parents. */

const MAX_LIST = 200;

function firstOf(first: number | null | undefined, fallback: number): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIST)
    throw new BadInputError('first', `"first" must be a whole number from 1 to ${MAX_LIST}.`);
  return n;
}

const statusesOr = (statuses: OrderStatus[] | null | undefined, fallback: readonly OrderStatus[]) =>
  statuses && statuses.length > 0 ? statuses : fallback;

export function entityResolvers() {
  return {
    Community: {
      serviceOrders: async (c: { id: string }, args: { statuses?: OrderStatus[] | null; first?: number | null }, ctx: Ctx) => {
        const first = firstOf(args.first, 50);
        const community = await ctx.loaders.communities.load(c.id);
        authorize(ctx.identity, {
          action: `read the service orders of community ${c.id}`,
          roles: [...STAFF_ROLES, 'SOCIAL_WORKER'],
          scope: { communityId: c.id, streetId: community?.streetId ?? null },
        });
        const orders = await ctx.loaders.ordersOfCommunity(statusesOr(args.statuses, OPEN_STATUSES)).load(c.id);
        return orders.slice(0, first);
      },
      notices: async (c: { id: string }, args: { kind?: NoticeKind | null; first?: number | null }, ctx: Ctx) => {
        const first = firstOf(args.first, 10);
        const community = await ctx.loaders.communities.load(c.id);
        const notices = await ctx.loaders
          .noticesReaching(args.kind ?? null)
          .load({ communityId: c.id, streetId: community?.streetId ?? null });
        return notices.slice(0, first);
      },
    },
    Resident: {
      serviceOrders: async (r: { id: string }, _: unknown, ctx: Ctx) => {
        const action = `read the service orders of resident ${r.id}`;
        // The resident sees all; staff, social workers and providers see those they may read one by one.
        authorizeAny(ctx.identity, action, [residentPolicy(r.id, action), { action, roles: [...STAFF_ROLES, ...PROVIDER_ROLES] }]);
        const orders = await ctx.loaders.ordersOfResident.load(r.id);
        return orders.filter((o) => canReadOrder(ctx.identity, o));
      },
    },
    SocialWorker: {
      serviceOrders: async (w: { id: string }, args: { statuses?: OrderStatus[] | null; first?: number | null }, ctx: Ctx) => {
        const first = firstOf(args.first, 50);
        const worker = await ctx.loaders.workers.load(w.id);
        const action = `read the service orders of social worker ${w.id}`;
        // The worker themself, their employer's staff, district admins.
        authorizeAny(ctx.identity, action, [
          { action, roles: ['SOCIAL_WORKER'], scope: { socialWorkerId: w.id } },
          ...(worker ? [{ action, roles: ['ORG_STAFF' as const], scope: { orgId: worker.organizationId } }] : []),
          { action, roles: ['DISTRICT_ADMIN'] },
        ]);
        const statuses = statusesOr(args.statuses, ORDER_STATUSES).filter((s) => ORDER_STATUSES.includes(s));
        const orders = await ctx.loaders.ordersOfWorker(statuses).load(w.id);
        return orders.slice(0, first);
      },
    },
    SocialOrganization: {
      assignedServiceOrders: async (org: { id: string }, args: { statuses?: OrderStatus[] | null; first?: number | null }, ctx: Ctx) => {
        const first = firstOf(args.first, 50);
        const action = `read the orders assigned to social organization ${org.id}`;
        authorizeAny(ctx.identity, action, [{ action, roles: [...PROVIDER_ROLES, 'DISTRICT_ADMIN'], scope: { orgId: org.id } }]);
        const statuses = statusesOr(args.statuses, AT_PROVIDER_STATUSES).filter((s) => ORDER_STATUSES.includes(s));
        const orders = await ctx.loaders.ordersOfProvider(statuses).load(org.id);
        return orders.slice(0, first);
      },
    },
  };
}
