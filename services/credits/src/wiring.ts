import { type EventFactory } from '@sanshe/service-kit';
import { CommunityDirectory } from '@sanshe/community-directory';
import type { Connection } from 'mongoose';
import { RedemptionRepository, RewardRepository } from './data-access/catalogue-repository';
import { creditsModels, type CreditsModels } from './data-access/models';
import { LedgerRepository } from './data-access/ledger-repository';
import { RankingRepository } from './data-access/ranking-repository';
import { RulesRepository } from './data-access/rules-repository';
import type { Territory } from './domain/access';
import type { EarningDeps } from './domain/earning';
import type { LedgerDeps } from './domain/posting';
import type { RedeemingDeps } from './domain/redeeming';

export interface CreditsApp {
  models: CreditsModels;
  ledger: LedgerRepository;
  rewards: RewardRepository;
  redemptions: RedemptionRepository;
  rankings: RankingRepository;
  rules: RulesRepository;
  directory: CommunityDirectory;
  territory: Territory & { knows(communityId: string): Promise<boolean> };
  events: EventFactory;
  /** What the use-cases take, assembled once. */
  ledgerDeps: LedgerDeps;
  earningDeps: EarningDeps;
  redeemingDeps: RedeemingDeps;
}

/** The composition root: repositories on the service's own connection, and the use-cases' dependencies. */
export function wire(connection: Connection, events: EventFactory): CreditsApp {
  const models = creditsModels(connection);
  const ledger = new LedgerRepository(models);
  const rewards = new RewardRepository(models);
  const redemptions = new RedemptionRepository(models, models);
  const rankings = new RankingRepository(models);
  const rules = new RulesRepository(models);
  const directory = new CommunityDirectory(connection);
  const territory = {
    streetOf: async (communityId: string) => (await directory.get(communityId))?.streetId ?? null,
    knows: async (communityId: string) => (await directory.get(communityId)) !== null,
  };
  const ledgerDeps: LedgerDeps = { store: ledger, rankings, events };
  return {
    models,
    ledger,
    rewards,
    redemptions,
    rankings,
    rules,
    directory,
    territory,
    events,
    ledgerDeps,
    earningDeps: { ...ledgerDeps, rules, accounts: ledger },
    redeemingDeps: { ...ledgerDeps, rewards, stock: rewards, redemptions, territory, accounts: ledger },
  };
}
