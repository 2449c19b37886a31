import { isDuplicateKeyError } from '@sanshe/service-kit';
import { mongo } from 'mongoose';
import type { BookingAdminStore } from '../domain/venue';
import type { BookingReader } from '../domain/venue-queries';
import type { Booking, CellClaim } from '../domain/venue-model';
import type { ActivitiesModels } from './models';

function firstFailedIndex(err: InstanceType<typeof mongo.MongoBulkWriteError>): number {
  const errors = Array.isArray(err.writeErrors) ? err.writeErrors : [err.writeErrors];
  return Math.min(...errors.map((e) => e.index));
}

/** Bookings and the time cells they claim. Every write here is a single-document one. */
export class BookingRepository implements BookingAdminStore, BookingReader {
  constructor(private readonly models: ActivitiesModels) {}

  async claimCells(claims: CellClaim[]): Promise<{ claimed: number; blockedBy: string | null }> {
    try {
      // The driver's own insertMany: ordered, so it stops at the first taken cell and says how far it got.
      await this.models.Cell.collection.insertMany(claims as unknown as Record<string, unknown>[], { ordered: true });
      return { claimed: claims.length, blockedBy: null };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      // Ordered: the first failed write's index is how many went in before it. (Not `insertedCount`,
      // which the embedded store reports as the whole batch.)
      const claimed = err instanceof mongo.MongoBulkWriteError ? firstFailedIndex(err) : 0;
      return { claimed, blockedBy: claims[claimed]!._id };
    }
  }

  cell(id: string): Promise<CellClaim | null> {
    return this.models.Cell.findById(id).lean<CellClaim>().exec();
  }

  async releaseCells(bookingId: string, cellIds: readonly string[]): Promise<void> {
    // One guarded delete per cell (`_id` equality): never removes a cell another booking has claimed since.
    await Promise.all(cellIds.map((id) => this.models.Cell.deleteOne({ _id: id, bookingId }).exec()));
  }

  async insertBooking(booking: Booking): Promise<'inserted' | 'exists'> {
    try {
      await this.models.Booking.create(booking);
      return 'inserted';
    } catch (err) {
      if (isDuplicateKeyError(err)) return 'exists';
      throw err;
    }
  }

  booking(id: string): Promise<Booking | null> {
    return this.models.Booking.findById(id).lean<Booking>().exec();
  }

  markBookingCancelled(id: string, at: Date): Promise<Booking | null> {
    return this.models.Booking.findOneAndUpdate(
      { _id: id, status: 'ACTIVE' },
      { $set: { status: 'CANCELLED', cancelledAt: at } },
      { new: true },
    )
      .lean<Booking>()
      .exec();
  }

  claimsOfVenue(venueId: string): Promise<CellClaim[]> {
    return this.models.Cell.find({ venueId }).lean<CellClaim[]>().exec();
  }

  activeBookingsOfVenue(venueId: string): Promise<Booking[]> {
    return this.models.Booking.find({ venueId, status: 'ACTIVE' }).lean<Booking[]>().exec();
  }

  /** Active bookings of many venues overlapping [from, to), in one query, in time order. */
  bookingsOverlapping(venueIds: readonly string[], from: Date, to: Date): Promise<Booking[]> {
    return this.models.Booking.find({ venueId: { $in: [...venueIds] }, status: 'ACTIVE', startsAt: { $lt: to }, endsAt: { $gt: from } })
      .sort({ startsAt: 1 })
      .lean<Booking[]>()
      .exec();
  }
}
