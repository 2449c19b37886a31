import { BadInputError } from '@sanshe/domain-kit';
import { formatClock, parseClock } from './time';

/** A venue's weekly opening hours: any number of intervals per weekday, none overlapping. */
export interface OpeningInterval {
  /** ISO weekday: Monday 1 … Sunday 7. */
  weekday: number;
  /** Minutes after local midnight. */
  opens: number;
  closes: number;
}

export interface OpeningHoursInput {
  weekday: number;
  opens: string;
  closes: string;
}

const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const weekdayName = (weekday: number): string => WEEKDAY_NAMES[weekday] ?? `weekday ${weekday}`;

export function parseOpeningHours(input: readonly OpeningHoursInput[]): OpeningInterval[] {
  const intervals = input.map((h) => {
    if (!Number.isInteger(h.weekday) || h.weekday < 1 || h.weekday > 7)
      throw new BadInputError('openingHours', 'weekday must be 1 (Monday) to 7 (Sunday).');
    const opens = parseClock('openingHours', h.opens);
    const closes = parseClock('openingHours', h.closes);
    if (opens % 30 !== 0 || closes % 30 !== 0)
      throw new BadInputError('openingHours', 'Opening hours start and end on the hour or half hour.');
    return { weekday: h.weekday, opens, closes };
  });
  validateOpeningHours(intervals);
  return intervals.sort((a, b) => a.weekday - b.weekday || a.opens - b.opens);
}

export function validateOpeningHours(intervals: readonly OpeningInterval[]): void {
  if (intervals.length === 0) throw new BadInputError('openingHours', 'A venue needs opening hours on at least one weekday.');
  for (const a of intervals) {
    if (a.closes <= a.opens) throw new BadInputError('openingHours', `On ${weekdayName(a.weekday)} the venue must close after it opens.`);
    for (const b of intervals) {
      if (a !== b && a.weekday === b.weekday && a.opens < b.closes && b.opens < a.closes) {
        throw new BadInputError(
          'openingHours',
          `Opening hours on ${weekdayName(a.weekday)} overlap (${formatClock(a.opens)}–${formatClock(a.closes)} and ${formatClock(b.opens)}–${formatClock(b.closes)}).`,
        );
      }
    }
  }
}

export function isOpen(intervals: readonly OpeningInterval[], weekday: number, starts: number, ends: number): boolean {
  return intervals.some((i) => i.weekday === weekday && i.opens <= starts && ends <= i.closes);
}

export function describeOpeningHours(intervals: readonly OpeningInterval[], weekday: number): string {
  const today = intervals.filter((i) => i.weekday === weekday);
  if (today.length === 0) return `closed on ${weekdayName(weekday)}`;
  return `open on ${weekdayName(weekday)} ${today.map((i) => `${formatClock(i.opens)}–${formatClock(i.closes)}`).join(', ')}`;
}
