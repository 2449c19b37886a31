import { randomUUID } from 'node:crypto';
import { authorize, BadInputError, ConflictError, DomainError, NotFoundError } from '@sanshe/domain-kit';
import { communityScope, VENUE_MANAGER_ROLES, type Caller } from './access';
import { claimVenue } from './booking';
import { generateRotaCycle, validateRotaPlan, type RotaPlan, type RotaSlotAssignment } from './rota-generator';
import { addDays, formatClock, fromLocal, parseClock, parseLocalDate, weekdayOf } from './time';
import { releaseBooking, requireVenue, type BookingAdminStore, type BookingSettings, type VenueStore } from './venue';
import type { ActivityGroup, Rota, Venue } from './venue-model';

export interface RotaStore extends VenueStore {
  groupsByIds(ids: readonly string[]): Promise<ActivityGroup[]>;
  insertRota(rota: Rota): Promise<void>;
  rota(id: string): Promise<Rota | null>;
  /** DRAFT → ADOPTED; null when the rota was adopted meanwhile. */
  markRotaAdopted(id: string, from: string, cycles: number): Promise<Rota | null>;
}

export const MAX_ADOPTED_CYCLES = 8;

export function planOf(rota: Rota, venue: Venue): RotaPlan {
  return {
    openingHours: venue.openingHours,
    groupIds: rota.groupIds,
    slotMinutes: rota.slotMinutes,
    eveningStartsAt: rota.eveningStartsAt,
    cycleWeeks: rota.cycleWeeks,
    slotsPerGroup: rota.slotsPerGroup,
  };
}

/** The slots of the n-th adopted cycle (0 = the first). */
export const rotaCycle = (rota: Rota, venue: Venue, n = 0): RotaSlotAssignment[] =>
  generateRotaCycle(planOf(rota, venue), rota.cycleIndex + n);

export interface GenerateRotaInput {
  venueId: string;
  groupIds: string[];
  slotMinutes?: number | null;
  eveningStartsAt?: string | null;
  cycleWeeks?: number | null;
  slotsPerGroup?: number | null;
  cycleIndex?: number | null;
}

/** Generates a draft rota for a venue; nothing is booked until it is adopted. */
export async function generateRota(input: GenerateRotaInput, caller: Caller, store: RotaStore, id = `rota-${randomUUID()}`): Promise<Rota> {
  const venue = await requireVenue(store, input.venueId);
  authorize(caller.identity, { action: `draw up a rota for venue ${venue._id}`, roles: VENUE_MANAGER_ROLES, scope: communityScope(venue) });
  const groups = await store.groupsByIds(input.groupIds);
  for (const groupId of input.groupIds) {
    const group = groups.find((g) => g._id === groupId);
    if (!group) throw new NotFoundError('ActivityGroup', groupId);
    if (group.communityId !== venue.communityId)
      throw new BadInputError('groupIds', `Group ${group.name} belongs to another community than ${venue.name}.`);
  }
  const cycleIndex = input.cycleIndex ?? 0;
  if (!Number.isInteger(cycleIndex) || cycleIndex < 0)
    throw new BadInputError('cycleIndex', 'cycleIndex must be a whole number of at least 0.');
  const rota: Rota = {
    _id: id,
    venueId: venue._id,
    communityId: venue.communityId,
    streetId: venue.streetId,
    groupIds: input.groupIds,
    slotMinutes: input.slotMinutes ?? 60,
    eveningStartsAt: parseClock('eveningStartsAt', input.eveningStartsAt ?? '18:00'),
    cycleWeeks: input.cycleWeeks ?? 1,
    slotsPerGroup: input.slotsPerGroup ?? null,
    cycleIndex,
    status: 'DRAFT',
    adoptedFrom: null,
    adoptedCycles: null,
    createdAt: new Date(),
  };
  validateRotaPlan(planOf(rota, venue));
  await store.insertRota(rota);
  return rota;
}

interface Occurrence {
  bookingId: string;
  groupId: string;
  startsAt: Date;
  endsAt: Date;
}

/** Every dated slot of `cycles` cycles from `from` (a Monday); booking ids are deterministic so adoption can be resumed. */
export function occurrences(rota: Rota, venue: Venue, from: string, cycles: number): Occurrence[] {
  const list: Occurrence[] = [];
  for (let c = 0; c < cycles; c += 1) {
    for (const slot of rotaCycle(rota, venue, c)) {
      const date = addDays(from, (c * rota.cycleWeeks + slot.week) * 7 + slot.weekday - 1);
      list.push({
        bookingId: `${rota._id}-${date}-${formatClock(slot.starts).replace(':', '')}`,
        groupId: slot.groupId,
        startsAt: fromLocal(date, slot.starts),
        endsAt: fromLocal(date, slot.ends),
      });
    }
  }
  return list;
}

/**
 * Adopts a rota: books every slot of `cycles` cycles from `from`. All or nothing — when
 * a slot is already booked by someone else, every booking of this rota is given back and
 * the CONFLICT names the holder and the time. Slots already past are skipped.
 */
export async function adoptRota(
  input: { rotaId: string; from: string; cycles: number },
  caller: Caller,
  deps: { rotas: RotaStore; bookings: BookingAdminStore; settings: BookingSettings; now?: Date },
): Promise<Rota> {
  const from = parseLocalDate('from', input.from);
  if (weekdayOf(from) !== 1) throw new BadInputError('from', 'A rota cycle starts on a Monday: give the date of a Monday.');
  if (!Number.isInteger(input.cycles) || input.cycles < 1 || input.cycles > MAX_ADOPTED_CYCLES)
    throw new BadInputError('cycles', `cycles must be a whole number from 1 to ${MAX_ADOPTED_CYCLES}.`);
  const rota = await deps.rotas.rota(input.rotaId);
  if (!rota) throw new NotFoundError('Rota', input.rotaId);
  const venue = await requireVenue(deps.rotas, rota.venueId);
  authorize(caller.identity, { action: `adopt a rota for venue ${venue._id}`, roles: VENUE_MANAGER_ROLES, scope: communityScope(venue) });
  if (rota.status !== 'DRAFT')
    throw new ConflictError(`Rota ${rota._id} was already adopted from ${rota.adoptedFrom} for ${rota.adoptedCycles} cycles.`);
  const now = deps.now ?? new Date();
  const groups = new Map((await deps.rotas.groupsByIds(rota.groupIds)).map((g) => [g._id, g]));
  const planned = occurrences(rota, venue, from, input.cycles).filter((o) => o.startsAt >= now);
  try {
    for (const o of planned) {
      await claimVenue(deps.bookings, {
        venue,
        bookingId: o.bookingId,
        holder: { kind: 'GROUP', id: o.groupId, name: groups.get(o.groupId)?.name ?? o.groupId },
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        purpose: `rota ${rota._id}`,
        rotaId: rota._id,
        createdBy: caller.identity.userId ?? 'unknown',
        now,
        graceMs: deps.settings.claimGraceMs,
      });
    }
  } catch (err) {
    if (err instanceof DomainError) {
      for (const o of planned) {
        const booking = await deps.bookings.booking(o.bookingId);
        if (booking?.status === 'ACTIVE') await releaseBooking(deps.bookings, booking, now);
      }
    }
    throw err;
  }
  const adopted = await deps.rotas.markRotaAdopted(rota._id, from, input.cycles);
  if (!adopted) throw new ConflictError(`Rota ${rota._id} was adopted by someone else meanwhile.`);
  return adopted;
}
