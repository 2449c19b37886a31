import { byIdLoader } from '@sanshe/service-kit';
import type DataLoader from 'dataloader';
import type { ResidentRecordChange } from '../domain/projections';
import { findByIds } from './find-by-ids';
import type { ActivitiesModels, ResidentRecordDoc } from './models';

const SAFE_KEY = /^[^.$]+$/;

/** Residents' records of registrations and volunteer shifts: one document per resident, read by `_id`. */
export class ResidentRecordRepository {
  constructor(private readonly models: ActivitiesModels) {}

  loader(): DataLoader<string, ResidentRecordDoc | null> {
    return byIdLoader((ids) => findByIds(this.models.ResidentRecord, ids));
  }

  /** Sets the given fields of the given entries; the same change applied twice leaves the same record. */
  async apply(change: ResidentRecordChange): Promise<void> {
    const $set: Record<string, unknown> = {};
    for (const [map, entries] of [['registrations', change.registrations], ['shifts', change.shifts]] as const) {
      for (const [id, fields] of Object.entries(entries ?? {})) {
        if (!SAFE_KEY.test(id)) throw new Error(`entry id ${id} cannot be a document key`);
        for (const [k, v] of Object.entries(fields)) if (v !== undefined) $set[`${map}.${id}.${k}`] = v;
      }
    }
    if (Object.keys($set).length === 0) return;
    await this.models.ResidentRecord.updateOne({ _id: change.residentId }, { $set }, { upsert: true }).exec();
  }
}
