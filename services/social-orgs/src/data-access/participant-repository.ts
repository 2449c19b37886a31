import type { CommunityDirectory, KnownCommunity } from '@sanshe/community-directory';
import type { Organization } from '../domain/organization';
import type { SocialOrgsModels } from './models';

/**
 * The organizations and communities a party-building or party-training record names, read the
 * same way for both: their stores extend this one so the two checks cannot drift apart.
 */
export class ParticipantRepository {
  constructor(
    protected readonly models: SocialOrgsModels,
    protected readonly directory: CommunityDirectory,
  ) {}

  organizations(ids: readonly string[]): Promise<Organization[]> {
    return this.models.Organization.find({ _id: { $in: [...ids] } })
      .lean<Organization[]>()
      .exec();
  }

  communities(ids: readonly string[]): Promise<KnownCommunity[]> {
    return this.directory.getMany(ids);
  }
}
