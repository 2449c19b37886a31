import type { CounterStore, OverviewSource } from '../domain/statistics';
import type { OverviewReader } from '../domain/statistics-queries';
import { isStandardised, type CommunityStats } from '../domain/territory';
import { todayInDistrict } from '../domain/rules';
import type { CommunityDoc, RegistryModels } from './models';

/** How many applied event ids a community keeps; the consumers' processed-events marker covers older ones. */
const APPLIED_WINDOW = 100;

export class StatisticsRepository implements CounterStore, OverviewReader {
  constructor(private readonly models: RegistryModels) {}

  async applyToCommunity(communityId: string, eventId: string, delta: Partial<CommunityStats>): Promise<boolean> {
    const inc = Object.fromEntries(Object.entries(delta).map(([k, v]) => [`stats.${k}`, v]));
    // No upsert: an event about a community this register does not hold changes nothing.
    const result = await this.models.Community.updateOne(
      { _id: communityId, statsApplied: { $ne: eventId } },
      { $inc: inc, $push: { statsApplied: eventId } },
    );
    if (result.modifiedCount === 0) return false;
    await this.models.Community.updateOne(
      { _id: communityId, [`statsApplied.${APPLIED_WINDOW}`]: { $exists: true } },
      { $pop: { statsApplied: -1 } },
    );
    return true;
  }

  async residentEmitted(residentId: string, eventId: string): Promise<boolean> {
    return (await this.models.Resident.exists({ _id: residentId, eventIds: eventId })) !== null;
  }

  async hasCommunity(communityId: string): Promise<boolean> {
    return (await this.models.Community.findById(communityId, { _id: 1 }).lean().exec()) !== null;
  }

  /** Everything the district overview needs, read from small collections and the communities' counters. */
  async overviewSource(): Promise<OverviewSource> {
    const [streets, communities, organizations, posts] = await Promise.all([
      this.models.Street.countDocuments(),
      this.models.Community.find({}, { urban: 1, serviceHall: 1, brand: 1, stats: 1 })
        .lean<Pick<CommunityDoc, 'urban' | 'serviceHall' | 'brand' | 'stats'>[]>()
        .exec(),
      this.models.PartyOrganization.find({}, { coBuilding: 1, memberCount: 1 })
        .lean<{ coBuilding: unknown; memberCount?: number }[]>()
        .exec(),
      this.models.ServicePost.find({ status: 'ACTIVE' }, { endsOn: 1 }).lean<{ endsOn: string | null }[]>().exec(),
    ]);
    const today = todayInDistrict();
    return {
      streets,
      communities: communities.map((c) => ({
        urban: c.urban,
        standardisedHall: isStandardised(c.serviceHall),
        branded: !!c.brand,
        stats: { residents: c.stats?.residents ?? 0, publishedActivities: c.stats?.publishedActivities ?? 0 },
      })),
      partyOrganizations: organizations.length,
      coBuildingPartyOrganizations: organizations.filter((o) => !!o.coBuilding).length,
      partyMembers: organizations.reduce((n, o) => n + (o.memberCount ?? 0), 0),
      activeServicePosts: posts.filter((p) => !p.endsOn || p.endsOn >= today).length,
    };
  }
}
