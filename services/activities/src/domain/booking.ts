import { BadInputError, ConflictError } from '@sanshe/domain-kit';
import { describeOpeningHours, isOpen } from './opening-hours';
import { addDays, describeLocal, formatClock, fromLocal, localParts } from './time';
import type { Booking, BookingHolder, CellClaim, Venue } from './venue-model';

/**
 * Conflict-proof booking without transactions. A booking claims each 30-minute cell of
 * the venue it covers by inserting a document whose `_id` is venue + cell start; the
 * unique `_id` lets exactly one claimant win a cell. Cells are inserted in order, so a
 * loser stops at the first taken cell, removes the cells it did insert, and reports the
 * holder named in the winning claim. The booking document is written after its cells:
 * cells without a live booking (a crash between the two writes, a cancellation cut
 * short) are orphans, which a later claimant or the sweep removes once they are older
 * than a grace period that covers any booking still being written.
 */
export const CELL_MINUTES = 30;

export interface BookingStore {
  /** Inserts claims in order; stops at the first cell already claimed and says which. */
  claimCells(claims: CellClaim[]): Promise<{ claimed: number; blockedBy: string | null }>;
  cell(id: string): Promise<CellClaim | null>;
  /** Removes cells, each only if this booking still holds it. */
  releaseCells(bookingId: string, cellIds: readonly string[]): Promise<void>;
  /** 'exists' when a booking with this id was written before (a resumed, idempotent claim). */
  insertBooking(booking: Booking): Promise<'inserted' | 'exists'>;
  booking(id: string): Promise<Booking | null>;
}

export const cellId = (venueId: string, instant: Date): string => {
  const p = localParts(instant);
  return `${venueId}|${p.date}T${formatClock(p.minutes)}`;
};

/** Refuses times a venue cannot be booked for; returns the cells the booking claims. */
export function bookableCells(venue: Venue, startsAt: Date, endsAt: Date, now: Date): string[] {
  if (endsAt <= startsAt) throw new BadInputError('endsAt', 'endsAt must be after startsAt.');
  if (startsAt < now) throw new BadInputError('startsAt', `${describeLocal(startsAt)} has passed; book a time in the future.`);
  const start = localParts(startsAt);
  const end = localParts(endsAt);
  for (const [field, p] of [
    ['startsAt', start],
    ['endsAt', end],
  ] as const) {
    if (p.minutes % CELL_MINUTES !== 0)
      throw new BadInputError(field, `Venues are booked in half hours: ${field} must be on the hour or half hour.`);
  }
  const endMinutes = end.date === start.date ? end.minutes : end.date === addDays(start.date, 1) && end.minutes === 0 ? 24 * 60 : -1;
  if (endMinutes < 0) throw new BadInputError('endsAt', 'A booking starts and ends on the same day.');
  if (!isOpen(venue.openingHours, start.weekday, start.minutes, endMinutes)) {
    throw new BadInputError(
      'startsAt',
      `${venue.name} is ${describeOpeningHours(venue.openingHours, start.weekday)}; ${describeLocal(startsAt)}–${formatClock(endMinutes)} is outside its opening hours.`,
    );
  }
  const cells: string[] = [];
  for (let m = start.minutes; m < endMinutes; m += CELL_MINUTES) cells.push(cellId(venue._id, fromLocal(start.date, m)));
  return cells;
}

export function conflictWith(
  venue: Pick<Venue, '_id' | 'name'>,
  holder: Pick<CellClaim, 'bookingId' | 'holderName' | 'startsAt' | 'endsAt'>,
): ConflictError {
  const day = localParts(holder.startsAt).date;
  const from = formatClock(localParts(holder.startsAt).minutes);
  const to = formatClock(localParts(holder.endsAt).minutes || 24 * 60);
  return new ConflictError(`${venue.name} is already booked on ${day} from ${from} to ${to} by ${holder.holderName}.`, {
    venueId: venue._id,
    holder: holder.holderName,
    bookingId: holder.bookingId,
    startsAt: holder.startsAt.toISOString(),
    endsAt: holder.endsAt.toISOString(),
  });
}

/** A claim whose booking is cancelled, or was never written and is older than the grace period. */
export async function isOrphan(store: Pick<BookingStore, 'booking'>, claim: CellClaim, now: Date, graceMs: number): Promise<boolean> {
  const booking = await store.booking(claim.bookingId);
  if (booking) return booking.status !== 'ACTIVE';
  return now.getTime() - claim.claimedAt.getTime() > graceMs;
}

export interface ClaimRequest {
  venue: Venue;
  bookingId: string;
  holder: BookingHolder;
  startsAt: Date;
  endsAt: Date;
  purpose: string | null;
  rotaId: string | null;
  createdBy: string;
  now: Date;
  graceMs: number;
}

/**
 * Claims the venue for a booking and writes it. Idempotent for a given booking id: cells
 * it already holds count as its own, so an interrupted claim can simply be run again.
 */
export async function claimVenue(store: BookingStore, req: ClaimRequest): Promise<Booking> {
  const { venue, bookingId, now } = req;
  const cells = bookableCells(venue, req.startsAt, req.endsAt, now);
  const cellIds = venue.allowsOverlap ? [] : cells;
  const claim = (id: string): CellClaim => ({
    _id: id,
    venueId: venue._id,
    bookingId,
    holderName: req.holder.name,
    startsAt: req.startsAt,
    endsAt: req.endsAt,
    claimedAt: now,
  });

  const mine: string[] = [];
  let pending = cellIds;
  for (let round = 0; pending.length > 0; round += 1) {
    if (round > 2 * cellIds.length + 4) {
      await store.releaseCells(bookingId, mine);
      throw new ConflictError(`${venue.name} is being booked by others at the same moment; try again.`);
    }
    const { claimed, blockedBy } = await store.claimCells(pending.map(claim));
    mine.push(...pending.slice(0, claimed));
    if (blockedBy === null) break;
    pending = pending.slice(claimed);
    const holder = await store.cell(blockedBy);
    if (!holder) continue; // released meanwhile: try the same cell again
    if (holder.bookingId === bookingId) {
      mine.push(holder._id);
      pending = pending.slice(1);
      continue;
    }
    if (await isOrphan(store, holder, now, req.graceMs)) {
      await store.releaseCells(holder.bookingId, [holder._id]);
      continue;
    }
    await store.releaseCells(bookingId, mine);
    throw conflictWith(venue, holder);
  }

  const booking: Booking = {
    _id: bookingId,
    venueId: venue._id,
    communityId: venue.communityId,
    streetId: venue.streetId,
    startsAt: req.startsAt,
    endsAt: req.endsAt,
    holder: req.holder,
    purpose: req.purpose,
    rotaId: req.rotaId,
    cellIds,
    status: 'ACTIVE',
    createdBy: req.createdBy,
    createdAt: now,
    cancelledAt: null,
  };
  if ((await store.insertBooking(booking)) === 'inserted') return booking;
  const earlier = await store.booking(bookingId);
  // A cancelled booking stays cancelled when its claim is run again: give the cells back.
  if (earlier && earlier.status !== 'ACTIVE') await store.releaseCells(bookingId, mine);
  return earlier ?? booking;
}
