import { findByIds, type OutboxEntry, pushEvents, copies, documentsByIds, Snapshot, uniqueWrite } from '@sanshe/service-kit';
import type { Committee, Community, Street, TerritoryStore } from '../domain/territory';
import type { CommunityFilter, TerritoryReader } from '../domain/territory-queries';
import { COMMUNITY_READ_PROJECTION, type CommunityDoc, type RegistryModels, type StreetDoc } from './models';
import { withoutBookkeeping } from './models/paging';

/** How long the streets snapshot serves reads; another replica's street edits show within it. */
const STREETS_TTL_MS = 5_000;

export class TerritoryRepository implements TerritoryStore, TerritoryReader {
  /**
   * The district's streets (11, edited a few times a year) are read by nearly every community
   * shown; reads are served from a snapshot, and this process's street writes drop it.
   * `street(id)`, which write paths check against, still reads the store.
   */
  private readonly streetSnapshot: Snapshot<StreetDoc[]>;

  constructor(private readonly models: RegistryModels) {
    this.streetSnapshot = new Snapshot(() => this.models.Street.find().sort({ _id: 1 }).lean<StreetDoc[]>().exec(), STREETS_TTL_MS);
  }

  street(id: string): Promise<Street | null> {
    return this.models.Street.findById(id).lean<StreetDoc>().exec();
  }

  community(id: string): Promise<Community | null> {
    return this.models.Community.findById(id, COMMUNITY_READ_PROJECTION).lean<CommunityDoc>().exec();
  }

  async committee(id: string): Promise<Committee | null> {
    const [found] = await this.committees([id]);
    return found ?? null;
  }

  /** Committees live inside their street or community: two small collections, one query each. */
  async committees(ids: readonly string[]): Promise<Committee[]> {
    const filter = { 'regionalCommittee._id': { $in: [...ids] } };
    const [streets, communities] = await Promise.all([
      this.models.Street.find(filter).lean<StreetDoc[]>().exec(),
      this.models.Community.find(filter, { regionalCommittee: 1, streetId: 1 })
        .lean<Pick<CommunityDoc, '_id' | 'regionalCommittee' | 'streetId'>[]>()
        .exec(),
    ]);
    return [
      ...streets.map((s): Committee => ({ ...s.regionalCommittee, level: 'STREET', streetId: s._id, communityId: null })),
      ...communities.map((c): Committee => ({ ...c.regionalCommittee, level: 'COMMUNITY', streetId: c.streetId, communityId: c._id })),
    ];
  }

  async insertStreet(street: Street): Promise<Street> {
    try {
      await uniqueWrite('Street', () => this.models.Street.create(street));
    } finally {
      this.streetSnapshot.invalidate();
    }
    return street;
  }

  async updateStreet(id: string, set: Partial<Omit<Street, '_id'>>): Promise<Street | null> {
    try {
      return await uniqueWrite('Street', () =>
        this.models.Street.findOneAndUpdate({ _id: id }, { $set: set }, { new: true }).lean<StreetDoc>().exec(),
      );
    } finally {
      this.streetSnapshot.invalidate();
    }
  }

  /** The community, its regional party committee and its events: one document write. */
  async insertCommunity(community: Community, events: OutboxEntry[]): Promise<Community> {
    await uniqueWrite('Community', () => this.models.Community.create({ ...community, _outbox: events }));
    return community;
  }

  async updateCommunity(id: string, set: Partial<Omit<Community, '_id' | 'stats'>>, events: OutboxEntry[]): Promise<Community | null> {
    const update = events.length > 0 ? { $set: set, ...pushEvents(events) } : { $set: set };
    const doc = await uniqueWrite('Community', () =>
      this.models.Community.findOneAndUpdate({ _id: id }, update, { new: true }).lean<CommunityDoc>().exec(),
    );
    return doc ? withoutBookkeeping(doc) : null;
  }

  async streets(): Promise<Street[]> {
    return copies(await this.streetSnapshot.get());
  }

  async streetByName(name: string): Promise<Street | null> {
    const found = (await this.streetSnapshot.get()).find((s) => s.name === name);
    return found ? { ...found } : null;
  }

  communities(filter: CommunityFilter): Promise<Community[]> {
    const query: Record<string, unknown> = {};
    if (filter.streetId) query.streetId = filter.streetId;
    if (typeof filter.urban === 'boolean') query.urban = filter.urban;
    if (filter.name) query.name = filter.name;
    return this.models.Community.find(query, COMMUNITY_READ_PROJECTION).sort({ _id: 1 }).lean<CommunityDoc[]>().exec();
  }

  communitiesOfStreets(streetIds: readonly string[]): Promise<Community[]> {
    return this.models.Community.find({ streetId: { $in: [...streetIds] } }, COMMUNITY_READ_PROJECTION)
      .sort({ _id: 1 })
      .lean<CommunityDoc[]>()
      .exec();
  }

  brandedCommunities(): Promise<Community[]> {
    return this.models.Community.find({ brand: { $ne: null } }, COMMUNITY_READ_PROJECTION)
      .sort({ _id: 1 })
      .lean<CommunityDoc[]>()
      .exec();
  }

  /** Any number of street references, from the snapshot. */
  streetsByIds(ids: readonly string[]): Promise<Street[]> {
    return documentsByIds(this.streetSnapshot, ids);
  }

  /** One query for any number of community references. */
  communitiesByIds(ids: readonly string[]): Promise<Community[]> {
    return findByIds<CommunityDoc>(this.models.Community, ids, COMMUNITY_READ_PROJECTION);
  }
}
