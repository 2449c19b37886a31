import type { CloudEvent, ConsumerSpec } from '@sanshe/service-kit';
import { ACTIVITY_PUBLISHED, RESIDENT_MOVED, RESIDENT_REGISTERED } from '../../domain/events';
import { onActivityPublished, onResidentMoved, onResidentRegistered, type CounterStore } from '../../domain/statistics';

// The consumer has validated `data` against the contract before a handler runs.
export function registryConsumers(counters: CounterStore): ConsumerSpec[] {
  return [
    {
      groupId: 'registry.activity-counters',
      topics: ['sanshe.activities.v1'],
      handlers: {
        [ACTIVITY_PUBLISHED]: (event) => onActivityPublished(counters, event as CloudEvent<{ communityId: string }>),
      },
    },
    {
      // Registry follows its own resident events to keep the communities' resident counters,
      // so districtOverview reads 71 counters instead of counting 24,000 residents.
      groupId: 'registry.resident-counters',
      topics: ['sanshe.registry.v1'],
      handlers: {
        [RESIDENT_REGISTERED]: (event) => onResidentRegistered(counters, event as CloudEvent<{ residentId: string; communityId: string }>),
        [RESIDENT_MOVED]: (event) => onResidentMoved(counters, event as CloudEvent<{ residentId: string; fromCommunityId: string; toCommunityId: string }>),
      },
    },
  ];
}
