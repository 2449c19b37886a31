import { parseCloudEvent, type Logger, type OutboxEntry } from '@sanshe/service-kit';
import type { Activity } from '../domain/activity-model';
import { bucketDelta, residentRecordChanges, type ActivityEvent, type ReadModelStore } from '../domain/projections';
import type { ResidentRecordRepository } from './resident-record-repository';
import type { StatsRepository } from './stats-repository';

/**
 * Brings the read models (statistics buckets, residents' records) up to date with an
 * activity's events. Called right after the write that emitted them, so callers read
 * their own change; the `activities.read-models` consumer calls it again for every event
 * from Kafka, which repairs anything a crash in between left out. Both writes are
 * idempotent, so the second call changes nothing.
 */
export class ReadModelRepository implements ReadModelStore {
  constructor(
    private readonly stats: StatsRepository,
    private readonly records: ResidentRecordRepository,
  ) {}

  async project(activity: Activity, event: ActivityEvent): Promise<void> {
    const delta = bucketDelta(event, activity);
    if (delta) await this.stats.apply(delta, event.id);
    for (const change of residentRecordChanges(event)) await this.records.apply(change);
  }

  /** After a write: never fails the request — the consumer catches up from Kafka. */
  async projectOutbox(activity: Activity, entries: readonly OutboxEntry[], logger: Logger): Promise<void> {
    for (const entry of entries) {
      const parsed = parseCloudEvent(entry.payload);
      if ('error' in parsed) continue;
      try {
        await this.project(activity, parsed.event);
      } catch (err) {
        logger.warn({ err: (err as Error).message, eventId: entry.id }, 'read models lag behind until the consumer applies the event');
      }
    }
  }
}
