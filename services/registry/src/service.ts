import { createService, type ServiceDefinition } from '@sanshe/service-kit';
import { loadSubgraphSdl } from '@sanshe/schemas';
import { parse } from 'graphql';
import { loadRegistryConfig, type RegistryConfig } from './config';
import { CommunityRepository } from './data-access/community-repository';
import { createModels } from './data-access/models';
import { buildContext, buildResolvers, type RegistryContext } from './entry-points/graphql/resolvers';
import { registryConsumers } from './entry-points/kafka/handlers';

export const registryDefinition: ServiceDefinition<RegistryConfig, RegistryContext> = {
  name: 'registry',
  build({ connection, events }) {
    const models = createModels(connection);
    const repo = new CommunityRepository(models);
    return {
      typeDefs: parse(loadSubgraphSdl('registry')),
      resolvers: buildResolvers({ repo, events }),
      contextFor: (base) => buildContext(base, repo),
      outboxModels: [models.Community],
      consumers: registryConsumers(repo),
    };
  },
};

/** Builds the registry subgraph without listening (tests run it in-process). */
export const createRegistryService = (config: RegistryConfig) => createService(registryDefinition, config);

/** The test environment's entry: builds the service from an env map, like its process does. */
export const createFromEnv = (env: NodeJS.ProcessEnv) => createRegistryService(loadRegistryConfig(env));
