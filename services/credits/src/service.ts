import { createService, type EventFactory, type ServiceDefinition } from '@sanshe/service-kit';
import { CommunityDirectory } from '@sanshe/community-directory';
import { loadSubgraphSdl } from '@sanshe/schemas';
import { parse } from 'graphql';
import type { Connection } from 'mongoose';
import { loadCreditsConfig, type CreditsConfig } from './config';
import { RedemptionRepository, RewardRepository } from './data-access/catalogue-repository';
import { LedgerRepository } from './data-access/ledger-repository';
import { creditsModels, type CreditsModels } from './data-access/models';
import { RankingRepository } from './data-access/ranking-repository';
import { RulesRepository } from './data-access/rules-repository';
import type { LedgerDeps } from './domain/posting';
import type { CreditsPorts } from './domain/ports';
import type { RedeemingDeps } from './domain/redeeming';
import { buildContext, type CreditsContext } from './entry-points/graphql/context';
import { buildResolvers } from './entry-points/graphql/resolvers';
import { creditsConsumers } from './entry-points/kafka/handlers';
import { ledgerJobs } from './entry-points/jobs';

/** The domain's ports filled with the repositories, plus what only the composition root (and tests) reach. */
export interface CreditsApp extends CreditsPorts {
  models: CreditsModels;
  ledger: LedgerRepository;
  rewards: RewardRepository;
  redemptions: RedemptionRepository;
  rankings: RankingRepository;
  rules: RulesRepository;
  directory: CommunityDirectory;
  events: EventFactory;
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
  const redeemingDeps: RedeemingDeps = { ...ledgerDeps, rewards, stock: rewards, redemptions, territory, accounts: ledger };
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
    redeemingDeps,
    expiryDeps: { ...ledgerDeps, rules, ledger },
    repairDeps: { ...redeemingDeps, repairs: ledger },
  };
}

export const creditsDefinition: ServiceDefinition<CreditsConfig, CreditsContext> = {
  name: 'credits',
  async build({ config, connection, events, logger }) {
    const app = wire(connection, events);
    await app.ledger.openIssuingAccount();
    await app.rules.ensureDefaults();
    return {
      typeDefs: parse(loadSubgraphSdl('credits')),
      resolvers: buildResolvers(app),
      contextFor: (base) => buildContext(base, app),
      outboxModels: [app.models.TransferOutcome, app.models.RedemptionStep],
      consumers: creditsConsumers(app, app.directory),
      jobs: ledgerJobs(
        app,
        {
          intervalMs: config.CREDITS_MAINTENANCE_INTERVAL_MS,
          staleAfterMs: config.CREDITS_STALE_AFTER_MS,
          expiryIntervalMs: config.CREDITS_EXPIRY_INTERVAL_MS,
        },
        logger,
      ),
    };
  },
};

/** Builds the credits subgraph without listening (tests run it in-process); its ledger jobs run on the kit's scheduler. */
export const createCreditsService = (config: CreditsConfig) => createService(creditsDefinition, config);

/** The test environment's entry: builds the service from an env map, like its process does. */
export const createFromEnv = (env: NodeJS.ProcessEnv) => createCreditsService(loadCreditsConfig(env));
