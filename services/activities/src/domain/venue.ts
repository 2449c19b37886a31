import { randomUUID } from 'node:crypto';
import { AlreadyExistsError, authorize, BadInputError, ConflictError, NotFoundError } from '@sanshe/domain-kit';
import type { KnownCommunity } from '@sanshe/community-directory';
import { BOOKER_ROLES, communityScope, VENUE_MANAGER_ROLES, type Caller } from './access';
import { claimVenue, isOrphan, type BookingStore } from './booking';
import { parseOpeningHours, type OpeningHoursInput } from './opening-hours';
import { parseDateTime } from './time';
import { optionalText, requiredText } from './validation';
import type { ActivityGroup, Booking, CellClaim, Venue, VenueKind } from './venue-model';

export interface VenueStore {
  community(id: string): Promise<KnownCommunity | null>;
  venue(id: string): Promise<Venue | null>;
  insertVenue(venue: Venue): Promise<void>;
  group(id: string): Promise<ActivityGroup | null>;
}

export interface BookingAdminStore extends BookingStore {
  /** ACTIVE → CANCELLED; null when the booking is not (or no longer) active. */
  markBookingCancelled(id: string, at: Date): Promise<Booking | null>;
  claimsOfVenue(venueId: string): Promise<CellClaim[]>;
  activeBookingsOfVenue(venueId: string): Promise<Booking[]>;
}

export interface BookingSettings {
  /** Claims younger than this may belong to a booking still being written. */
  claimGraceMs: number;
}

export interface NewVenueInput {
  communityId: string;
  name: string;
  kind: VenueKind;
  capacity: number;
  openingHours: OpeningHoursInput[];
  allowsOverlap?: boolean | null;
}

export async function createVenue(input: NewVenueInput, caller: Caller, store: VenueStore, id = `venue-${randomUUID()}`): Promise<Venue> {
  const name = requiredText('name', input.name, 60);
  if (!Number.isInteger(input.capacity) || input.capacity < 1)
    throw new BadInputError('capacity', 'capacity must be a whole number of at least 1.');
  const openingHours = parseOpeningHours(input.openingHours);
  const community = await store.community(input.communityId);
  if (!community) throw new NotFoundError('Community', input.communityId);
  authorize(caller.identity, {
    action: `add a venue to community ${community._id}`,
    roles: VENUE_MANAGER_ROLES,
    scope: communityScope({ communityId: community._id, streetId: community.streetId }),
  });
  const venue: Venue = {
    _id: id,
    name,
    kind: input.kind,
    communityId: community._id,
    streetId: community.streetId,
    capacity: input.capacity,
    openingHours,
    allowsOverlap: input.allowsOverlap ?? false,
  };
  try {
    await store.insertVenue(venue);
  } catch (err) {
    if (err instanceof AlreadyExistsError) throw new ConflictError(`Community ${community._id} already has a venue named ${name}.`);
    throw err;
  }
  return venue;
}

export async function requireVenue(store: Pick<VenueStore, 'venue'>, id: string): Promise<Venue> {
  const venue = await store.venue(id);
  if (!venue) throw new NotFoundError('Venue', id);
  return venue;
}

export interface BookVenueInput {
  venueId: string;
  startsAt: string;
  endsAt: string;
  /** The group that holds the booking; or name a holder when it is not a group. */
  groupId?: string | null;
  holderName?: string | null;
  purpose?: string | null;
}

/** A one-off booking; a time that overlaps another booking is refused with CONFLICT naming its holder and time. */
export async function bookVenue(
  input: BookVenueInput,
  caller: Caller,
  deps: { venues: VenueStore; bookings: BookingStore; settings: BookingSettings; now?: Date },
): Promise<Booking> {
  const startsAt = parseDateTime('startsAt', input.startsAt);
  const endsAt = parseDateTime('endsAt', input.endsAt);
  const purpose = optionalText('purpose', input.purpose, 200);
  const venue = await requireVenue(deps.venues, input.venueId);
  authorize(caller.identity, { action: `book venue ${venue._id}`, roles: BOOKER_ROLES, scope: communityScope(venue) });
  let holder: Booking['holder'];
  if (input.groupId) {
    const group = await deps.venues.group(input.groupId);
    if (!group) throw new NotFoundError('ActivityGroup', input.groupId);
    if (group.communityId !== venue.communityId)
      throw new BadInputError('groupId', `Group ${group.name} belongs to another community than ${venue.name}.`);
    holder = { kind: 'GROUP', id: group._id, name: group.name };
  } else {
    const name = optionalText('holderName', input.holderName, 60);
    if (!name) throw new BadInputError('holderName', 'Say who holds the booking: give groupId, or holderName when it is not a group.');
    holder = { kind: 'OTHER', id: null, name };
  }
  return claimVenue(deps.bookings, {
    venue,
    bookingId: `booking-${randomUUID()}`,
    holder,
    startsAt,
    endsAt,
    purpose,
    rotaId: null,
    createdBy: caller.identity.userId ?? 'unknown',
    now: deps.now ?? new Date(),
    graceMs: deps.settings.claimGraceMs,
  });
}

/** Cancels a booking, then gives its cells back (each only if it still holds it). */
export async function releaseBooking(store: BookingAdminStore, booking: Booking, at: Date): Promise<Booking> {
  const cancelled = (await store.markBookingCancelled(booking._id, at)) ?? (await store.booking(booking._id)) ?? booking;
  await store.releaseCells(booking._id, booking.cellIds);
  return cancelled;
}

export async function cancelVenueBooking(
  id: string,
  caller: Caller,
  deps: { venues: VenueStore; bookings: BookingAdminStore },
): Promise<Booking> {
  const booking = await deps.bookings.booking(id);
  if (!booking) throw new NotFoundError('VenueBooking', id);
  authorize(caller.identity, { action: `cancel booking ${id}`, roles: BOOKER_ROLES, scope: communityScope(booking) });
  if (booking.holder.kind === 'ACTIVITY')
    throw new ConflictError(`Booking ${id} belongs to activity ${booking.holder.id}; cancel the activity instead.`);
  if (booking.status !== 'ACTIVE') throw new ConflictError(`Booking ${id} is already ${booking.status}.`);
  return releaseBooking(deps.bookings, booking, new Date());
}

/**
 * The sweep: removes a venue's orphan claims (their booking cancelled, or never written
 * and older than the grace period) and gives up bookings whose activity was cancelled or
 * never written. Returns how many cells were freed.
 */
export async function releaseOrphanClaims(
  venueId: string,
  caller: Caller,
  deps: {
    venues: VenueStore;
    bookings: BookingAdminStore;
    activityStatus: (id: string) => Promise<string | null>;
    settings: BookingSettings;
    now?: Date;
  },
): Promise<number> {
  const venue = await requireVenue(deps.venues, venueId);
  authorize(caller.identity, {
    action: `release orphan claims of venue ${venue._id}`,
    roles: VENUE_MANAGER_ROLES,
    scope: communityScope(venue),
  });
  const now = deps.now ?? new Date();
  for (const booking of await deps.bookings.activeBookingsOfVenue(venue._id)) {
    if (booking.holder.kind !== 'ACTIVITY' || !booking.holder.id) continue;
    const status = await deps.activityStatus(booking.holder.id);
    const abandoned =
      status === 'CANCELLED' || (status === null && now.getTime() - booking.createdAt.getTime() > deps.settings.claimGraceMs);
    if (abandoned) await releaseBooking(deps.bookings, booking, now);
  }
  let freed = 0;
  for (const claim of await deps.bookings.claimsOfVenue(venue._id)) {
    if (!(await isOrphan(deps.bookings, claim, now, deps.settings.claimGraceMs))) continue;
    await deps.bookings.releaseCells(claim.bookingId, [claim._id]);
    freed += 1;
  }
  return freed;
}
