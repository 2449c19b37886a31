import type { ConsumerSpec } from '@sanshe/service-kit';
import { TOPICS } from '@sanshe/schemas/generated/events';
import { ORDER_CLOSED } from '../../domain/events';
import { onOrderClosed, type PerformanceStore } from '../../domain/performance';

/** Contract KPIs learn from resident-services' closed orders. The consumer has validated `data` against the contract. */
export function performanceConsumer(store: PerformanceStore): ConsumerSpec {
  return {
    groupId: 'social-orgs.contract-performance',
    topics: [TOPICS.RESIDENT_SERVICES_V1],
    handlers: { [ORDER_CLOSED]: (event) => onOrderClosed(event, store) },
  };
}
