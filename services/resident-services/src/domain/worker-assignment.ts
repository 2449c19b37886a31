import { BadInputError, ConflictError, NotFoundError } from '@sanshe/domain-kit';
import { authorizeAny, staffPolicy } from './access';
import type { ServiceOrder } from './model';
import { isAtProvider } from './order-status';
import type { Caller, OrderStore, WorkerDirectory } from './ports';

export interface AssignWorkersDeps {
  orders: Pick<OrderStore, 'get' | 'assignWorkers'>;
  workers: WorkerDirectory;
}

/** A team is a handful of workers; more would be a second order. */
export const MAX_ASSIGNED_WORKERS = 10;

function workerIdsOf(ids: readonly string[]): string[] {
  const list = [...new Set(ids.map((id) => id.trim()))];
  if (list.length === 0 || list.includes(''))
    throw new BadInputError('socialWorkerIds', 'Name at least one social worker (socialWorkerIds), and no empty ids.');
  if (list.length > MAX_ASSIGNED_WORKERS)
    throw new BadInputError('socialWorkerIds', `Assign at most ${MAX_ASSIGNED_WORKERS} social workers to one order.`);
  return list;
}

/**
 * 社工团队执行: the organization an order is dispatched to puts one of its social workers, or
 * a team of them, on the order. Its staff decide (ORG_STAFF of the provider); staff of the
 * order's territory may record it for them. Every worker must be employed by that organization,
 * as social-orgs told us; the write is conditional on status, version and provider, so an
 * order returned or re-dispatched meanwhile is not given the old provider's workers.
 */
export async function assignWorkers(
  id: string,
  socialWorkerIds: readonly string[],
  caller: Caller,
  deps: AssignWorkersDeps,
): Promise<ServiceOrder> {
  const ids = workerIdsOf(socialWorkerIds);
  const order = await deps.orders.get(id);
  if (!order) throw new NotFoundError('ServiceOrder', id);
  const action = `assign social workers to service order ${id}`;
  const policies = [
    staffPolicy(order, action),
    ...(order.providerOrgId ? [{ action, roles: ['ORG_STAFF' as const], scope: { orgId: order.providerOrgId } }] : []),
  ];
  authorizeAny(caller.identity, action, policies);
  const provider = order.providerOrgId;
  if (!provider || !isAtProvider(order.status)) {
    throw new ConflictError(
      provider
        ? `Service order ${id} is ${order.status}; social workers are assigned while it is DISPATCHED, IN_PROGRESS or REOPENED.`
        : `Service order ${id} is not dispatched to a social organization${order.handledInCommunity ? ' (the community handles it itself)' : ''}; dispatch it to a provider first, whose social workers then serve it.`,
      { status: order.status },
    );
  }
  const known = new Map((await deps.workers.workers(ids)).map((w) => [w._id, w]));
  const strangers = ids.filter((w) => known.get(w)?.organizationId !== provider);
  if (strangers.length > 0) {
    throw new BadInputError(
      'socialWorkerIds',
      `${strangers.join(', ')} ${strangers.length === 1 ? 'is not a social worker' : 'are not social workers'} of organization ${provider}, to which order ${id} is dispatched; assign workers registered with that organization (see SocialOrganization.socialWorkers).`,
    );
  }
  const gone = ids.filter((w) => known.get(w)?.leftOn);
  if (gone.length > 0) {
    throw new BadInputError(
      'socialWorkerIds',
      `${gone.map((w) => `${w} left organization ${provider} on ${known.get(w)!.leftOn}`).join('; ')}; assign workers who still work there (see SocialOrganization.socialWorkers).`,
    );
  }
  const updated = await deps.orders.assignWorkers(id, { status: order.status, version: order.version, providerOrgId: provider }, ids);
  if (!updated) {
    throw new ConflictError(
      `Service order ${id} was changed by someone else meanwhile (it was ${order.status}, version ${order.version}); reload it and try again.`,
      {
        status: order.status,
        version: order.version,
      },
    );
  }
  return updated;
}
