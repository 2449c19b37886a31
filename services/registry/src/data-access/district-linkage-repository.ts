import type { Connection, PageRequest } from '@sanshe/service-kit';
import type { Committee } from '../domain/territory';
import type { DistrictLinkageMeeting, DistrictLinkageStore } from '../domain/district-linkage';
import type { DistrictLinkageReader } from '../domain/district-linkage-queries';
import type { RegistryModels } from './models';
import { keysetPage } from './models/paging';
import type { TerritoryRepository } from './territory-repository';

export class DistrictLinkageRepository implements DistrictLinkageStore, DistrictLinkageReader {
  constructor(
    private readonly models: RegistryModels,
    private readonly territory: TerritoryRepository,
  ) {}

  committees(ids: readonly string[]): Promise<Committee[]> {
    return this.territory.committees(ids);
  }

  async insertMeeting(meeting: DistrictLinkageMeeting): Promise<void> {
    await this.models.DistrictLinkageMeeting.create(meeting);
  }

  meetingPage(filter: { streetId?: string | null }, page: PageRequest): Promise<Connection<DistrictLinkageMeeting>> {
    return keysetPage<DistrictLinkageMeeting>(
      this.models.DistrictLinkageMeeting,
      filter.streetId ? { streetIds: filter.streetId } : {},
      page,
    );
  }
}
