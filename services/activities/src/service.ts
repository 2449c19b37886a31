import { createService, type ServiceDefinition } from '@sanshe/service-kit';
import { CommunityDirectory } from '@sanshe/community-directory';
import { loadSubgraphSdl } from '@sanshe/schemas';
import { parse } from 'graphql';
import { loadActivitiesConfig, type ActivitiesConfig } from './config';
import { ActivityRepository } from './data-access/activity-repository';
import { CampaignRepository } from './data-access/campaign-repository';
import { BookingRepository } from './data-access/booking-repository';
import { createModels } from './data-access/models';
import { ReadModelRepository } from './data-access/read-model-repository';
import { ResidentRecordRepository } from './data-access/resident-record-repository';
import { StatsRepository } from './data-access/stats-repository';
import { VenueRepository } from './data-access/venue-repository';
import { buildContext, buildResolvers, type ActivitiesContext, type ResolverDeps } from './entry-points/graphql/resolvers';
import { activitiesConsumers } from './entry-points/kafka/handlers';

export const activitiesDefinition: ServiceDefinition<ActivitiesConfig, ActivitiesContext> = {
  name: 'activities',
  build({ config, connection, events, logger }) {
    const models = createModels(connection);
    const communities = new CommunityDirectory(connection);
    const stats = new StatsRepository(models);
    const records = new ResidentRecordRepository(models);
    const readModels = new ReadModelRepository(stats, records);
    const activities = new ActivityRepository(models, communities, readModels, logger);
    const deps: ResolverDeps = {
      activities,
      venues: new VenueRepository(models, communities),
      bookings: new BookingRepository(models),
      stats,
      records,
      campaigns: new CampaignRepository(models),
      events,
      settings: {
        claimGraceMs: config.BOOKING_CLAIM_GRACE_SECONDS * 1000,
        checkInOpensMinutesBefore: config.CHECK_IN_OPENS_MINUTES_BEFORE,
      },
    };
    return {
      typeDefs: parse(loadSubgraphSdl('activities')),
      resolvers: buildResolvers(deps),
      contextFor: (base) => buildContext(base, deps),
      outboxModels: [models.Activity],
      consumers: [communities.consumer('activities'), ...activitiesConsumers({ activities, readModels, homes: records })],
    };
  },
};

/** Builds the activities subgraph without listening (tests run it in-process). */
export const createActivitiesService = (config: ActivitiesConfig) => createService(activitiesDefinition, config);

/** The test environment's entry: builds the service from an env map, like its process does. */
export const createFromEnv = (env: NodeJS.ProcessEnv) => createActivitiesService(loadActivitiesConfig(env));
