import { byIdLoader, groupedLoader, type Connection, type EventFactory, type RequestContext } from '@sanshe/service-kit';
import DataLoader from 'dataloader';
import type { CoBuildingStore, ProjectNeed, ResourceOffer } from '../../domain/co-building';
import { needsByIds, offersByIds, offersMatchedTo, type CoBuildingReader } from '../../domain/co-building-queries';
import type { CentreStore, CommunityCentre } from '../../domain/community-centres';
import type { DistrictLinkageStore } from '../../domain/district-linkage';
import type { DistrictLinkageReader } from '../../domain/district-linkage-queries';
import { groupsOf, pagesOfGroups, type GroupPageKey } from '../../domain/group-pages';
import type { Investment, InvestmentStore } from '../../domain/investments';
import type { PartyMember } from '../../domain/party-members';
import type { PartyOrganization, PartyOrganizationStore } from '../../domain/party-organizations';
import {
  activePostsOfCommunities,
  coBuildingMemberCounts,
  coBuildingMembersOf,
  membersByIds,
  membersOf,
  organizationsByIds,
  organizationsOfCommunities,
  postsByIds,
  type PartyReader,
} from '../../domain/party-queries';
import {
  centresByIds,
  centresOfCommunities,
  investmentsOfCentres,
  terminalsOfCommunities,
  type PlatformReader,
} from '../../domain/platform-queries';
import { residentsByIds, type ResidentReader } from '../../domain/resident-queries';
import type { Resident, ResidentStore } from '../../domain/residents';
import type { ServicePost, ServicePostStore } from '../../domain/service-posts';
import type { OverviewReader } from '../../domain/statistics-queries';
import type { CommunityTerminal, TerminalStore } from '../../domain/terminals';
import type { Committee, Community, Street, TerritoryStore } from '../../domain/territory';
import {
  committeesByIds,
  communitiesByIds,
  communitiesOfStreets,
  streetsByIds,
  type TerritoryReader,
} from '../../domain/territory-queries';

/** What the resolvers are built from, once per service: the domain's ports (service.ts fills them), the event factory, the district. */
export interface RegistryDeps {
  territory: TerritoryStore & TerritoryReader;
  party: PartyOrganizationStore & ServicePostStore & PartyReader;
  residents: ResidentStore & ResidentReader;
  coBuilding: CoBuildingStore & CoBuildingReader;
  districtLinkage: DistrictLinkageStore & DistrictLinkageReader;
  statistics: OverviewReader;
  platform: TerminalStore & CentreStore & InvestmentStore & PlatformReader;
  events: EventFactory;
  district: { id: string; name: string; population: number };
}

/** Per-request loaders: every reference and nested list costs one query per batch. */
export interface RegistryLoaders {
  streets: DataLoader<string, Street | null>;
  communities: DataLoader<string, Community | null>;
  communitiesByStreet: DataLoader<string, Community[]>;
  committees: DataLoader<string, Committee | null>;
  committeeMemberCounts: DataLoader<string, number>;
  committeeMembers: DataLoader<GroupPageKey, Connection<PartyOrganization>, string>;
  organizationMembers: DataLoader<GroupPageKey, Connection<PartyMember>, string>;
  organizations: DataLoader<string, PartyOrganization | null>;
  organizationsByCommunity: DataLoader<string, PartyOrganization[]>;
  members: DataLoader<string, PartyMember | null>;
  posts: DataLoader<string, ServicePost | null>;
  activePostsByCommunity: DataLoader<string, ServicePost[]>;
  residents: DataLoader<string, Resident | null>;
  offers: DataLoader<string, ResourceOffer | null>;
  offersByNeed: DataLoader<string, ResourceOffer[]>;
  needs: DataLoader<string, ProjectNeed | null>;
  terminalsByCommunity: DataLoader<string, CommunityTerminal[]>;
  centres: DataLoader<string, CommunityCentre | null>;
  centresByCommunity: DataLoader<string, CommunityCentre[]>;
  investmentsByCentre: DataLoader<string, Investment[]>;
}

export interface RegistryContext extends RequestContext {
  loaders: RegistryLoaders;
}

/** Pages of a nested list for many parents, one read per batch: every row of the batch's groups, each page cut from its group. */
function groupedPageLoader<T extends { _id: string }>(
  fetch: (groups: readonly string[]) => Promise<T[]>,
  groupOf: (row: T) => string,
): DataLoader<GroupPageKey, Connection<T>, string> {
  return new DataLoader<GroupPageKey, Connection<T>, string>(async (keys) => pagesOfGroups(keys, await fetch(groupsOf(keys)), groupOf), {
    cacheKeyFn: (k) => JSON.stringify([k.group, k.page.afterKey, k.page.limit]),
  });
}

export function buildContext(base: RequestContext, deps: RegistryDeps): RegistryContext {
  const { territory, party, residents, coBuilding, platform } = deps;
  return {
    ...base,
    loaders: {
      streets: byIdLoader((ids) => streetsByIds(ids, territory)),
      communities: byIdLoader((ids) => communitiesByIds(ids, territory)),
      communitiesByStreet: groupedLoader(
        (ids) => communitiesOfStreets(ids, territory),
        (c) => c.streetId,
      ),
      committees: byIdLoader((ids) => committeesByIds(ids, territory)),
      committeeMemberCounts: new DataLoader((ids) => coBuildingMemberCounts(ids, party)),
      committeeMembers: groupedPageLoader(
        (ids) => coBuildingMembersOf(ids, party),
        (o) => o.coBuilding?.committeeId ?? '',
      ),
      organizationMembers: groupedPageLoader(
        (ids) => membersOf(ids, party),
        (m) => m.organizationId,
      ),
      organizations: byIdLoader((ids) => organizationsByIds(ids, party)),
      organizationsByCommunity: groupedLoader(
        (ids) => organizationsOfCommunities(ids, party),
        (o) => o.communityId ?? '',
      ),
      members: byIdLoader((ids) => membersByIds(ids, party)),
      posts: byIdLoader((ids) => postsByIds(ids, party)),
      activePostsByCommunity: groupedLoader(
        (ids) => activePostsOfCommunities(ids, party),
        (p) => p.communityId,
      ),
      residents: byIdLoader((ids) => residentsByIds(ids, residents)),
      offers: byIdLoader((ids) => offersByIds(ids, coBuilding)),
      offersByNeed: groupedLoader(
        (ids) => offersMatchedTo(ids, coBuilding),
        (o) => o.match?.needId ?? '',
      ),
      needs: byIdLoader((ids) => needsByIds(ids, coBuilding)),
      terminalsByCommunity: groupedLoader(
        (ids) => terminalsOfCommunities(ids, platform),
        (t) => t.communityId,
      ),
      centres: byIdLoader((ids) => centresByIds(ids, platform)),
      centresByCommunity: groupedLoader(
        (ids) => centresOfCommunities(ids, platform),
        (c) => c.communityId,
      ),
      investmentsByCentre: groupedLoader(
        (ids) => investmentsOfCentres(ids, platform),
        (i) => i.centreId ?? '',
      ),
    },
  };
}
