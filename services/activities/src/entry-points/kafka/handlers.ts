import type { CloudEvent, ConsumerSpec } from '@sanshe/service-kit';
import type { ActivityRepository } from '../../data-access/activity-repository';
import type { ReadModels } from '../../data-access/read-models';
import { READ_MODEL_EVENTS } from '../../domain/projections';

/**
 * activities reads its own topic to keep its read models — statistics buckets and
 * residents' records — complete: each write already projected its events, and this
 * consumer applies them again (a no-op) or for the first time after a crash. Events about
 * activities this database does not hold (another deployment sharing the broker) are
 * skipped after one `_id` read.
 */
export function activitiesConsumers(deps: { activities: ActivityRepository; readModels: ReadModels }): ConsumerSpec[] {
  const project = async (event: CloudEvent) => {
    const activity = await deps.activities.liveActivity(String(event.data.activityId));
    if (activity) await deps.readModels.project(activity, event);
  };
  return [{ groupId: 'activities.read-models', topics: ['sanshe.activities.v1'], handlers: Object.fromEntries(READ_MODEL_EVENTS.map((t) => [t, project])) }];
}
