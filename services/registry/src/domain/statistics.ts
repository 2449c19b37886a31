import type { CommunityStats } from './territory';

/**
 * Counters on communities follow events: registry's own resident events and the
 * activities subgraph's activity.published. Each effect is applied once per event id
 * on each community document (the store keeps the last applied ids in the document
 * itself), on top of the consumer's processed-events marker.
 */
export interface CounterStore {
  /** Adds `delta` to the community's counters unless this event was applied to it already; false when nothing changed. */
  applyToCommunity(communityId: string, eventId: string, delta: Partial<CommunityStats>): Promise<boolean>;
  /**
   * True when this register holds the resident and wrote the event itself. Events of
   * another register on the same broker (a replayed topic, a second environment) are
   * then ignored instead of skewing the counters.
   */
  residentEmitted(residentId: string, eventId: string): Promise<boolean>;
  /** Whether this register holds the community: a key lookup in a small collection, asked first. */
  hasCommunity(communityId: string): Promise<boolean>;
}

interface EventOf<T> {
  id: string;
  data: T;
}

export async function onResidentRegistered(
  store: CounterStore,
  event: EventOf<{ residentId: string; communityId: string }>,
): Promise<void> {
  if (!(await store.hasCommunity(event.data.communityId)) || !(await store.residentEmitted(event.data.residentId, event.id))) return;
  await store.applyToCommunity(event.data.communityId, event.id, { residents: 1 });
}

export async function onResidentMoved(
  store: CounterStore,
  event: EventOf<{ residentId: string; fromCommunityId: string; toCommunityId: string }>,
): Promise<void> {
  if (!(await store.hasCommunity(event.data.toCommunityId)) || !(await store.residentEmitted(event.data.residentId, event.id))) return;
  await store.applyToCommunity(event.data.fromCommunityId, event.id, { residents: -1 });
  await store.applyToCommunity(event.data.toCommunityId, event.id, { residents: 1 });
}

/** Activities published in a community this register does not hold change nothing. */
export async function onActivityPublished(store: CounterStore, event: EventOf<{ communityId: string }>): Promise<void> {
  await store.applyToCommunity(event.data.communityId, event.id, { publishedActivities: 1 });
}

export interface DistrictOverview {
  streets: number;
  communities: number;
  urbanCommunities: number;
  ruralCommunities: number;
  standardisedServiceHalls: number;
  communityBrands: number;
  regionalPartyCommittees: number;
  partyOrganizations: number;
  coBuildingPartyOrganizations: number;
  partyMembers: number;
  activeServicePosts: number;
  residents: number;
}

/** What the overview is computed from: small collections and the communities' counters. */
export interface OverviewSource {
  streets: number;
  communities: { urban: boolean; standardisedHall: boolean; branded: boolean; stats: CommunityStats }[];
  partyOrganizations: number;
  coBuildingPartyOrganizations: number;
  partyMembers: number;
  activeServicePosts: number;
}

export function districtOverview(source: OverviewSource): DistrictOverview {
  const c = source.communities;
  return {
    streets: source.streets,
    communities: c.length,
    urbanCommunities: c.filter((x) => x.urban).length,
    ruralCommunities: c.filter((x) => !x.urban).length,
    standardisedServiceHalls: c.filter((x) => x.standardisedHall).length,
    communityBrands: c.filter((x) => x.branded).length,
    // One regional party committee per street and per community, by construction.
    regionalPartyCommittees: source.streets + c.length,
    partyOrganizations: source.partyOrganizations,
    coBuildingPartyOrganizations: source.coBuildingPartyOrganizations,
    partyMembers: source.partyMembers,
    activeServicePosts: source.activeServicePosts,
    residents: c.reduce((n, x) => n + x.stats.residents, 0),
  };
}
