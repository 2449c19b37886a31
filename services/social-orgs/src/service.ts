import { createService, type ServiceDefinition } from '@sanshe/service-kit';
import { CommunityDirectory } from '@sanshe/community-directory';
import { loadSubgraphSdl } from '@sanshe/schemas';
import { parse } from 'graphql';
import { loadSocialOrgsConfig, type SocialOrgsConfig } from './config';
import { ContractClaimRepository } from './data-access/contract-claim-repository';
import { ContractRepository } from './data-access/contract-repository';
import { createModels, outboxModels } from './data-access/models';
import { OrganizationRepository } from './data-access/organization-repository';
import { PartyBuildingRepository } from './data-access/party-building-repository';
import { PartyTrainingRepository } from './data-access/party-training-repository';
import { PerformanceRepository } from './data-access/performance-repository';
import { WorkerRepository } from './data-access/worker-repository';
import { WorkerServiceRepository } from './data-access/worker-service-repository';
import { buildContext, type SocialOrgsContext, type SocialOrgsDeps } from './entry-points/graphql/context';
import { buildResolvers } from './entry-points/graphql/resolvers';
import { socialOrgsConsumers } from './entry-points/kafka/handlers';

export const socialOrgsDefinition: ServiceDefinition<SocialOrgsConfig, SocialOrgsContext> = {
  name: 'social-orgs',
  build({ config, connection, events }) {
    const models = createModels(connection);
    const directory = new CommunityDirectory(connection);
    const deps: SocialOrgsDeps = {
      config,
      events,
      directory,
      organizations: new OrganizationRepository(models, directory),
      workers: new WorkerRepository(models, directory),
      contracts: new ContractRepository(models, directory),
      claims: new ContractClaimRepository(models),
      performance: new PerformanceRepository(models),
      workerService: new WorkerServiceRepository(models),
      partyBuilding: new PartyBuildingRepository(models, directory),
      partyTraining: new PartyTrainingRepository(models, directory),
    };
    return {
      typeDefs: parse(loadSubgraphSdl('social-orgs')),
      resolvers: buildResolvers(deps),
      contextFor: (base) => buildContext(base, deps),
      outboxModels: outboxModels(models),
      consumers: socialOrgsConsumers(deps),
    };
  },
};

/** Builds the social-orgs subgraph without listening (tests run it in-process). */
export const createSocialOrgsService = (config: SocialOrgsConfig) => createService(socialOrgsDefinition, config);

/** The test environment's entry: builds the service from an env map, like its process does. */
export const createFromEnv = (env: NodeJS.ProcessEnv) => createSocialOrgsService(loadSocialOrgsConfig(env));
