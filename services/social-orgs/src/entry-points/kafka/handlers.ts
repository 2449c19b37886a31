import type { ConsumerSpec } from '@sanshe/service-kit';
import type { CommunityDirectory } from '@sanshe/community-directory';
import { TOPICS } from '@sanshe/schemas/generated/events';
import { ORDER_CLOSED } from '../../domain/events';
import { onOrderClosed, type PerformanceStore } from '../../domain/performance';
import { onOrderServedByWorkers, type WorkerServiceStore } from '../../domain/worker-service-record';

/**
 * resident-services' closed orders feed contract KPIs and the served-order record of the
 * workers who served them. One group (its committed offsets predate the worker record), and
 * both effects are idempotent by event id. The consumer has validated `data` against the contract.
 */
export function performanceConsumer(store: PerformanceStore, workers: WorkerServiceStore): ConsumerSpec {
  return {
    groupId: 'social-orgs.contract-performance',
    topics: [TOPICS.RESIDENT_SERVICES_V1],
    handlers: {
      [ORDER_CLOSED]: async (event) => {
        await onOrderClosed(event, store);
        await onOrderServedByWorkers(event, workers);
      },
    },
  };
}

/** Every consumer of social-orgs: registry's communities (kept in the local directory) and resident-services' closed orders. */
export function socialOrgsConsumers(deps: {
  directory: Pick<CommunityDirectory, 'consumer'>;
  performance: PerformanceStore;
  workerService: WorkerServiceStore;
}): ConsumerSpec[] {
  return [deps.directory.consumer('social-orgs'), performanceConsumer(deps.performance, deps.workerService)];
}
