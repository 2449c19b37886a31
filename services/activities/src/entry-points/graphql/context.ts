import { groupedLoader, type Connection, type EventFactory, type RequestContext } from '@sanshe/service-kit';
import DataLoader from 'dataloader';
import type { ActivityRepository } from '../../data-access/activity-repository';
import type { CampaignPageKey, CampaignRepository } from '../../data-access/campaign-repository';
import type { BookingRepository } from '../../data-access/booking-repository';
import type { ActivityDoc, ResidentRecordDoc } from '../../data-access/models';
import type { ResidentRecordRepository } from '../../data-access/resident-record-repository';
import type { StatsRepository } from '../../data-access/stats-repository';
import type { VenueRepository } from '../../data-access/venue-repository';
import type { Campaign } from '../../domain/campaign';
import type { ActivityGroup, Booking, Rota, Venue } from '../../domain/venue-model';

export interface ActivitiesSettings {
  claimGraceMs: number;
  checkInOpensMinutesBefore: number;
}

/** Everything the resolvers reach: repositories, the event factory, settings. */
export interface ResolverDeps {
  activities: ActivityRepository;
  venues: VenueRepository;
  bookings: BookingRepository;
  stats: StatsRepository;
  records: ResidentRecordRepository;
  campaigns: CampaignRepository;
  events: EventFactory;
  settings: ActivitiesSettings;
}

/** Per-request loaders: every entity and list field costs one query per batch. */
export interface ActivitiesContext extends RequestContext {
  now: Date;
  activities: DataLoader<string, ActivityDoc | null>;
  publishedByCommunity: DataLoader<string, ActivityDoc[]>;
  upcomingByCommunity: DataLoader<string, ActivityDoc[]>;
  organizedBySocialOrganization: DataLoader<string, ActivityDoc[]>;
  organizedByPartyOrganization: DataLoader<string, ActivityDoc[]>;
  venues: DataLoader<string, Venue | null>;
  venuesByCommunity: DataLoader<string, Venue[]>;
  groups: DataLoader<string, ActivityGroup | null>;
  groupsByCommunity: DataLoader<string, ActivityGroup[]>;
  rotas: DataLoader<string, Rota | null>;
  rotasByVenue: DataLoader<string, Rota[]>;
  /** Keyed `venueId|from|to`: venues asked with the same window share one query. */
  bookingsInWindow: DataLoader<string, Booking[]>;
  residentRecords: DataLoader<string, ResidentRecordDoc | null>;
  campaigns: DataLoader<string, Campaign | null>;
  campaignActivities: DataLoader<CampaignPageKey, Connection<ActivityDoc>, string>;
}

function bookingsLoader(bookings: BookingRepository): DataLoader<string, Booking[]> {
  return new DataLoader<string, Booking[]>(async (keys) => {
    const byWindow = new Map<string, string[]>();
    for (const key of keys) {
      const [venueId, from, to] = key.split('|') as [string, string, string];
      byWindow.set(`${from}|${to}`, [...(byWindow.get(`${from}|${to}`) ?? []), venueId]);
    }
    const found = new Map<string, Booking[]>();
    for (const [window, venueIds] of byWindow) {
      const [from, to] = window.split('|') as [string, string];
      for (const b of await bookings.bookingsOverlapping(venueIds, new Date(from), new Date(to))) {
        const key = `${b.venueId}|${window}`;
        found.set(key, [...(found.get(key) ?? []), b]);
      }
    }
    return keys.map((k) => found.get(k) ?? []);
  });
}

export function buildContext(base: RequestContext, deps: ResolverDeps): ActivitiesContext {
  const now = new Date();
  const { activities, venues } = deps;
  return {
    ...base,
    now,
    activities: activities.loader(),
    publishedByCommunity: groupedLoader(
      (ids) => activities.publishedIn(ids),
      (a) => a.communityId,
    ),
    upcomingByCommunity: groupedLoader(
      (ids) => activities.upcomingIn(ids, now),
      (a) => a.communityId,
    ),
    organizedBySocialOrganization: groupedLoader(
      (ids) => activities.organizedBy('SOCIAL_ORGANIZATION', ids),
      (a) => a.organizer.id,
    ),
    organizedByPartyOrganization: groupedLoader(
      (ids) => activities.organizedBy('PARTY_ORGANIZATION', ids),
      (a) => a.organizer.id,
    ),
    venues: venues.venueLoader(),
    venuesByCommunity: groupedLoader(
      (ids) => venues.venuesOf(ids),
      (v) => v.communityId,
    ),
    groups: venues.groupLoader(),
    groupsByCommunity: groupedLoader(
      (ids) => venues.groupsOf(ids),
      (g) => g.communityId,
    ),
    rotas: venues.rotaLoader(),
    rotasByVenue: groupedLoader(
      (ids) => venues.rotasOf(ids),
      (r) => r.venueId,
    ),
    bookingsInWindow: bookingsLoader(deps.bookings),
    residentRecords: deps.records.loader(),
    campaigns: deps.campaigns.campaignLoader(),
    campaignActivities: deps.campaigns.activityPages(),
  };
}
