import type { ConsumerSpec, EventHandler, EventHandlers } from '@sanshe/service-kit';
import { TOPICS } from '@sanshe/schemas/generated/events';
import type { ActivityRepository } from '../../data-access/activity-repository';
import type { ReadModelRepository } from '../../data-access/read-model-repository';
import { READ_MODEL_EVENTS } from '../../domain/projections';

/**
 * activities reads its own topic to keep its read models — statistics buckets and
 * residents' records — complete: each write already projected its events, and this
 * consumer applies them again (a no-op) or for the first time after a crash. Events about
 * activities this database does not hold (another deployment sharing the broker) are
 * skipped after one `_id` read.
 */
export function activitiesConsumers(deps: { activities: ActivityRepository; readModels: ReadModelRepository }): ConsumerSpec[] {
  const project: EventHandler<(typeof READ_MODEL_EVENTS)[number]> = async (event) => {
    const activity = await deps.activities.liveActivity(event.data.activityId);
    if (activity) await deps.readModels.project(activity, event);
  };
  const handlers: EventHandlers = Object.fromEntries(READ_MODEL_EVENTS.map((t) => [t, project]));
  return [{ groupId: 'activities.read-models', topics: [TOPICS.ACTIVITIES_V1], handlers }];
}
