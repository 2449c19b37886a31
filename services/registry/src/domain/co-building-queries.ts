import type { Connection, PageRequest } from '@sanshe/domain-kit';
import type { ProjectNeed, ResourceCategory, ResourceOffer } from './co-building';

export interface ResourceOfferFilter {
  committeeId?: string | null;
  organizationId?: string | null;
  status?: 'OPEN' | 'MATCHED' | null;
  category?: ResourceCategory | null;
}

export interface ProjectNeedFilter {
  committeeId?: string | null;
  communityId?: string | null;
  category?: ResourceCategory | null;
}

export interface CoBuildingReader {
  offersByIds(ids: readonly string[]): Promise<ResourceOffer[]>;
  needsByIds(ids: readonly string[]): Promise<ProjectNeed[]>;
  offerPage(filter: ResourceOfferFilter, page: PageRequest): Promise<Connection<ResourceOffer>>;
  needPage(filter: ProjectNeedFilter, page: PageRequest): Promise<Connection<ProjectNeed>>;
  /** The offers matched to any of the needs, oldest match first. */
  offersMatchedTo(needIds: readonly string[]): Promise<ResourceOffer[]>;
}

export const offersByIds = (ids: readonly string[], reader: CoBuildingReader): Promise<ResourceOffer[]> => reader.offersByIds(ids);
export const needsByIds = (ids: readonly string[], reader: CoBuildingReader): Promise<ProjectNeed[]> => reader.needsByIds(ids);
export const listResourceOffers = (
  filter: ResourceOfferFilter,
  page: PageRequest,
  reader: CoBuildingReader,
): Promise<Connection<ResourceOffer>> => reader.offerPage(filter, page);
export const listProjectNeeds = (
  filter: ProjectNeedFilter,
  page: PageRequest,
  reader: CoBuildingReader,
): Promise<Connection<ProjectNeed>> => reader.needPage(filter, page);
export const offersMatchedTo = (needIds: readonly string[], reader: CoBuildingReader): Promise<ResourceOffer[]> =>
  reader.offersMatchedTo(needIds);
