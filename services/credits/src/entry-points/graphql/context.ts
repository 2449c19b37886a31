import { byIdLoader, groupedLoader, type RequestContext } from '@sanshe/service-kit';
import DataLoader from 'dataloader';
import type { RankingDoc } from '../../data-access/models';
import type { Account, Head } from '../../domain/ledger';
import type { Reward } from '../../domain/redemption';
import type { CreditsApp } from '../../wiring';

export interface CreditsContext extends RequestContext {
  accounts: DataLoader<string, Account | null>;
  heads: DataLoader<string, Head>;
  rewards: DataLoader<string, Reward | null>;
  stock: DataLoader<string, number>;
  rankings: DataLoader<string, RankingDoc | null>;
  rewardsByCampaign: DataLoader<string, Reward[]>;
}

/** Per-request loaders: any number of references costs one query per kind. */
export function buildContext(base: RequestContext, app: CreditsApp): CreditsContext {
  return {
    ...base,
    accounts: byIdLoader((ids) => app.ledger.accounts(ids)),
    heads: new DataLoader(async (ids) => {
      const heads = await app.ledger.headsOf(ids);
      return ids.map((id) => heads.get(id)!);
    }),
    rewards: byIdLoader((ids) => app.rewards.rewards(ids)),
    stock: new DataLoader(async (ids) => {
      const stocks = await app.rewards.stocks(ids);
      return ids.map((id) => stocks.get(id) ?? 0);
    }),
    rankings: byIdLoader((ids) => app.rankings.top(ids)),
    rewardsByCampaign: groupedLoader(
      (ids) => app.rewards.ofCampaigns(ids),
      (r) => r.campaignId ?? '',
    ),
  };
}

export const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);
