import { authorize, BadInputError, type Identity } from '@sanshe/domain-kit';
import type { AccountLookup } from './accounts';
import type { Territory } from './access';

/** A place on a community's virtue ranking (积分榜): points earned, never lowered by spending. */
export interface RankEntry {
  residentId: string;
  earned: number;
}

/** A community's virtue ranking, as kept: its best residents, by points earned. */
export interface CommunityRanking {
  /** The community's id. */
  _id: string;
  top: RankEntry[];
}

/** What reading rankings asks of the store. */
export interface RankingReads {
  /** One query per batch; communities without a ranking are absent. */
  top(communityIds: readonly string[]): Promise<CommunityRanking[]>;
}

/** Rankings by community id, for a per-request batch; callers authorize what they show. */
export const rankingsById = (communityIds: readonly string[], store: RankingReads): Promise<CommunityRanking[]> => store.top(communityIds);

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

/** A place on the ranking as shown: 1 is the best. */
export interface RankedResident {
  rank: number;
  residentId: string;
  earned: number;
}

/**
 * The first `first` places (default 10, at most RANKING_SIZE) of a community's virtue
 * ranking, for callers allowed to see it (see authorizeRankingRead).
 */
export async function virtueRanking(
  identity: Identity,
  communityId: string,
  firstArg: number | null | undefined,
  deps: AccountLookup & { ranking(communityId: string): Promise<CommunityRanking | null> },
): Promise<RankedResident[]> {
  const first = firstArg ?? 10;
  if (!Number.isInteger(first) || first < 1 || first > RANKING_SIZE)
    throw new BadInputError('first', `"first" must be a whole number from 1 to ${RANKING_SIZE}.`);
  const own = identity.residentId ? await deps.account(identity.residentId) : null;
  await authorizeRankingRead(identity, deps.territory, communityId, own?.communityId ?? null);
  const ranking = await deps.ranking(communityId);
  return (ranking?.top ?? []).slice(0, first).map((entry, i) => ({ rank: i + 1, residentId: entry.residentId, earned: entry.earned }));
}
