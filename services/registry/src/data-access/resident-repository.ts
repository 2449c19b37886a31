import { type Connection, findByIds, OUTBOX_FIELD, type OutboxEntry, type PageRequest } from '@sanshe/service-kit';
import type { ResidentFilter, ResidentReader } from '../domain/resident-queries';
import type { Resident, ResidentStore } from '../domain/residents';
import { RESIDENT_READ_PROJECTION, type RegistryModels, type ResidentDoc } from './models';
import { keysetPage, withoutBookkeeping } from './models/paging';

function strip(doc: ResidentDoc): Resident {
  const { eventIds: _e, ...rest } = withoutBookkeeping(doc);
  return rest;
}

export class ResidentRepository implements ResidentStore, ResidentReader {
  constructor(private readonly models: RegistryModels) {}

  resident(id: string): Promise<Resident | null> {
    return this.models.Resident.findById(id, RESIDENT_READ_PROJECTION).lean<ResidentDoc>().exec();
  }

  /** The resident and its events: one document write. */
  async insertResident(resident: Resident, events: OutboxEntry[]): Promise<Resident> {
    await this.models.Resident.create({ ...resident, [OUTBOX_FIELD]: events, eventIds: events.map((e) => e.id) });
    return resident;
  }

  async updateResident(
    id: string,
    communityId: string,
    set: Partial<Omit<Resident, '_id'>>,
    events: OutboxEntry[],
  ): Promise<Resident | null> {
    const push = events.length > 0 ? { $push: { [OUTBOX_FIELD]: { $each: events }, eventIds: { $each: events.map((e) => e.id) } } } : {};
    // Conditional on the community the caller's permission was checked against: a move meanwhile refuses this write.
    const doc = await this.models.Resident.findOneAndUpdate({ _id: id, communityId }, { $set: set, ...push }, { new: true })
      .lean<ResidentDoc>()
      .exec();
    return doc ? strip(doc) : null;
  }

  /** A page of residents in id order: of the district, a street or a community, by the filters of ResidentFilter. */
  async residentPage(filter: ResidentFilter, page: PageRequest): Promise<Connection<Resident>> {
    const query: Record<string, unknown> = {};
    if (filter.communityId) query.communityId = filter.communityId;
    if (filter.streetId) query.streetId = filter.streetId;
    if (filter.careTag) query.careTags = filter.careTag;
    if (typeof filter.volunteer === 'boolean') query.volunteer = filter.volunteer;
    if (filter.preferredChannel) query.preferredChannel = filter.preferredChannel;
    if (filter.bornFrom != null || filter.bornTo != null) {
      query.birthYear = {
        ...(filter.bornFrom != null ? { $gte: filter.bornFrom } : {}),
        ...(filter.bornTo != null ? { $lte: filter.bornTo } : {}),
      };
    }
    return keysetPage<ResidentDoc>(this.models.Resident, query, page, RESIDENT_READ_PROJECTION);
  }

  /** One query for any number of resident references. */
  residentsByIds(ids: readonly string[]): Promise<Resident[]> {
    return findByIds<ResidentDoc>(this.models.Resident, ids, RESIDENT_READ_PROJECTION);
  }
}
