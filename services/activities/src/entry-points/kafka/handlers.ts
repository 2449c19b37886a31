import type { CloudEvent, ConsumerSpec } from '@sanshe/service-kit';
import type { ActivityRepository } from '../../data-access/activity-repository';
import type { ResidentRecordRepository } from '../../data-access/resident-record-repository';
import type { StatsRepository } from '../../data-access/stats-repository';
import { bucketDelta, READ_MODEL_EVENTS, residentRecordChanges } from '../../domain/projections';

/**
 * activities reads its own topic to keep its read models: statistics buckets and
 * residents' records, both written idempotently. Events about activities this database
 * does not hold (another deployment sharing the broker) are skipped after one `_id` read.
 */
export function activitiesConsumers(deps: { activities: ActivityRepository; stats: StatsRepository; records: ResidentRecordRepository }): ConsumerSpec[] {
  const project = async (event: CloudEvent) => {
    const activity = await deps.activities.liveActivity(String(event.data.activityId));
    if (!activity) return;
    const delta = bucketDelta(event, activity);
    if (delta) await deps.stats.apply(delta, event.id);
    for (const change of residentRecordChanges(event)) await deps.records.apply(change);
  };
  return [{ groupId: 'activities.read-models', topics: ['sanshe.activities.v1'], handlers: Object.fromEntries(READ_MODEL_EVENTS.map((t) => [t, project])) }];
}
