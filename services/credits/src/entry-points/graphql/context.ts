import { byIdLoader, groupedLoader, type RequestContext } from '@sanshe/service-kit';
import DataLoader from 'dataloader';
import { accountsById, headsById } from '../../domain/accounts';
import { rewardsById, rewardsOfCampaigns, stocksById } from '../../domain/catalogue';
import type { Account, Head } from '../../domain/ledger';
import type { CreditsPorts } from '../../domain/ports';
import { rankingsById, type CommunityRanking } from '../../domain/ranking';
import type { Reward } from '../../domain/redemption';

export interface CreditsContext extends RequestContext {
  accounts: DataLoader<string, Account | null>;
  heads: DataLoader<string, Head>;
  rewards: DataLoader<string, Reward | null>;
  stock: DataLoader<string, number>;
  rankings: DataLoader<string, CommunityRanking | null>;
  rewardsByCampaign: DataLoader<string, Reward[]>;
}

/** Per-request loaders around the domain's batch reads: any number of references costs one query per kind. */
export function buildContext(base: RequestContext, credits: CreditsPorts): CreditsContext {
  return {
    ...base,
    accounts: byIdLoader((ids) => accountsById(ids, credits.ledger)),
    heads: new DataLoader((ids) => headsById(ids, credits.ledger)),
    rewards: byIdLoader((ids) => rewardsById(ids, credits.rewards)),
    stock: new DataLoader((ids) => stocksById(ids, credits.rewards)),
    rankings: byIdLoader((ids) => rankingsById(ids, credits.rankings)),
    rewardsByCampaign: groupedLoader(
      (ids) => rewardsOfCampaigns(ids, credits.rewards),
      (r) => r.campaignId ?? '',
    ),
  };
}

export const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);
