import { byIdLoader, type CloudEvent, type ConsumerSpec, findByIds, isDuplicateKeyError } from '@sanshe/service-kit';
import type DataLoader from 'dataloader';
import type { ResidentRecordChange } from '../domain/projections';
import type { ActivitiesModels, ResidentRecordDoc } from './models';

const SAFE_KEY = /^[^.$]+$/;

export const RESIDENT_REGISTERED = 'cn.sanshe.registry.resident.registered.v1';
export const RESIDENT_MOVED = 'cn.sanshe.registry.resident.moved.v1';

/** Residents' records — home, registrations, volunteer shifts: one document per resident, read by `_id`. */
export class ResidentRecordRepository {
  constructor(private readonly models: ActivitiesModels) {}

  loader(): DataLoader<string, ResidentRecordDoc | null> {
    return byIdLoader((ids) => findByIds(this.models.ResidentRecord, ids));
  }

  /** Where a resident lives, as registry announced it; the same event twice changes nothing. */
  async rememberHome(residentId: string, home: { communityId: string; streetId: string }): Promise<void> {
    await this.models.ResidentRecord.updateOne({ _id: residentId }, { $set: { home } }, { upsert: true }).exec();
  }

  /** The consumer of registry's resident events that keeps `home` current. */
  homeConsumer(service: string): ConsumerSpec {
    return {
      groupId: `${service}.resident-homes`,
      topics: ['sanshe.registry.v1'],
      handlers: {
        [RESIDENT_REGISTERED]: async (event: CloudEvent) => {
          const d = event.data as { residentId: string; communityId: string; streetId: string };
          await this.rememberHome(d.residentId, { communityId: d.communityId, streetId: d.streetId });
        },
        [RESIDENT_MOVED]: async (event: CloudEvent) => {
          const d = event.data as { residentId: string; toCommunityId: string; streetId: string };
          await this.rememberHome(d.residentId, { communityId: d.toCommunityId, streetId: d.streetId });
        },
      },
    };
  }

  /**
   * Sets the given fields of each entry, unless the entry was already changed by an
   * event as recent (`v`): applying a change twice, or an older one after a newer one,
   * leaves the record as it is. A resident without a record gets one; when two writers
   * create it at once, the loser's upsert hits the unique `_id` and it tries the
   * conditional update again. The conditional update is a plain update and the creation
   * an `_id`-only upsert, so on FerretDB both are answered by `_id` (a conditional upsert
   * would decode all 24,000 records).
   */
  async apply(change: ResidentRecordChange): Promise<void> {
    const entries = [
      ...Object.entries(change.registrations ?? {}).map(([id, fields]) => ['registrations', id, fields] as const),
      ...Object.entries(change.shifts ?? {}).map(([id, fields]) => ['shifts', id, fields] as const),
    ];
    for (const [map, id, fields] of entries) {
      if (!SAFE_KEY.test(id)) throw new Error(`entry id ${id} cannot be a document key`);
      const path = `${map}.${id}`;
      const $set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined).map(([k, v]) => [`${path}.${k}`, v]));
      const newer = fields.v === undefined ? {} : { $or: [{ [`${path}.v`]: { $exists: false } }, { [`${path}.v`]: { $lt: fields.v } }] };
      const Record = this.models.ResidentRecord;
      for (let attempt = 0; attempt < 2; attempt += 1) {
        if ((await Record.updateOne({ _id: change.residentId, ...newer }, { $set }).exec()).matchedCount > 0) break;
        if (attempt === 1) break; // the record holds an entry as recent: nothing to do
        if (!(await Record.exists({ _id: change.residentId }))) {
          try {
            const created = await Record.updateOne({ _id: change.residentId }, { $setOnInsert: $set }, { upsert: true }).exec();
            if (created.upsertedCount > 0) break;
          } catch (err) {
            if (!isDuplicateKeyError(err)) throw err;
          }
        }
        // The record exists, perhaps created by another writer just now: the conditional update decides, once more.
      }
    }
  }
}
