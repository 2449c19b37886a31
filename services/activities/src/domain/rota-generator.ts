import { BadInputError } from '@sanshe/domain-kit';
import { validateOpeningHours, type OpeningInterval } from './opening-hours';

/**
 * The rota generator: shares a venue's weekly opening hours among groups.
 * Pure: no clock, no storage. Slots never overlap, and prime-time (evening) slots go
 * round-robin, so within one cycle no group has more than one evening slot more
 * than another. The round-robin starts one group further in each cycle, so over as
 * many cycles as there are groups every group gets the same number of evenings.
 */
export interface RotaPlan {
  openingHours: OpeningInterval[];
  /** Group ids in the order they asked; the order only decides who starts the round-robin. */
  groupIds: string[];
  slotMinutes: number;
  /** A slot starting at or after this minute of the day is an evening (prime-time) slot. */
  eveningStartsAt: number;
  /** A cycle spans this many weeks; week 0 starts on a Monday. */
  cycleWeeks: number;
  /**
   * Slots each group gets per cycle (evenings first, then daytime). Unset: every
   * evening slot is shared out and daytime stays free for one-off bookings.
   */
  slotsPerGroup: number | null;
}

export interface CandidateSlot {
  week: number;
  weekday: number;
  starts: number;
  ends: number;
  evening: boolean;
}

export interface RotaSlotAssignment extends CandidateSlot {
  groupId: string;
}

export const ROTA_LIMITS = { minSlotMinutes: 30, maxSlotMinutes: 240, maxCycleWeeks: 4, maxGroups: 20 } as const;

export function validateRotaPlan(plan: RotaPlan): void {
  validateOpeningHours(plan.openingHours);
  const { minSlotMinutes, maxSlotMinutes, maxCycleWeeks, maxGroups } = ROTA_LIMITS;
  if (plan.groupIds.length === 0) throw new BadInputError('groupIds', 'A rota shares a venue among groups: give at least one group.');
  if (plan.groupIds.length > maxGroups) throw new BadInputError('groupIds', `A rota shares a venue among at most ${maxGroups} groups.`);
  if (new Set(plan.groupIds).size !== plan.groupIds.length)
    throw new BadInputError('groupIds', 'Each group may appear only once in a rota.');
  if (
    !Number.isInteger(plan.slotMinutes) ||
    plan.slotMinutes % 30 !== 0 ||
    plan.slotMinutes < minSlotMinutes ||
    plan.slotMinutes > maxSlotMinutes
  ) {
    throw new BadInputError('slotMinutes', `slotMinutes must be a multiple of 30 from ${minSlotMinutes} to ${maxSlotMinutes}.`);
  }
  if (!Number.isInteger(plan.eveningStartsAt) || plan.eveningStartsAt < 0 || plan.eveningStartsAt > 24 * 60) {
    throw new BadInputError('eveningStartsAt', 'eveningStartsAt must be a clock time HH:MM, e.g. 18:00.');
  }
  if (!Number.isInteger(plan.cycleWeeks) || plan.cycleWeeks < 1 || plan.cycleWeeks > maxCycleWeeks) {
    throw new BadInputError('cycleWeeks', `cycleWeeks must be a whole number from 1 to ${maxCycleWeeks}.`);
  }
  if (plan.slotsPerGroup !== null && (!Number.isInteger(plan.slotsPerGroup) || plan.slotsPerGroup < 1)) {
    throw new BadInputError(
      'slotsPerGroup',
      'slotsPerGroup must be a whole number of at least 1, or left out to share every evening slot.',
    );
  }
}

const chronological = (a: CandidateSlot, b: CandidateSlot) => a.week - b.week || a.weekday - b.weekday || a.starts - b.starts;

/** Every whole slot that fits in the opening hours of one cycle, in time order. */
export function candidateSlots(plan: Pick<RotaPlan, 'openingHours' | 'slotMinutes' | 'eveningStartsAt' | 'cycleWeeks'>): CandidateSlot[] {
  const slots: CandidateSlot[] = [];
  for (let week = 0; week < plan.cycleWeeks; week += 1) {
    for (const interval of plan.openingHours) {
      for (let starts = interval.opens; starts + plan.slotMinutes <= interval.closes; starts += plan.slotMinutes) {
        slots.push({ week, weekday: interval.weekday, starts, ends: starts + plan.slotMinutes, evening: starts >= plan.eveningStartsAt });
      }
    }
  }
  return slots.sort(chronological);
}

/** The groups in the order this cycle's round-robin visits them. */
export function cycleOrder(groupIds: readonly string[], cycleIndex: number): string[] {
  const shift = ((cycleIndex % groupIds.length) + groupIds.length) % groupIds.length;
  return [...groupIds.slice(shift), ...groupIds.slice(0, shift)];
}

/**
 * One cycle of the rota. Evening slots are dealt first, in time order, one group after
 * the other; then, when groups want a fixed number of slots, daytime slots continue the
 * same round-robin. Equal caps and one shared turn pointer keep every group's evening
 * count, and total count, within one of every other group's.
 */
export function generateRotaCycle(plan: RotaPlan, cycleIndex = 0): RotaSlotAssignment[] {
  validateRotaPlan(plan);
  const order = cycleOrder(plan.groupIds, cycleIndex);
  const cap = plan.slotsPerGroup ?? Number.POSITIVE_INFINITY;
  const counts = new Map(order.map((g) => [g, 0]));
  const candidates = candidateSlots(plan);
  const evening = candidates.filter((s) => s.evening);
  const daytime = plan.slotsPerGroup === null ? [] : candidates.filter((s) => !s.evening);
  const assigned: RotaSlotAssignment[] = [];
  let turn = 0;
  for (const slot of [...evening, ...daytime]) {
    const groupId = order[turn % order.length]!;
    if (counts.get(groupId)! >= cap) break; // equal caps: when the next in turn is full, everyone is
    counts.set(groupId, counts.get(groupId)! + 1);
    assigned.push({ ...slot, groupId });
    turn += 1;
  }
  return assigned.sort(chronological);
}

export interface RotaShare {
  groupId: string;
  slots: number;
  eveningSlots: number;
}

/** How many slots, and evening slots, each group holds in a cycle. */
export function rotaShares(groupIds: readonly string[], slots: readonly RotaSlotAssignment[]): RotaShare[] {
  return groupIds.map((groupId) => {
    const own = slots.filter((s) => s.groupId === groupId);
    return { groupId, slots: own.length, eveningSlots: own.filter((s) => s.evening).length };
  });
}
