import { OTHER_SOCIAL_WORKERS, SeededRandom, SOCIAL_WORKERS } from '@sanshe/seed-fixtures';
import { maskName } from '@sanshe/service-kit';
import type { KnownSocialWorker, ServiceOrder } from '../domain/model';

/**
 * resident-services' copy of the social workers social-orgs seeds, as its socialWorker.registered
 * events would have left it: who works for which organization, the name masked.
 */
export function seededWorkers(): KnownSocialWorker[] {
  return [...SOCIAL_WORKERS, ...OTHER_SOCIAL_WORKERS].map((w) => ({
    _id: w.id,
    organizationId: w.organizationId,
    maskedName: maskName(w.name),
  }));
}

/** Share of dispatched orders whose provider put its workers on them (the rest: the provider's staff, unnamed). */
const ASSIGNED_SHARE = 0.6;
/** Share of those served by a team of two. */
const TEAM_SHARE = 0.2;

/**
 * 社会组织承接、社工团队执行: puts workers of the provider on a share of the orders still with it
 * or served by it. Its own random source, so the rest of the history stays what it was.
 */
export function assignSeededWorkers(orders: ServiceOrder[], workers: readonly KnownSocialWorker[]): void {
  const rng = new SeededRandom('sanshe-order-workers');
  const byOrg = new Map<string, KnownSocialWorker[]>();
  for (const w of workers) byOrg.set(w.organizationId, [...(byOrg.get(w.organizationId) ?? []), w]);
  for (const order of orders) {
    const staff = order.providerOrgId ? byOrg.get(order.providerOrgId) : undefined;
    if (!staff || staff.length === 0 || order.status === 'RETURNED' || !rng.chance(ASSIGNED_SHARE)) continue;
    const first = rng.pick(staff);
    const second = staff.length > 1 && rng.chance(TEAM_SHARE) ? rng.pick(staff.filter((w) => w._id !== first._id)) : null;
    order.assignedWorkerIds = second ? [first._id, second._id] : [first._id];
  }
}
