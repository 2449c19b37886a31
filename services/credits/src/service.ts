import { createService, type ServiceDefinition } from '@sanshe/service-kit';
import { loadSubgraphSdl } from '@sanshe/schemas';
import { parse } from 'graphql';
import { loadCreditsConfig, type CreditsConfig } from './config';
import { buildContext, type CreditsContext } from './entry-points/graphql/context';
import { buildResolvers } from './entry-points/graphql/resolvers';
import { creditsConsumers } from './entry-points/kafka/handlers';
import { ledgerJobs } from './entry-points/jobs';
import { wire } from './wiring';

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
      consumers: creditsConsumers(app),
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
