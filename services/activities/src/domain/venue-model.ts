import type { OpeningInterval } from './opening-hours';

export type VenueKind = 'ROOM' | 'OPEN_SPACE';

export interface Venue {
  _id: string;
  name: string;
  kind: VenueKind;
  communityId: string;
  streetId: string;
  capacity: number;
  openingHours: OpeningInterval[];
  /** Open spaces may host several groups at once; then bookings claim no time cells. */
  allowsOverlap: boolean;
}

export type BookingHolderKind = 'GROUP' | 'ACTIVITY' | 'OTHER';

export interface BookingHolder {
  kind: BookingHolderKind;
  id: string | null;
  name: string;
}

export type BookingStatus = 'ACTIVE' | 'CANCELLED';

/**
 * A booking is valid only while this document exists and is ACTIVE: the time cells it
 * claimed carry its id, and cells whose booking is missing or cancelled are orphans.
 */
export interface Booking {
  _id: string;
  venueId: string;
  communityId: string;
  streetId: string;
  startsAt: Date;
  endsAt: Date;
  holder: BookingHolder;
  purpose: string | null;
  rotaId: string | null;
  cellIds: string[];
  status: BookingStatus;
  createdBy: string;
  createdAt: Date;
  cancelledAt: Date | null;
}

/** One venue's 30-minute time cell, claimed by inserting a document with this unique `_id`. */
export interface CellClaim {
  _id: string;
  venueId: string;
  bookingId: string;
  holderName: string;
  /** The claiming booking's times, so a conflict can be explained without reading it. */
  startsAt: Date;
  endsAt: Date;
  claimedAt: Date;
}

/** Residents who meet regularly at a venue (a square-dance team, a choir…). */
export interface ActivityGroup {
  _id: string;
  communityId: string;
  streetId: string;
  name: string;
  kind: string;
  members: string[];
  createdAt: Date;
}

export interface Rota {
  _id: string;
  venueId: string;
  communityId: string;
  streetId: string;
  groupIds: string[];
  slotMinutes: number;
  eveningStartsAt: number;
  cycleWeeks: number;
  slotsPerGroup: number | null;
  /** Which cycle's round-robin order the first adopted cycle uses. */
  cycleIndex: number;
  status: 'DRAFT' | 'ADOPTED';
  adoptedFrom: string | null;
  adoptedCycles: number | null;
  createdAt: Date;
}
