import { Schema, type Connection, type Model } from 'mongoose';
import type { ScheduledJob } from '../jobs';
import type { Logger } from '../logger';

/** The marker an idempotent consumer writes once it has handled an event (see consumer.ts). */
export interface ProcessedEvent {
  _id: string;
  group: string;
  eventId: string;
  type: string;
  processedAt: Date;
}

const processedSchema = new Schema<ProcessedEvent>(
  { _id: String, group: String, eventId: String, type: String, processedAt: Date },
  { collection: 'processed_events', versionKey: false },
);
// For the pruning below (MongoDB uses it; the embedded store scans, once per period).
processedSchema.index({ processedAt: 1 });

export function processedEventsModel(connection: Connection): Model<ProcessedEvent> {
  return (
    (connection.models.ProcessedEvent as Model<ProcessedEvent> | undefined) ??
    connection.model<ProcessedEvent>('ProcessedEvent', processedSchema)
  );
}

/**
 * Deletes the markers of events processed before `olderThan`; returns how many went. The
 * embedded store has no TTL index, so a job does it. Idempotent, and safe beside a second
 * replica doing the same. A marker must outlive every redelivery of its event, a replay
 * included: past the topics' retention nothing can repeat it.
 */
export async function pruneProcessedEvents(connection: Connection, olderThan: Date): Promise<number> {
  const { deletedCount } = await processedEventsModel(connection).deleteMany({ processedAt: { $lt: olderThan } });
  return deletedCount;
}

/**
 * The pruning as a scheduled job: one replica per period deletes the markers older than
 * `retentionMs` (the kit's job lease decides which), the others skip that period.
 */
export function processedEventsPruningJob(
  connection: Connection,
  opts: { everyMs: number; retentionMs: number },
  logger: Logger,
): ScheduledJob {
  return {
    name: 'prune-processed-events',
    periodMs: opts.everyMs,
    async run() {
      const pruned = await pruneProcessedEvents(connection, new Date(Date.now() - opts.retentionMs));
      if (pruned > 0) logger.info({ pruned }, 'pruned old processed-event markers');
    },
  };
}
