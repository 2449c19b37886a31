import { findByIds, isDuplicateKeyError } from '@sanshe/service-kit';
import type { ResidentRecordChange } from '../domain/projections';
import type { ResidentHome, ResidentHomeStore, ResidentRecordReader } from '../domain/resident-record';
import type { ActivitiesModels, ResidentRecordDoc } from './models';

const SAFE_KEY = /^[^.$]+$/;

/** Residents' records — home, registrations, volunteer shifts: one document per resident, read by `_id`. */
export class ResidentRecordRepository implements ResidentRecordReader, ResidentHomeStore {
  constructor(private readonly models: ActivitiesModels) {}

  recordsByIds(ids: readonly string[]): Promise<ResidentRecordDoc[]> {
    return findByIds<ResidentRecordDoc>(this.models.ResidentRecord, ids);
  }

  /** Where a resident lives, as registry announced it; the same event twice changes nothing. */
  async rememberHome(residentId: string, home: ResidentHome): Promise<void> {
    await this.models.ResidentRecord.updateOne({ _id: residentId }, { $set: { home } }, { upsert: true }).exec();
  }

  /**
   * Sets the given fields of each entry, unless the entry was already changed by an
   * event as recent (`v`): applying a change twice, or an older one after a newer one,
   * leaves the record as it is. One conditional upsert per entry: a resident without a
   * record gets one. When the condition fails on an existing record the upsert's insert
   * hits the unique `_id` — the entry is as recent already — unless another writer created
   * the record just now, so a duplicate key is tried once more before it means "nothing to do".
   */
  async apply(change: ResidentRecordChange): Promise<void> {
    const entries = [
      ...Object.entries(change.registrations ?? {}).map(([id, fields]) => ['registrations', id, fields] as const),
      ...Object.entries(change.shifts ?? {}).map(([id, fields]) => ['shifts', id, fields] as const),
    ];
    for (const [map, id, fields] of entries) {
      if (!SAFE_KEY.test(id)) throw new Error(`entry id ${id} cannot be a document key`);
      const path = `${map}.${id}`;
      const $set = Object.fromEntries(
        Object.entries(fields)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [`${path}.${k}`, v]),
      );
      const newer = fields.v === undefined ? {} : { $or: [{ [`${path}.v`]: { $exists: false } }, { [`${path}.v`]: { $lt: fields.v } }] };
      for (let attempt = 1; attempt <= 2; attempt += 1) {
        try {
          await this.models.ResidentRecord.updateOne({ _id: change.residentId, ...newer }, { $set }, { upsert: true }).exec();
          break;
        } catch (err) {
          if (!isDuplicateKeyError(err)) throw err;
        }
      }
    }
  }
}
