import { byIdLoader, groupedLoader, type Connection, type EventFactory, type RequestContext } from '@sanshe/service-kit';
import DataLoader from 'dataloader';
import type { ActivityStore } from '../../domain/activity';
import type { Activity } from '../../domain/activity-model';
import {
  activitiesByIds,
  activitiesOrganizedBy,
  publishedActivitiesIn,
  upcomingActivitiesIn,
  type ActivityReader,
} from '../../domain/activity-queries';
import {
  campaignActivityPages,
  campaignsByIds,
  type Campaign,
  type CampaignPageKey,
  type CampaignReader,
  type CampaignStore,
} from '../../domain/campaign';
import type { GroupStore } from '../../domain/group';
import { residentRecordsByIds, type ResidentRecord, type ResidentRecordReader } from '../../domain/resident-record';
import type { RotaStore } from '../../domain/rota';
import type { StatsReader } from '../../domain/stats';
import type { BookingAdminStore } from '../../domain/venue';
import type { ActivityGroup, Booking, Rota, Venue } from '../../domain/venue-model';
import {
  bookingsOverlapping,
  groupsByIds,
  groupsOfCommunities,
  rotasByIds,
  rotasOfVenues,
  venuesByIds,
  venuesOfCommunities,
  type BookingReader,
  type BookingWindowLookup,
  type VenueReader,
} from '../../domain/venue-queries';

export interface ActivitiesSettings {
  claimGraceMs: number;
  checkInOpensMinutesBefore: number;
}

/** Everything the resolvers reach: the domain's ports (service.ts fills them), the event factory, settings. */
export interface ResolverDeps {
  activities: ActivityStore & ActivityReader;
  venues: RotaStore & GroupStore & VenueReader;
  bookings: BookingAdminStore & BookingReader;
  stats: StatsReader;
  records: ResidentRecordReader;
  campaigns: CampaignStore & CampaignReader;
  events: EventFactory;
  settings: ActivitiesSettings;
}

/** Per-request loaders around the domain's batch reads: every entity and list field costs one query per batch. */
export interface ActivitiesContext extends RequestContext {
  now: Date;
  activities: DataLoader<string, Activity | null>;
  publishedByCommunity: DataLoader<string, Activity[]>;
  upcomingByCommunity: DataLoader<string, Activity[]>;
  organizedBySocialOrganization: DataLoader<string, Activity[]>;
  organizedByPartyOrganization: DataLoader<string, Activity[]>;
  venues: DataLoader<string, Venue | null>;
  venuesByCommunity: DataLoader<string, Venue[]>;
  groups: DataLoader<string, ActivityGroup | null>;
  groupsByCommunity: DataLoader<string, ActivityGroup[]>;
  rotas: DataLoader<string, Rota | null>;
  rotasByVenue: DataLoader<string, Rota[]>;
  /** Venues asked with the same window share one query. */
  bookingsInWindow: BookingWindowLookup;
  residentRecords: DataLoader<string, ResidentRecord | null>;
  campaigns: DataLoader<string, Campaign | null>;
  campaignActivities: DataLoader<CampaignPageKey, Connection<Activity>, string>;
}

/** Keyed `venueId|from|to`: one query per distinct window, for all the venues asked with it. */
function bookingsLoader(reader: BookingReader): BookingWindowLookup {
  const loader = new DataLoader<string, Booking[]>(async (keys) => {
    const byWindow = new Map<string, string[]>();
    for (const key of keys) {
      const [venueId, from, to] = key.split('|') as [string, string, string];
      byWindow.set(`${from}|${to}`, [...(byWindow.get(`${from}|${to}`) ?? []), venueId]);
    }
    const found = new Map<string, Booking[]>();
    for (const [window, venueIds] of byWindow) {
      const [from, to] = window.split('|') as [string, string];
      for (const b of await bookingsOverlapping(venueIds, new Date(from), new Date(to), reader)) {
        const key = `${b.venueId}|${window}`;
        found.set(key, [...(found.get(key) ?? []), b]);
      }
    }
    return keys.map((k) => found.get(k) ?? []);
  });
  return { load: (venueId, from, to) => loader.load(`${venueId}|${from.toISOString()}|${to.toISOString()}`) };
}

export function buildContext(base: RequestContext, deps: ResolverDeps): ActivitiesContext {
  const now = new Date();
  const { activities, venues, campaigns } = deps;
  return {
    ...base,
    now,
    activities: byIdLoader((ids) => activitiesByIds(ids, activities)),
    publishedByCommunity: groupedLoader(
      (ids) => publishedActivitiesIn(ids, activities),
      (a) => a.communityId,
    ),
    upcomingByCommunity: groupedLoader(
      (ids) => upcomingActivitiesIn(ids, now, activities),
      (a) => a.communityId,
    ),
    organizedBySocialOrganization: groupedLoader(
      (ids) => activitiesOrganizedBy('SOCIAL_ORGANIZATION', ids, activities),
      (a) => a.organizer.id,
    ),
    organizedByPartyOrganization: groupedLoader(
      (ids) => activitiesOrganizedBy('PARTY_ORGANIZATION', ids, activities),
      (a) => a.organizer.id,
    ),
    venues: byIdLoader((ids) => venuesByIds(ids, venues)),
    venuesByCommunity: groupedLoader(
      (ids) => venuesOfCommunities(ids, venues),
      (v) => v.communityId,
    ),
    groups: byIdLoader((ids) => groupsByIds(ids, venues)),
    groupsByCommunity: groupedLoader(
      (ids) => groupsOfCommunities(ids, venues),
      (g) => g.communityId,
    ),
    rotas: byIdLoader((ids) => rotasByIds(ids, venues)),
    rotasByVenue: groupedLoader(
      (ids) => rotasOfVenues(ids, venues),
      (r) => r.venueId,
    ),
    bookingsInWindow: bookingsLoader(deps.bookings),
    residentRecords: byIdLoader((ids) => residentRecordsByIds(ids, deps.records)),
    campaigns: byIdLoader((ids) => campaignsByIds(ids, campaigns)),
    campaignActivities: new DataLoader<CampaignPageKey, Connection<Activity>, string>((keys) => campaignActivityPages(keys, campaigns), {
      cacheKeyFn: (k) => JSON.stringify([k.campaignId, k.page.afterKey, k.page.limit]),
    }),
  };
}
