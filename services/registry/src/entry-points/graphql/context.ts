import { groupedLoader, type EventFactory, type RequestContext } from '@sanshe/service-kit';
import type { Connection } from '@sanshe/service-kit';
import DataLoader from 'dataloader';
import type { CoBuildingRepository } from '../../data-access/co-building-repository';
import type { DistrictLinkageRepository } from '../../data-access/district-linkage-repository';
import type { PlatformRepository } from '../../data-access/platform-repository';
import type { PartyRepository } from '../../data-access/party-repository';
import type { ResidentRepository } from '../../data-access/resident-repository';
import type { StatisticsRepository } from '../../data-access/statistics-repository';
import type { TerritoryRepository } from '../../data-access/territory-repository';
import type { CommunityCentre } from '../../domain/community-centres';
import type { Investment } from '../../domain/investments';
import type { CommunityTerminal } from '../../domain/terminals';
import type { ProjectNeed, ResourceOffer } from '../../domain/co-building';
import type { PartyMember } from '../../domain/party-members';
import type { PartyOrganization } from '../../domain/party-organizations';
import type { Resident } from '../../domain/residents';
import type { ServicePost } from '../../domain/service-posts';
import type { Committee, Community, Street } from '../../domain/territory';
import { groupsOf, pagesOfGroups, type GroupPageKey } from '../../domain/group-pages';

/** What the resolvers are built from, once per service. */
export interface RegistryDeps {
  territory: TerritoryRepository;
  party: PartyRepository;
  residents: ResidentRepository;
  coBuilding: CoBuildingRepository;
  districtLinkage: DistrictLinkageRepository;
  statistics: StatisticsRepository;
  platform: PlatformRepository;
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

/** Pages of a nested list for many parents, one read per batch: every row of the batch's groups, each page cut from its group. */
function groupedPageLoader<T extends { _id: string }>(
  fetch: (groups: readonly string[]) => Promise<T[]>,
  groupOf: (row: T) => string,
): DataLoader<GroupPageKey, Connection<T>, string> {
  return new DataLoader<GroupPageKey, Connection<T>, string>(async (keys) => pagesOfGroups(keys, await fetch(groupsOf(keys)), groupOf), {
    cacheKeyFn: (k) => JSON.stringify([k.group, k.page.afterKey, k.page.limit]),
  });
}

export interface RegistryContext extends RequestContext {
  loaders: RegistryLoaders;
}

export function buildContext(base: RequestContext, deps: RegistryDeps): RegistryContext {
  return {
    ...base,
    loaders: {
      streets: deps.territory.streetLoader(),
      communities: deps.territory.communityLoader(),
      communitiesByStreet: groupedLoader(
        (ids) => deps.territory.communitiesOfStreets(ids),
        (c) => c.streetId,
      ),
      committees: deps.territory.committeeLoader(),
      committeeMemberCounts: deps.party.memberCountsByCommittee(),
      committeeMembers: groupedPageLoader(
        (ids) => deps.party.coBuildingMembersOf(ids),
        (o) => o.coBuilding?.committeeId ?? '',
      ),
      organizationMembers: groupedPageLoader(
        (ids) => deps.party.membersOf(ids),
        (m) => m.organizationId,
      ),
      organizations: deps.party.organizationLoader(),
      organizationsByCommunity: deps.party.organizationsByCommunity(),
      members: deps.party.memberLoader(),
      posts: deps.party.postLoader(),
      activePostsByCommunity: deps.party.postsByCommunity(),
      residents: deps.residents.loader(),
      offers: deps.coBuilding.offerLoader(),
      offersByNeed: deps.coBuilding.offersByNeed(),
      needs: deps.coBuilding.needLoader(),
      terminalsByCommunity: deps.platform.terminalsByCommunity(),
      centres: deps.platform.centreLoader(),
      centresByCommunity: deps.platform.centresByCommunity(),
      investmentsByCentre: deps.platform.investmentsByCentre(),
    },
  };
}
