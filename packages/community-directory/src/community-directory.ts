import { EVENT_TYPES, TOPICS } from '@sanshe/schemas/generated/events';
import { Schema, type Connection, type Model } from 'mongoose';
import type { ConsumerSpec, EventHandler } from '@sanshe/service-kit';

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
 * served from an in-memory snapshot of the whole collection, loaded with one query and kept
 * for a few seconds, so a page of 71 communities costs at most one query, never one per
 * community. This process's own writes drop the snapshot at once; another replica's writes
 * are seen within the TTL.
 */
interface SnapshotState {
  snapshot: { at: number; byId: Map<string, KnownCommunity> } | null;
  loading: Promise<Map<string, KnownCommunity>> | null;
  /** Bumped by every write, so a load that started before it is not kept. */
  generation: number;
}

/** One snapshot per connection's model, shared by every directory object over it. */
const snapshots = new WeakMap<Model<KnownCommunity>, SnapshotState>();

export class CommunityDirectory {
  readonly model: Model<KnownCommunity>;
  private readonly state: SnapshotState;

  constructor(
    connection: Connection,
    private readonly ttlMs = SNAPSHOT_TTL_MS,
  ) {
    this.model = connection.models.KnownCommunity ?? connection.model<KnownCommunity>('KnownCommunity', schema);
    const state = snapshots.get(this.model) ?? { snapshot: null, loading: null, generation: 0 };
    snapshots.set(this.model, state);
    this.state = state;
  }

  private async all(): Promise<Map<string, KnownCommunity>> {
    const state = this.state;
    if (state.snapshot && Date.now() - state.snapshot.at < this.ttlMs) return state.snapshot.byId;
    if (!state.loading) {
      const generation = state.generation;
      const at = Date.now();
      const loading = this.model
        .find({})
        .lean<KnownCommunity[]>()
        .exec()
        .then((rows) => {
          const byId = new Map(rows.map((c) => [c._id, c]));
          if (generation === state.generation) state.snapshot = { at, byId };
          return byId;
        })
        .finally(() => {
          if (state.loading === loading) state.loading = null;
        });
      state.loading = loading;
    }
    return state.loading;
  }

  private invalidate(): void {
    this.state.generation += 1;
    this.state.snapshot = null;
    this.state.loading = null;
  }

  async get(id: string): Promise<KnownCommunity | null> {
    return (await this.all()).get(id) ?? null;
  }

  /** The known ones among `ids`, in no particular order. */
  async getMany(ids: readonly string[]): Promise<KnownCommunity[]> {
    const byId = await this.all();
    return ids.flatMap((id) => byId.get(id) ?? []);
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
