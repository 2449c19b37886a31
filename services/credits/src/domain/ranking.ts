import { authorize, type Identity } from '@sanshe/domain-kit';
import type { Territory } from './access';

/** A place on a community's virtue ranking (积分榜): points earned, never lowered by spending. */
export interface RankEntry {
  residentId: string;
  earned: number;
}

/** Each community keeps its best this many; a query asks for at most as many. */
export const RANKING_SIZE = 100;

const byMerit = (a: RankEntry, b: RankEntry) => b.earned - a.earned || (a.residentId < b.residentId ? -1 : 1);

/**
 * The ranking with a resident's points earned recorded, or null when nothing changes.
 * Earned points only grow, so keeping the highest value makes recording repeatable and
 * lets updates arrive in any order.
 */
export function recordOnRanking(top: RankEntry[], residentId: string, earned: number, size = RANKING_SIZE): RankEntry[] | null {
  const current = top.find((r) => r.residentId === residentId);
  if (current && current.earned >= earned) return null;
  const next = [...top.filter((r) => r.residentId !== residentId), { residentId, earned }].sort(byMerit).slice(0, size);
  return next.some((r) => r.residentId === residentId) ? next : null;
}

export function removeFromRanking(top: RankEntry[], residentId: string): RankEntry[] | null {
  return top.some((r) => r.residentId === residentId) ? top.filter((r) => r.residentId !== residentId) : null;
}

/**
 * Staff and social workers of the community, its street, the district — and residents of
 * the community itself (`callerCommunityId`: the community of the caller's own account).
 */
export async function authorizeRankingRead(
  identity: Identity,
  territory: Territory,
  communityId: string,
  callerCommunityId: string | null,
): Promise<void> {
  authorize(identity, {
    action: `see the virtue ranking of community ${communityId}`,
    roles: ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF', 'SOCIAL_WORKER', 'RESIDENT'],
    scope: {
      communityId,
      streetId: await territory.streetOf(communityId),
      residentId: callerCommunityId === communityId ? identity.residentId : null,
    },
  });
}
