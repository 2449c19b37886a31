import { createService, type ServiceDefinition } from '@sanshe/service-kit';
import { loadSubgraphSdl } from '@sanshe/schemas';
import { parse } from 'graphql';
import type { ActivitiesConfig } from './config';
import { ActivityRepository } from './data-access/activity-repository';
import { createModels } from './data-access/models';
import { buildContext, buildResolvers, type ActivitiesContext } from './entry-points/graphql/resolvers';
import { activitiesConsumers } from './entry-points/kafka/handlers';

export const activitiesDefinition: ServiceDefinition<ActivitiesConfig, ActivitiesContext> = {
  name: 'activities',
  build({ connection, events }) {
    const models = createModels(connection);
    const repo = new ActivityRepository(models);
    return {
      typeDefs: parse(loadSubgraphSdl('activities')),
      resolvers: buildResolvers({ repo, events }),
      contextFor: (base) => buildContext(base, repo),
      outboxModels: [models.Activity],
      consumers: activitiesConsumers(repo),
    };
  },
};

/** Builds the activities subgraph without listening (tests run it in-process). */
export const createActivitiesService = (config: ActivitiesConfig) => createService(activitiesDefinition, config);
