import { isDuplicateKeyError } from '@sanshe/service-kit';
import type { Resident } from '../domain/residents';
import type { CommunityRegisterDoc, RegistryModels } from './models';

const byId = (a: Resident, b: Resident) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

/** The communities' registers (see models/community-register.ts). */
export class RegisterRepository {
  constructor(private readonly models: RegistryModels) {}

  /** The residents of the given communities, in id order. */
  async residentsOf(communityIds: readonly string[]): Promise<Resident[]> {
    const docs = await Promise.all(communityIds.map((id) => this.models.CommunityRegister.findById(id).lean<CommunityRegisterDoc>().exec()));
    return docs.flatMap((d) => (d?.entries ?? []).map((e) => JSON.parse(e) as Resident)).sort(byId);
  }

  /**
   * Puts the resident's current state into `communityId`'s register, or takes it out
   * when the resident no longer lives there. Optimistic: the whole list is written
   * only if no one else wrote it meanwhile, else read again.
   */
  async refresh(communityId: string, resident: Resident | null, residentId: string): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const doc = await this.models.CommunityRegister.findById(communityId).lean<CommunityRegisterDoc>().exec();
      const others = (doc?.entries ?? []).map((e) => JSON.parse(e) as Resident).filter((r) => r._id !== residentId);
      const entries = (resident && resident.communityId === communityId ? [...others, resident] : others).sort(byId).map((r) => JSON.stringify(r));
      try {
        const written = doc
          ? await this.models.CommunityRegister.updateOne({ _id: communityId, version: doc.version }, { $set: { entries, version: doc.version + 1 } })
          : await this.models.CommunityRegister.create({ _id: communityId, entries, version: 1 }).then(() => ({ modifiedCount: 1 }));
        if (written.modifiedCount === 1) return;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
      if (attempt >= 10) throw new Error(`register of ${communityId} kept changing; gave up refreshing ${residentId}`);
    }
  }
}
