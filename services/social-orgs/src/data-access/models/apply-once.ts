import { isDuplicateKeyError } from '@sanshe/service-kit';
import type { Model, UpdateQuery } from 'mongoose';

/**
 * Counts one event into the document `id` at most once. One conditional upsert: the filter skips
 * a document whose `applied` list holds the event id already; for a first event, a redelivery
 * raced against the insert hits the unique `_id` and counts as already applied. True when applied now.
 */
export async function applyOnce<T extends { applied: string[] }>(
  model: Model<T>,
  id: string,
  eventId: string,
  update: Omit<UpdateQuery<T>, '$push'>,
): Promise<boolean> {
  try {
    const result = await model.updateOne(
      { _id: id, applied: { $ne: eventId } },
      { ...update, $push: { applied: eventId } } as UpdateQuery<T>,
      { upsert: true, setDefaultsOnInsert: false },
    );
    return result.modifiedCount + result.upsertedCount > 0;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}
