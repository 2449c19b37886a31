import type { Head } from './ledger';
import type { RankingBoard } from './posting';

export interface ResidentAccounts {
  openResidentAccount(residentId: string, communityId: string): Promise<void>;
  moveResident(residentId: string, communityId: string): Promise<void>;
  head(accountId: string): Promise<Head>;
}

/** A resident registered (registry's resident.registered): their account is opened, once. */
export async function residentRegistered(
  data: { residentId: string; communityId: string },
  deps: { accounts: Pick<ResidentAccounts, 'openResidentAccount'> },
): Promise<void> {
  await deps.accounts.openResidentAccount(data.residentId, data.communityId);
}

/**
 * A resident moved (registry's resident.moved): the account follows, and so does their
 * place on the virtue rankings. Every step can be repeated.
 */
export async function residentMoved(
  data: { residentId: string; fromCommunityId: string; toCommunityId: string },
  deps: { accounts: ResidentAccounts; rankings: RankingBoard & { remove(communityId: string, residentId: string): Promise<void> } },
): Promise<void> {
  await deps.accounts.moveResident(data.residentId, data.toCommunityId);
  await deps.rankings.remove(data.fromCommunityId, data.residentId);
  const { state } = await deps.accounts.head(data.residentId);
  if (state.earnedTotal > 0) await deps.rankings.recordEarned(data.toCommunityId, data.residentId, state.earnedTotal);
}
