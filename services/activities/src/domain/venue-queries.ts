import { authorize, BadInputError } from '@sanshe/domain-kit';
import { BOOKER_ROLES, communityScope, type Caller } from './access';
import { parseDateTime } from './time';
import type { ActivityGroup, Booking, Rota, Venue } from './venue-model';

/**
 * The reads of venues, residents' groups, rotas and bookings, many at once (per request
 * they are batched), and what a caller may see of them: a venue's bookings and a group's
 * members are for those who book the community's venues.
 */
export interface VenueReader {
  venuesByIds(ids: readonly string[]): Promise<Venue[]>;
  groupsByIds(ids: readonly string[]): Promise<ActivityGroup[]>;
  rotasByIds(ids: readonly string[]): Promise<Rota[]>;
  /** The venues of many communities, by name. */
  venuesOf(communityIds: readonly string[]): Promise<Venue[]>;
  /** The groups of many communities, by name. */
  groupsOf(communityIds: readonly string[]): Promise<ActivityGroup[]>;
  /** The rotas of many venues, oldest first. */
  rotasOf(venueIds: readonly string[]): Promise<Rota[]>;
}

export interface BookingReader {
  /** Active bookings of many venues overlapping [from, to), in time order. */
  bookingsOverlapping(venueIds: readonly string[], from: Date, to: Date): Promise<Booking[]>;
}

export const venuesByIds = (ids: readonly string[], reader: VenueReader): Promise<Venue[]> => reader.venuesByIds(ids);
export const groupsByIds = (ids: readonly string[], reader: VenueReader): Promise<ActivityGroup[]> => reader.groupsByIds(ids);
export const rotasByIds = (ids: readonly string[], reader: VenueReader): Promise<Rota[]> => reader.rotasByIds(ids);
export const venuesOfCommunities = (communityIds: readonly string[], reader: VenueReader): Promise<Venue[]> =>
  reader.venuesOf(communityIds);
export const groupsOfCommunities = (communityIds: readonly string[], reader: VenueReader): Promise<ActivityGroup[]> =>
  reader.groupsOf(communityIds);
export const rotasOfVenues = (venueIds: readonly string[], reader: VenueReader): Promise<Rota[]> => reader.rotasOf(venueIds);

/** Active bookings of many venues in one window, in time order. */
export const bookingsOverlapping = (venueIds: readonly string[], from: Date, to: Date, reader: BookingReader): Promise<Booking[]> =>
  reader.bookingsOverlapping(venueIds, from, to);

export const MAX_BOOKING_WINDOW_DAYS = 92;

/** The bookings of one venue in a window, batched with other venues asked for the same window. */
export interface BookingWindowLookup {
  load(venueId: string, from: Date, to: Date): Promise<Booking[]>;
}

/** A venue's bookings between `from` and `to` (at most 92 days), for those who book the community's venues. */
export function venueBookings(
  caller: Pick<Caller, 'identity'>,
  venue: Venue,
  window: { from: string; to: string },
  bookings: BookingWindowLookup,
): Promise<Booking[]> {
  authorize(caller.identity, { action: `see the bookings of venue ${venue._id}`, roles: BOOKER_ROLES, scope: communityScope(venue) });
  const from = parseDateTime('from', window.from);
  const to = parseDateTime('to', window.to);
  if (to <= from || to.getTime() - from.getTime() > MAX_BOOKING_WINDOW_DAYS * 86_400_000) {
    throw new BadInputError('to', `to must be after from, at most ${MAX_BOOKING_WINDOW_DAYS} days later.`);
  }
  return bookings.load(venue._id, from, to);
}

/** A group's members (resident ids), for those who book the community's venues. */
export function groupMembers(caller: Pick<Caller, 'identity'>, group: ActivityGroup): string[] {
  authorize(caller.identity, { action: `see the members of group ${group.name}`, roles: BOOKER_ROLES, scope: communityScope(group) });
  return group.members;
}
