import type { CloudEvent, ConsumerSpec } from '@sanshe/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';

/**
 * This service's copy of where residents live (resident id → community, street), fed by
 * registry's resident events. Staff see a resident's activity record when they serve
 * the resident's community; no personal data is kept here.
 */
export interface KnownResident {
  _id: string;
  communityId: string;
  streetId: string;
}

const schema = new Schema<KnownResident>(
  { _id: { type: String, required: true }, communityId: { type: String, required: true }, streetId: { type: String, required: true } },
  { collection: 'known_residents', versionKey: false },
);

export const RESIDENT_REGISTERED = 'cn.sanshe.registry.resident.registered.v1';
export const RESIDENT_MOVED = 'cn.sanshe.registry.resident.moved.v1';

export class ResidentDirectory {
  readonly model: Model<KnownResident>;

  constructor(connection: Connection) {
    this.model = (connection.models.KnownResident as Model<KnownResident> | undefined) ?? connection.model<KnownResident>('KnownResident', schema);
  }

  get(id: string): Promise<KnownResident | null> {
    return this.model.findById(id).lean<KnownResident>();
  }

  /** An upsert keyed by resident id: applying the same event twice changes nothing. */
  async remember({ _id, ...fields }: KnownResident): Promise<void> {
    await this.model.updateOne({ _id }, { $set: fields }, { upsert: true });
  }

  consumer(service: string): ConsumerSpec {
    return {
      groupId: `${service}.known-residents`,
      topics: ['sanshe.registry.v1'],
      handlers: {
        [RESIDENT_REGISTERED]: async (event: CloudEvent) => {
          const d = event.data as { residentId: string; communityId: string; streetId: string };
          await this.remember({ _id: d.residentId, communityId: d.communityId, streetId: d.streetId });
        },
        [RESIDENT_MOVED]: async (event: CloudEvent) => {
          const d = event.data as { residentId: string; toCommunityId: string; streetId: string };
          await this.remember({ _id: d.residentId, communityId: d.toCommunityId, streetId: d.streetId });
        },
      },
    };
  }
}
