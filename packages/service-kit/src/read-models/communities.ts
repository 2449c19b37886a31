import { Schema, type Connection, type Model } from 'mongoose';
import type { CloudEvent } from '../events/envelope';
import type { ConsumerSpec } from '../service';

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

export const COMMUNITY_EVENT_TYPES = ['cn.sanshe.registry.community.created.v1', 'cn.sanshe.registry.community.updated.v1'] as const;

export class CommunityDirectory {
  readonly model: Model<KnownCommunity>;

  constructor(connection: Connection) {
    this.model = connection.models.KnownCommunity ?? connection.model<KnownCommunity>('KnownCommunity', schema);
  }

  get(id: string): Promise<KnownCommunity | null> {
    return this.model.findById(id).lean<KnownCommunity>();
  }

  /** An upsert keyed by community id: applying the same event twice changes nothing. */
  async remember(community: KnownCommunity): Promise<void> {
    const { _id, ...fields } = community;
    await this.model.updateOne({ _id }, { $set: fields }, { upsert: true });
  }

  /** For seeds: the same rows the events would have produced. */
  async rememberAll(communities: KnownCommunity[]): Promise<void> {
    if (communities.length === 0) return;
    await this.model.bulkWrite(communities.map(({ _id, ...fields }) => ({ updateOne: { filter: { _id }, update: { $set: fields }, upsert: true } })));
  }

  /** The consumer that keeps this directory current; `service` names the consumer group. */
  consumer(service: string): ConsumerSpec {
    const handler = async (event: CloudEvent) => {
      const data = event.data as { communityId: string; name: string; streetId: string; urban: boolean };
      await this.remember({ _id: data.communityId, name: data.name, streetId: data.streetId, urban: data.urban });
    };
    return {
      groupId: `${service}.known-communities`,
      topics: ['sanshe.registry.v1'],
      handlers: Object.fromEntries(COMMUNITY_EVENT_TYPES.map((t) => [t, handler])),
    };
  }
}
