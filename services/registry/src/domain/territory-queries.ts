import { BadInputError } from '@sanshe/domain-kit';
import type { Committee, Community, Street } from './territory';

export interface CommunityFilter {
  streetId?: string | null;
  urban?: boolean | null;
  name?: string | null;
}

/** The territory reads the API answers: streets, communities and their regional party committees. */
export interface TerritoryReader {
  streets(): Promise<Street[]>;
  streetByName(name: string): Promise<Street | null>;
  streetsByIds(ids: readonly string[]): Promise<Street[]>;
  communities(filter: CommunityFilter): Promise<Community[]>;
  communitiesByIds(ids: readonly string[]): Promise<Community[]>;
  communitiesOfStreets(streetIds: readonly string[]): Promise<Community[]>;
  brandedCommunities(): Promise<Community[]>;
  committees(ids: readonly string[]): Promise<Committee[]>;
}

export const committeeOfStreet = (s: Street): Committee => ({
  ...s.regionalCommittee,
  level: 'STREET',
  streetId: s._id,
  communityId: null,
});

export const committeeOfCommunity = (c: Community): Committee => ({
  ...c.regionalCommittee,
  level: 'COMMUNITY',
  streetId: c.streetId,
  communityId: c._id,
});

export const allStreets = (reader: TerritoryReader): Promise<Street[]> => reader.streets();
export const streetByName = (name: string, reader: TerritoryReader): Promise<Street | null> => reader.streetByName(name.trim());
export const streetsByIds = (ids: readonly string[], reader: TerritoryReader): Promise<Street[]> => reader.streetsByIds(ids);
export const communitiesByIds = (ids: readonly string[], reader: TerritoryReader): Promise<Community[]> => reader.communitiesByIds(ids);
export const committeesByIds = (ids: readonly string[], reader: TerritoryReader): Promise<Committee[]> => reader.committees(ids);
export const communitiesOfStreets = (streetIds: readonly string[], reader: TerritoryReader): Promise<Community[]> =>
  reader.communitiesOfStreets(streetIds);
export const listCommunities = (filter: CommunityFilter, reader: TerritoryReader): Promise<Community[]> => reader.communities(filter);
export const brandedCommunities = (reader: TerritoryReader): Promise<Community[]> => reader.brandedCommunities();

/** A community by name, within a street when given; a name shared by several communities needs the street. */
export async function communityByName(name: string, streetId: string | null, reader: TerritoryReader): Promise<Community | null> {
  const found = await reader.communities({ name: name.trim(), streetId });
  if (found.length > 1) throw new BadInputError('streetId', `${found.length} communities are named ${name}; give streetId to choose one.`);
  return found[0] ?? null;
}

/** The regional party committees of a level (both when none is given), within a street when given. */
export async function regionalPartyCommittees(
  level: 'STREET' | 'COMMUNITY' | null,
  streetId: string | null,
  reader: TerritoryReader,
): Promise<Committee[]> {
  const streets = level === 'COMMUNITY' ? [] : (await reader.streets()).filter((s) => !streetId || s._id === streetId);
  const communities = level === 'STREET' ? [] : await reader.communities({ streetId });
  return [...streets.map(committeeOfStreet), ...communities.map(committeeOfCommunity)];
}
