import type { CloudEvent, ConsumerSpec } from '@sanshe/service-kit';
import { COMMUNITY_CREATED, type ActivityStore } from '../../domain/activity';

export function activitiesConsumers(store: ActivityStore): ConsumerSpec[] {
  return [
    {
      groupId: 'activities.known-communities',
      topics: ['sanshe.registry.v1'],
      handlers: {
        // An upsert keyed by the community id: applying the same event twice changes nothing.
        [COMMUNITY_CREATED]: async (event) => {
          const { data } = event as CloudEvent<{ communityId: string; name: string; streetId: string }>;
          await store.rememberCommunity({ _id: data.communityId, name: data.name, streetId: data.streetId });
        },
      },
    },
  ];
}
