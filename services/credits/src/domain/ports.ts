import type { AccountReads } from './accounts';
import type { Territory } from './access';
import type { CampaignLinkStore, CatalogueDeps, CatalogueReads } from './catalogue';
import type { EarnedPointsTally } from './earned-by-month';
import type { EarningDeps } from './earning';
import type { ExpiryDeps } from './expiry';
import type { LedgerDeps, LedgerStore, RankingBoard } from './posting';
import type { RankingReads } from './ranking';
import type { ReconcileStore } from './reconcile';
import type { RedeemingDeps } from './redeeming';
import type { RedemptionStore, RewardStore } from './redemption';
import type { RepairDeps, RepairStore } from './repair';
import type { ResidentAccounts } from './residents';
import type { RulesStore } from './rules-admin';
import type { StockStore } from './stock';

/**
 * Every port of credits, each store typed by what the use cases and queries ask of it. The
 * composition root (service.ts) fills them with repositories; the entry points hand them
 * to domain functions and never see a repository.
 */
export interface CreditsPorts {
  ledger: LedgerStore & ReconcileStore & RepairStore & EarnedPointsTally & ResidentAccounts & AccountReads & CatalogueDeps['donors'];
  rewards: RewardStore & StockStore & CampaignLinkStore & CatalogueReads;
  redemptions: RedemptionStore;
  rankings: RankingBoard & RankingReads & { remove(communityId: string, residentId: string): Promise<void> };
  rules: RulesStore;
  /** Where communities lie, and which exist: the service's copy of registry's communities. */
  territory: Territory & { knows(communityId: string): Promise<boolean> };
  /** What the use cases take, assembled once. */
  ledgerDeps: LedgerDeps;
  earningDeps: EarningDeps;
  redeemingDeps: RedeemingDeps;
  expiryDeps: ExpiryDeps;
  repairDeps: RepairDeps;
}
