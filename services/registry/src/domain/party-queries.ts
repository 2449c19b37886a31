import type { Connection, PageRequest } from '@sanshe/domain-kit';
import type { GroupPageKey } from './group-pages';
import { authorizeMemberListing, authorizeOrganizationMembers, type PartyMember } from './party-members';
import type { PartyOrganization, PartyOrganizationKind, PartyOrganizationSector, PartyOrganizationStore } from './party-organizations';
import type { Caller } from './rules';
import type { ServicePost } from './service-posts';
import type { TerritoryStore } from './territory';

export interface PartyOrganizationFilter {
  streetId?: string | null;
  communityId?: string | null;
  sector?: PartyOrganizationSector | null;
  kind?: PartyOrganizationKind | null;
  coBuilding?: boolean | null;
  committeeId?: string | null;
}

export interface PartyMemberFilter {
  organizationId?: string | null;
  communityId?: string | null;
  streetId?: string | null;
}

export interface ServicePostFilter {
  communityId?: string | null;
  streetId?: string | null;
  holderId?: string | null;
  status?: 'ACTIVE' | 'ENDED' | null;
}

/** The party reads the API answers: organizations, members and service posts, single, paged and in batches. */
export interface PartyReader {
  organizationByName(name: string): Promise<PartyOrganization | null>;
  organizationPage(filter: PartyOrganizationFilter, page: PageRequest): Promise<Connection<PartyOrganization>>;
  organizationsByIds(ids: readonly string[]): Promise<PartyOrganization[]>;
  organizationsOfCommunities(communityIds: readonly string[]): Promise<PartyOrganization[]>;
  /** Co-building members per committee, for the committees that have any. */
  coBuildingMemberCounts(committeeIds: readonly string[]): Promise<{ committeeId: string; count: number }[]>;
  coBuildingMembersOf(committeeIds: readonly string[]): Promise<PartyOrganization[]>;
  membersByIds(ids: readonly string[]): Promise<PartyMember[]>;
  memberPage(filter: PartyMemberFilter, page: PageRequest): Promise<Connection<PartyMember>>;
  membersOf(organizationIds: readonly string[]): Promise<PartyMember[]>;
  postsByIds(ids: readonly string[]): Promise<ServicePost[]>;
  postPage(filter: ServicePostFilter, page: PageRequest): Promise<Connection<ServicePost>>;
  activePostsOfCommunities(communityIds: readonly string[]): Promise<ServicePost[]>;
}

export const organizationByName = (name: string, reader: PartyReader): Promise<PartyOrganization | null> =>
  reader.organizationByName(name.trim());
export const listPartyOrganizations = (
  filter: PartyOrganizationFilter,
  page: PageRequest,
  reader: PartyReader,
): Promise<Connection<PartyOrganization>> => reader.organizationPage(filter, page);
export const organizationsByIds = (ids: readonly string[], reader: PartyReader): Promise<PartyOrganization[]> =>
  reader.organizationsByIds(ids);
export const organizationsOfCommunities = (communityIds: readonly string[], reader: PartyReader): Promise<PartyOrganization[]> =>
  reader.organizationsOfCommunities(communityIds);
export const coBuildingMembersOf = (committeeIds: readonly string[], reader: PartyReader): Promise<PartyOrganization[]> =>
  reader.coBuildingMembersOf(committeeIds);
export const membersByIds = (ids: readonly string[], reader: PartyReader): Promise<PartyMember[]> => reader.membersByIds(ids);
export const membersOf = (organizationIds: readonly string[], reader: PartyReader): Promise<PartyMember[]> =>
  reader.membersOf(organizationIds);
export const postsByIds = (ids: readonly string[], reader: PartyReader): Promise<ServicePost[]> => reader.postsByIds(ids);
export const listServicePosts = (filter: ServicePostFilter, page: PageRequest, reader: PartyReader): Promise<Connection<ServicePost>> =>
  reader.postPage(filter, page);
export const activePostsOfCommunities = (communityIds: readonly string[], reader: PartyReader): Promise<ServicePost[]> =>
  reader.activePostsOfCommunities(communityIds);

/** The co-building member count of each committee asked, in the order asked; none counts 0. */
export async function coBuildingMemberCounts(committeeIds: readonly string[], reader: PartyReader): Promise<number[]> {
  const counts = new Map((await reader.coBuildingMemberCounts(committeeIds)).map((r) => [r.committeeId, r.count]));
  return committeeIds.map((id) => counts.get(id) ?? 0);
}

/** A page of party members, for the territory staff the filter's territory allows (see authorizeMemberListing). */
export async function listPartyMembers(
  filter: PartyMemberFilter,
  page: PageRequest,
  caller: Caller,
  deps: { organizations: PartyOrganizationStore & PartyReader; territory: TerritoryStore },
): Promise<Connection<PartyMember>> {
  await authorizeMemberListing(filter, caller, deps);
  return deps.organizations.memberPage(filter, page);
}

/** A page of an organization's members, for the staff of its territory (see authorizeOrganizationMembers). */
export function organizationMemberPage(
  org: PartyOrganization,
  page: PageRequest,
  caller: Caller,
  load: (key: GroupPageKey) => Promise<Connection<PartyMember>>,
): Promise<Connection<PartyMember>> {
  authorizeOrganizationMembers(org, caller);
  return load({ group: org._id, page });
}
