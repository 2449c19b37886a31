import { createService, type RunningService, type ServiceDefinition } from '@sanshe/service-kit';
import { loadSubgraphSdl } from '@sanshe/schemas';
import { parse } from 'graphql';
import { loadCreditsConfig, type CreditsConfig } from './config';
import { buildContext, type CreditsContext } from './entry-points/graphql/context';
import { buildResolvers } from './entry-points/graphql/resolvers';
import { creditsConsumers } from './entry-points/kafka/handlers';
import { LedgerMaintenance } from './entry-points/maintenance';
import { wire } from './wiring';

function defineCredits(onMaintenance?: (maintenance: LedgerMaintenance) => void): ServiceDefinition<CreditsConfig, CreditsContext> {
  return {
    name: 'credits',
    async build({ config, connection, events, logger }) {
      const app = wire(connection, events);
      await app.ledger.openIssuingAccount();
      await app.rules.ensureDefaults();
      onMaintenance?.(
        new LedgerMaintenance(
          app,
          { intervalMs: config.CREDITS_MAINTENANCE_INTERVAL_MS, staleAfterMs: config.CREDITS_STALE_AFTER_MS },
          logger,
        ),
      );
      return {
        typeDefs: parse(loadSubgraphSdl('credits')),
        resolvers: buildResolvers(app),
        contextFor: (base) => buildContext(base, app),
        outboxModels: [app.models.TransferOutcome, app.models.RedemptionStep],
        consumers: creditsConsumers(app),
      };
    },
  };
}

export const creditsDefinition = defineCredits();

/** Builds the credits subgraph without listening (tests run it in-process), with its ledger maintenance running. */
export async function createCreditsService(config: CreditsConfig): Promise<RunningService> {
  let maintenance: LedgerMaintenance | undefined;
  const service = await createService(defineCredits((m) => (maintenance = m)), config);
  maintenance?.start();
  const stopService = service.stop.bind(service);
  service.stop = async () => {
    await maintenance?.stop();
    await stopService();
  };
  return service;
}

/** The test environment's entry: builds the service from an env map, like its process does. */
export const createFromEnv = (env: NodeJS.ProcessEnv) => createCreditsService(loadCreditsConfig(env));
