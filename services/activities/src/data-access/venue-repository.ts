import { findByIds, uniqueWrite } from '@sanshe/service-kit';
import type { CommunityDirectory, KnownCommunity } from '@sanshe/community-directory';
import type { GroupStore } from '../domain/group';
import type { RotaStore } from '../domain/rota';
import type { VenueReader } from '../domain/venue-queries';
import type { ActivityGroup, Rota, Venue } from '../domain/venue-model';
import type { ActivitiesModels } from './models';

/** Venues, residents' groups and rotas: small collections, one per community's few rooms and teams. */
export class VenueRepository implements RotaStore, GroupStore, VenueReader {
  constructor(
    private readonly models: ActivitiesModels,
    private readonly communities: CommunityDirectory,
  ) {}

  venuesByIds(ids: readonly string[]): Promise<Venue[]> {
    return findByIds<Venue>(this.models.Venue, ids);
  }

  venuesOf(communityIds: readonly string[]): Promise<Venue[]> {
    return this.models.Venue.find({ communityId: { $in: [...communityIds] } })
      .sort({ name: 1 })
      .lean<Venue[]>()
      .exec();
  }

  groupsOf(communityIds: readonly string[]): Promise<ActivityGroup[]> {
    return this.models.ActivityGroup.find({ communityId: { $in: [...communityIds] } })
      .sort({ name: 1 })
      .lean<ActivityGroup[]>()
      .exec();
  }

  rotasOf(venueIds: readonly string[]): Promise<Rota[]> {
    return this.models.Rota.find({ venueId: { $in: [...venueIds] } })
      .sort({ createdAt: 1 })
      .lean<Rota[]>()
      .exec();
  }

  community(id: string): Promise<KnownCommunity | null> {
    return this.communities.get(id);
  }

  venue(id: string): Promise<Venue | null> {
    return this.models.Venue.findById(id).lean<Venue>().exec();
  }

  async insertVenue(venue: Venue): Promise<void> {
    await uniqueWrite('Venue', () => this.models.Venue.create(venue));
  }

  group(id: string): Promise<ActivityGroup | null> {
    return this.models.ActivityGroup.findById(id).lean<ActivityGroup>().exec();
  }

  groupsByIds(ids: readonly string[]): Promise<ActivityGroup[]> {
    return findByIds(this.models.ActivityGroup, ids);
  }

  async insertGroup(group: ActivityGroup): Promise<void> {
    await uniqueWrite('ActivityGroup', () => this.models.ActivityGroup.create(group));
  }

  addMember(groupId: string, residentId: string): Promise<ActivityGroup | null> {
    return this.models.ActivityGroup.findOneAndUpdate({ _id: groupId }, { $addToSet: { members: residentId } }, { new: true })
      .lean<ActivityGroup>()
      .exec();
  }

  removeMember(groupId: string, residentId: string): Promise<ActivityGroup | null> {
    return this.models.ActivityGroup.findOneAndUpdate({ _id: groupId }, { $pull: { members: residentId } }, { new: true })
      .lean<ActivityGroup>()
      .exec();
  }

  rota(id: string): Promise<Rota | null> {
    return this.models.Rota.findById(id).lean<Rota>().exec();
  }

  rotasByIds(ids: readonly string[]): Promise<Rota[]> {
    return findByIds<Rota>(this.models.Rota, ids);
  }

  async insertRota(rota: Rota): Promise<void> {
    await this.models.Rota.create(rota);
  }

  markRotaAdopted(id: string, from: string, cycles: number): Promise<Rota | null> {
    return this.models.Rota.findOneAndUpdate(
      { _id: id, status: 'DRAFT' },
      { $set: { status: 'ADOPTED', adoptedFrom: from, adoptedCycles: cycles } },
      { new: true },
    )
      .lean<Rota>()
      .exec();
  }
}
