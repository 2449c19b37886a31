import { EVENT_TYPES, TOPICS } from '@sanshe/schemas/generated/events';
import { Schema, type Connection, type Model } from 'mongoose';
import { copies, Snapshot, type ConsumerSpec, type EventHandler } from '@sanshe/service-kit';

/**
 * A service's own copy of registry's communities (id → name, street), fed by
 * registry's community events. Services need the street of a community to check
 * STREET_STAFF scope without reading registry's database.
 */
export interface KnownCommunity {
  _id: string;
  name: string;
  streetId: string;
  urban: boolean;
}

const schema = new Schema<KnownCommunity>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    streetId: { type: String, required: true },
    urban: { type: Boolean, default: true },
  },
  { collection: 'known_communities', versionKey: false },
);
schema.index({ streetId: 1 });

export const COMMUNITY_EVENT_TYPES = [EVENT_TYPES.CommunityCreatedV1, EVENT_TYPES.CommunityUpdatedV1] as const;

/** How long a snapshot of the directory serves reads before the next read reloads it. */
const SNAPSHOT_TTL_MS = 5_000;

/**
 * The directory is small (one row per community: 71 in the district) and changes rarely, yet
 * nearly every request asks it something (scope checks need a community's street). Reads are
 * served from the kit's in-memory `Snapshot` of the whole collection, loaded with one query and
 * kept for a few seconds, so a page of 71 communities costs at most one query, never one per
 * community. This process's own writes drop the snapshot at once; another replica's writes
 * are seen within the TTL. One snapshot per connection's model is shared by every directory
 * object over it, so one directory's write is seen by the others.
 */
const snapshots = new WeakMap<Model<KnownCommunity>, Snapshot<ReadonlyMap<string, KnownCommunity>>>();

export class CommunityDirectory {
  readonly model: Model<KnownCommunity>;
  private readonly snapshot: Snapshot<ReadonlyMap<string, KnownCommunity>>;

  constructor(
    connection: Connection,
    private readonly ttlMs = SNAPSHOT_TTL_MS,
  ) {
    const model = connection.models.KnownCommunity ?? connection.model<KnownCommunity>('KnownCommunity', schema);
    this.model = model;
    const snapshot =
      snapshots.get(model) ??
      new Snapshot(async () => new Map((await model.find({}).lean<KnownCommunity[]>().exec()).map((c) => [c._id, c])), SNAPSHOT_TTL_MS);
    snapshots.set(model, snapshot);
    this.snapshot = snapshot;
  }

  private all(): Promise<ReadonlyMap<string, KnownCommunity>> {
    return this.snapshot.get(this.ttlMs);
  }

  private invalidate(): void {
    this.snapshot.invalidate();
  }

  async get(id: string): Promise<KnownCommunity | null> {
    const found = (await this.all()).get(id);
    return found ? { ...found } : null;
  }

  /** The known ones among `ids`, in no particular order. */
  async getMany(ids: readonly string[]): Promise<KnownCommunity[]> {
    const byId = await this.all();
    return copies(ids.flatMap((id) => byId.get(id) ?? []));
  }

  /** Whether any known community lies in the street. */
  async streetKnown(streetId: string): Promise<boolean> {
    for (const c of (await this.all()).values()) if (c.streetId === streetId) return true;
    return false;
  }

  /** An upsert keyed by community id: applying the same event twice changes nothing. */
  async remember(community: KnownCommunity): Promise<void> {
    const { _id, ...fields } = community;
    await this.model.updateOne({ _id }, { $set: fields }, { upsert: true });
    this.invalidate();
  }

  /** For seeds: the same rows the events would have produced. */
  async rememberAll(communities: KnownCommunity[]): Promise<void> {
    if (communities.length === 0) return;
    await this.model.bulkWrite(
      communities.map(({ _id, ...fields }) => ({ updateOne: { filter: { _id }, update: { $set: fields }, upsert: true } })),
    );
    this.invalidate();
  }

  /** The consumer that keeps this directory current; `service` names the consumer group. */
  consumer(service: string): ConsumerSpec {
    const handler: EventHandler<(typeof COMMUNITY_EVENT_TYPES)[number]> = async ({ data }) => {
      await this.remember({ _id: data.communityId, name: data.name, streetId: data.streetId, urban: data.urban });
    };
    return {
      groupId: `${service}.known-communities`,
      topics: [TOPICS.REGISTRY_V1],
      handlers: { [EVENT_TYPES.CommunityCreatedV1]: handler, [EVENT_TYPES.CommunityUpdatedV1]: handler },
    };
  }
}
