import { byIdLoader, type Connection, findByIds, type Logger, type OutboxEntry, type PageRequest, pushEvents, toConnection } from '@sanshe/service-kit';
import type DataLoader from 'dataloader';
import type { CareTag, ContactChannel, Resident, ResidentStore } from '../domain/residents';
import { RESIDENT_READ_PROJECTION, type RegistryModels, type ResidentDoc } from './models';
import { keysetPage, withoutBookkeeping } from './paging';
import type { RegisterRepository } from './register-repository';

export interface ResidentFilter {
  communityId?: string | null;
  streetId?: string | null;
  careTag?: CareTag | null;
  volunteer?: boolean | null;
  preferredChannel?: ContactChannel | null;
  bornFrom?: number | null;
  bornTo?: number | null;
}

/** The one carrier document that takes residents' events to the relay. */
const CARRIER_ID = 'residents';

function strip(doc: ResidentDoc): Resident {
  const { eventIds: _e, registerPending: _r, ...rest } = withoutBookkeeping(doc);
  return rest;
}

function matches(r: Resident, f: ResidentFilter): boolean {
  return (
    (!f.streetId || r.streetId === f.streetId) &&
    (!f.careTag || r.careTags.includes(f.careTag)) &&
    (typeof f.volunteer !== 'boolean' || r.volunteer === f.volunteer) &&
    (!f.preferredChannel || r.preferredChannel === f.preferredChannel) &&
    (f.bornFrom == null || r.birthYear >= f.bornFrom) &&
    (f.bornTo == null || r.birthYear <= f.bornTo)
  );
}

export class ResidentRepository implements ResidentStore {
  constructor(
    private readonly models: RegistryModels,
    private readonly registers: RegisterRepository,
    /** The communities of a street, for street-wide lists. */
    private readonly communitiesOfStreet: (streetId: string) => Promise<string[]>,
    private readonly logger: Logger,
  ) {}

  resident(id: string): Promise<Resident | null> {
    return this.models.Resident.findById(id, RESIDENT_READ_PROJECTION).lean<ResidentDoc>().exec();
  }

  /** The resident, its events and the register to refresh: one document write. Then both are passed on. */
  async insertResident(resident: Resident, events: OutboxEntry[]): Promise<Resident> {
    await this.models.Resident.create({
      ...resident,
      pendingEvents: events.map((e) => JSON.stringify(e)),
      registerPending: [resident.communityId],
      eventIds: events.map((e) => e.id),
    });
    await this.passOn(resident._id, events, [resident.communityId]);
    return resident;
  }

  async updateResident(id: string, communityId: string, set: Partial<Omit<Resident, '_id'>>, events: OutboxEntry[]): Promise<Resident | null> {
    const registers = [...new Set([communityId, set.communityId ?? communityId])];
    const push = {
      registerPending: { $each: registers },
      ...(events.length > 0 ? { pendingEvents: { $each: events.map((e) => JSON.stringify(e)) }, eventIds: { $each: events.map((e) => e.id) } } : {}),
    };
    const doc = await this.models.Resident.findOneAndUpdate({ _id: id, communityId }, { $set: set, $push: push }, { new: true }).lean<ResidentDoc>().exec();
    if (!doc) return null;
    await this.passOn(id, events, registers);
    return strip(doc);
  }

  /**
   * Hands a resident's pending events to the carrier the relay drains and refreshes the
   * registers the change touched, then clears both marks. The change is already stored
   * with its marks, so a failure here fails nothing: the sweep finishes the job (a
   * repeated event reaches consumers with the same id; a refresh is idempotent).
   */
  private async passOn(residentId: string, events: OutboxEntry[], registers: string[]): Promise<void> {
    const attempt = (what: string, step: () => Promise<unknown>) =>
      step().catch((err: Error) => this.logger.warn({ err: err.message, residentId }, `${what} not passed on yet; the sweep will`));
    if (events.length > 0) {
      await attempt('resident events', async () => {
        await this.models.OutboxCarrier.updateOne({ _id: CARRIER_ID }, pushEvents(events), { upsert: true });
        // Pending events are plain strings, so $pullAll removes exactly these (FerretDB ignores conditional $pull).
        await this.models.Resident.updateOne({ _id: residentId }, { $pullAll: { pendingEvents: events.map((e) => JSON.stringify(e)) } });
      });
    }
    if (registers.length > 0) {
      await attempt('register refresh', async () => {
        // The current state, whatever other writes happened meanwhile.
        const current = await this.resident(residentId);
        for (const communityId of registers) await this.registers.refresh(communityId, current && strip(current as ResidentDoc), residentId);
        await this.models.Resident.updateOne({ _id: residentId }, { $pullAll: { registerPending: registers } });
      });
    }
  }

  /** Finishes what a crash (or a failed pass) left; one scan of the residents, so run it rarely. */
  async sweepPending(): Promise<number> {
    const docs = await this.models.Resident.find(
      { $or: [{ 'pendingEvents.0': { $exists: true } }, { 'registerPending.0': { $exists: true } }] },
      { pendingEvents: 1, registerPending: 1 },
    )
      .lean<Pick<ResidentDoc, '_id' | 'pendingEvents' | 'registerPending'>[]>()
      .exec();
    for (const doc of docs) {
      const events = (doc.pendingEvents ?? []).map((json) => JSON.parse(json) as OutboxEntry);
      await this.passOn(doc._id, events, [...new Set(doc.registerPending ?? [])]);
    }
    return docs.length;
  }

  /** A community's or street's residents come from their registers; district-wide lists from the collection. */
  async residentPage(filter: ResidentFilter, page: PageRequest): Promise<Connection<Resident>> {
    if (!filter.communityId && !filter.streetId) {
      const query: Record<string, unknown> = {};
      if (filter.careTag) query.careTags = filter.careTag;
      if (typeof filter.volunteer === 'boolean') query.volunteer = filter.volunteer;
      if (filter.preferredChannel) query.preferredChannel = filter.preferredChannel;
      if (filter.bornFrom != null || filter.bornTo != null) {
        query.birthYear = { ...(filter.bornFrom != null ? { $gte: filter.bornFrom } : {}), ...(filter.bornTo != null ? { $lte: filter.bornTo } : {}) };
      }
      return keysetPage<ResidentDoc>(this.models.Resident, query, page, RESIDENT_READ_PROJECTION);
    }
    const communities = filter.communityId ? [filter.communityId] : await this.communitiesOfStreet(filter.streetId!);
    const all = await this.registers.residentsOf(communities);
    const rows = all.filter((r) => matches(r, filter) && (page.afterKey === null || r._id > page.afterKey)).slice(0, page.limit + 1);
    return toConnection(rows, page.limit, (r) => r._id);
  }

  /** One query for any number of resident references. */
  loader(): DataLoader<string, Resident | null> {
    return byIdLoader((ids) => findByIds<ResidentDoc>(this.models.Resident, ids, RESIDENT_READ_PROJECTION));
  }
}
