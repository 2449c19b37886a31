import type { CloudEvent, ConsumerSpec } from '@sanshe/service-kit';
import { ACTIVITY_PUBLISHED, onActivityPublished, type CommunityStore } from '../../domain/community';

export function registryConsumers(store: CommunityStore): ConsumerSpec[] {
  return [
    {
      groupId: 'registry.activity-facts',
      topics: ['sanshe.activities.v1'],
      handlers: {
        // The consumer has validated `data` against the contract before this runs.
        [ACTIVITY_PUBLISHED]: async (event) => {
          await onActivityPublished(store, event as CloudEvent<{ activityId: string; communityId: string }>);
        },
      },
    },
  ];
}
