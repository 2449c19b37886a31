import { CommunityDirectory, createService, type ServiceDefinition } from '@sanshe/service-kit';
import { loadSubgraphSdl } from '@sanshe/schemas';
import { parse } from 'graphql';
import { loadActivitiesConfig, type ActivitiesConfig } from './config';
import { ActivityRepository } from './data-access/activity-repository';
import { createModels } from './data-access/models';
import { buildContext, buildResolvers, type ActivitiesContext } from './entry-points/graphql/resolvers';

export const activitiesDefinition: ServiceDefinition<ActivitiesConfig, ActivitiesContext> = {
  name: 'activities',
  build({ connection, events }) {
    const models = createModels(connection);
    const communities = new CommunityDirectory(connection);
    const repo = new ActivityRepository(models, communities);
    return {
      typeDefs: parse(loadSubgraphSdl('activities')),
      resolvers: buildResolvers({ repo, events }),
      contextFor: (base) => buildContext(base, repo),
      outboxModels: [models.Activity],
      consumers: [communities.consumer('activities')],
    };
  },
};

/** Builds the activities subgraph without listening (tests run it in-process). */
export const createActivitiesService = (config: ActivitiesConfig) => createService(activitiesDefinition, config);

/** The test environment's entry: builds the service from an env map, like its process does. */
export const createFromEnv = (env: NodeJS.ProcessEnv) => createActivitiesService(loadActivitiesConfig(env));
