import type { ConsumerSpec, EventHandler, EventHandlers } from '@sanshe/service-kit';
import { EVENT_TYPES, TOPICS } from '@sanshe/schemas/generated/events';
import { projectActivityEvent, READ_MODEL_EVENTS, type ReadModelDeps } from '../../domain/projections';
import { rememberResidentHome, type ResidentHomeStore } from '../../domain/resident-record';

export interface ConsumerDeps extends ReadModelDeps {
  homes: ResidentHomeStore;
}

/**
 * Every consumer of activities (the community directory's, fed by registry, is the kit's
 * and registered next to these in service.ts):
 * - `activities.read-models` reads its own topic to keep its read models — statistics
 *   buckets and residents' records — complete: each write already projected its events,
 *   and this consumer applies them again (a no-op) or for the first time after a crash.
 * - `activities.resident-homes` reads registry's resident events to keep where each
 *   resident lives, which decides which staff may read their record.
 */
export function activitiesConsumers(deps: ConsumerDeps): ConsumerSpec[] {
  const project: EventHandler<(typeof READ_MODEL_EVENTS)[number]> = (event) => projectActivityEvent(event.data.activityId, event, deps);
  const readModelHandlers: EventHandlers = Object.fromEntries(READ_MODEL_EVENTS.map((t) => [t, project]));
  return [
    {
      groupId: 'activities.resident-homes',
      topics: [TOPICS.REGISTRY_V1],
      handlers: {
        [EVENT_TYPES.ResidentRegisteredV1]: ({ data }) =>
          rememberResidentHome(data.residentId, { communityId: data.communityId, streetId: data.streetId }, deps.homes),
        [EVENT_TYPES.ResidentMovedV1]: ({ data }) =>
          rememberResidentHome(data.residentId, { communityId: data.toCommunityId, streetId: data.streetId }, deps.homes),
      },
    },
    { groupId: 'activities.read-models', topics: [TOPICS.ACTIVITIES_V1], handlers: readModelHandlers },
  ];
}
