import { createService, type RunningService, type ServiceDefinition } from '@sanshe/service-kit';
import { loadSubgraphSdl } from '@sanshe/schemas';
import { parse } from 'graphql';
import { loadRegistryConfig, type RegistryConfig } from './config';
import { CoBuildingRepository } from './data-access/co-building-repository';
import { DistrictLinkageRepository } from './data-access/district-linkage-repository';
import { createModels, outboxModels } from './data-access/models';
import { PlatformRepository } from './data-access/platform-repository';
import { PartyRepository } from './data-access/party-repository';
import { ResidentRepository } from './data-access/resident-repository';
import { StatisticsRepository } from './data-access/statistics-repository';
import { TerritoryRepository } from './data-access/territory-repository';
import { buildContext, type RegistryContext, type RegistryDeps } from './entry-points/graphql/context';
import { buildResolvers } from './entry-points/graphql/resolvers';
import { registryConsumers } from './entry-points/kafka/handlers';

function defineRegistry(): ServiceDefinition<RegistryConfig, RegistryContext> {
  return {
    name: 'registry',
    build({ config, connection, events }) {
      const models = createModels(connection);
      const statistics = new StatisticsRepository(models);
      const territory = new TerritoryRepository(models);
      const deps: RegistryDeps = {
        territory,
        party: new PartyRepository(models),
        residents: new ResidentRepository(models),
        coBuilding: new CoBuildingRepository(models),
        districtLinkage: new DistrictLinkageRepository(models, territory),
        statistics,
        platform: new PlatformRepository(models),
        events,
        district: { id: config.DISTRICT_ID, name: config.DISTRICT_NAME, population: config.DISTRICT_POPULATION },
      };
      return {
        typeDefs: parse(loadSubgraphSdl('registry')),
        resolvers: buildResolvers(deps),
        contextFor: (base) => buildContext(base, deps),
        outboxModels: outboxModels(models),
        consumers: registryConsumers(statistics),
      };
    },
  };
}

export const registryDefinition = defineRegistry();

/** Builds the registry subgraph without listening (tests run it in-process). */
export async function createRegistryService(config: RegistryConfig): Promise<RunningService> {
  return createService(registryDefinition, config);
}

/** The test environment's entry: builds the service from an env map, like its process does. */
export const createFromEnv = (env: NodeJS.ProcessEnv) => createRegistryService(loadRegistryConfig(env));
