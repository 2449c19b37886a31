import type { Connection, PageRequest } from '@sanshe/domain-kit';
import type { DistrictLinkageMeeting } from './district-linkage';
import type { Committee } from './territory';
import { committeeOfStreet, type TerritoryReader } from './territory-queries';

export interface DistrictLinkageReader {
  meetingPage(filter: { streetId?: string | null }, page: PageRequest): Promise<Connection<DistrictLinkageMeeting>>;
}

export const linkageMeetings = (
  filter: { streetId?: string | null },
  page: PageRequest,
  reader: DistrictLinkageReader,
): Promise<Connection<DistrictLinkageMeeting>> => reader.meetingPage(filter, page);

/** The district committee's members: the working committee of every street. */
export const districtMemberCommittees = async (territory: TerritoryReader): Promise<Committee[]> =>
  (await territory.streets()).map(committeeOfStreet);
