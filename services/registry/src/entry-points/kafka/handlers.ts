import type { ConsumerSpec } from '@sanshe/service-kit';
import { TOPICS } from '@sanshe/schemas/generated/events';
import { ACTIVITY_PUBLISHED, RESIDENT_MOVED, RESIDENT_REGISTERED } from '../../domain/events';
import { onActivityPublished, onResidentMoved, onResidentRegistered, type CounterStore } from '../../domain/statistics';

// Each handler is typed by its event type; the consumer has validated `data` against that contract before it runs.
export function registryConsumers(counters: CounterStore): ConsumerSpec[] {
  return [
    {
      groupId: 'registry.activity-counters',
      topics: [TOPICS.ACTIVITIES_V1],
      handlers: {
        [ACTIVITY_PUBLISHED]: (event) => onActivityPublished(counters, event),
      },
    },
    {
      // Registry follows its own resident events to keep the communities' resident counters,
      // so districtOverview reads 71 counters instead of counting 24,000 residents.
      groupId: 'registry.resident-counters',
      topics: [TOPICS.REGISTRY_V1],
      handlers: {
        [RESIDENT_REGISTERED]: (event) => onResidentRegistered(counters, event),
        [RESIDENT_MOVED]: (event) => onResidentMoved(counters, event),
      },
    },
  ];
}
