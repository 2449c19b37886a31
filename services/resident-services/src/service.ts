import { createService, type RunningService, type ServiceDefinition } from '@sanshe/service-kit';
import { CommunityDirectory } from '@sanshe/community-directory';
import { loadSubgraphSdl } from '@sanshe/schemas';
import { parse } from 'graphql';
import type { Connection } from 'mongoose';
import { loadResidentServicesConfig, type ResidentServicesConfig } from './config';
import { CatalogueRepository } from './data-access/catalogue-repository';
import { DeadlineWatchRepository } from './data-access/deadline-watch-repository';
import { DirectoryRepository } from './data-access/directory-repository';
import { createModels } from './data-access/models';
import { NoticeRepository } from './data-access/notice-repository';
import { OrderRepository } from './data-access/order-repository';
import { StatisticsRepository } from './data-access/statistics-repository';
import type { ServiceOrder } from './domain/model';
import type { ResidentServicesPorts } from './domain/ports';
import { projectStep } from './domain/projections';
import { sweepDeadlines } from './domain/sla-sweep';
import { buildContext, type ResidentServicesContext } from './entry-points/graphql/context';
import { buildResolvers } from './entry-points/graphql/resolvers';
import { residentServicesConsumers } from './entry-points/kafka/handlers';
import { housekeepingJobs, type Housekeeping } from './entry-points/jobs';

/** The housekeeping of each running instance, by its connection: the kit's scheduler runs it, tests call it directly. */
const housekeeping = new WeakMap<Connection, Housekeeping>();

export const residentServicesDefinition: ServiceDefinition<ResidentServicesConfig, ResidentServicesContext> = {
  name: 'resident-services',
  async build({ config, connection, events, logger }) {
    const models = createModels(connection);
    const communities = new CommunityDirectory(connection);
    const directory = new DirectoryRepository(models, communities);
    const statistics = new StatisticsRepository(models);
    const projections = { statistics, load: directory };
    // Each step is projected right after its write; the consumer of its event repairs what this misses.
    const projectAtOnce = async (order: ServiceOrder, eventId: string) => {
      await projectStep(order, eventId, projections).catch((err: unknown) =>
        logger.warn({ err, orderId: order._id, eventId }, 'could not project an order step yet; its event will'),
      );
    };
    const orders = new OrderRepository(models, projectAtOnce);
    const watch = new DeadlineWatchRepository(models);
    const ports: ResidentServicesPorts = {
      orders,
      catalogue: new CatalogueRepository(models),
      directory,
      notices: new NoticeRepository(models),
      watch,
      statistics,
    };
    const now = () => new Date();
    const work: Housekeeping = {
      sweepDeadlines: (at = now()) => sweepDeadlines(at, { orders, watch, events }),
      archiveFinishedOrders: () => orders.archiveFinished(),
    };
    housekeeping.set(connection, work);
    return {
      typeDefs: parse(loadSubgraphSdl('resident-services')),
      resolvers: buildResolvers({ ...ports, events, now }),
      contextFor: (base) => buildContext(base, ports),
      outboxModels: [models.ServiceOrder, models.Notice],
      consumers: residentServicesConsumers({ communities, readModels: directory, projections: { ...projections, orders } }),
      jobs: housekeepingJobs(work, config.SLA_SWEEP_MS, logger),
    };
  },
};

/** The housekeeping (deadline sweep, archiving) of a running resident-services instance. */
export function housekeepingOf(service: Pick<RunningService, 'connection'>): Housekeeping {
  const work = housekeeping.get(service.connection);
  if (!work) throw new Error('not a resident-services instance: it has no housekeeping');
  return work;
}

/** Builds the resident-services subgraph without listening (tests run it in-process); its housekeeping runs on the kit's scheduler. */
export const createResidentServicesService = (config: ResidentServicesConfig): Promise<RunningService> =>
  createService(residentServicesDefinition, config);

/** The test environment's entry: builds the service from an env map, like its process does. */
export const createFromEnv = (env: NodeJS.ProcessEnv) => createResidentServicesService(loadResidentServicesConfig(env));
