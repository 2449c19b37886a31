import { BadInputError } from '@sanshe/domain-kit';

/**
 * Wall-clock time in the district. China keeps one offset all year (UTC+8, no daylight
 * saving), so local dates, weekdays and clock times are plain arithmetic on the instant.
 */
export const LOCAL_OFFSET_MINUTES = 8 * 60;
const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

export interface LocalParts {
  /** YYYY-MM-DD in local time. */
  date: string;
  /** Minutes since local midnight. */
  minutes: number;
  /** ISO weekday: Monday 1 … Sunday 7. */
  weekday: number;
}

export function localParts(instant: Date): LocalParts {
  const shifted = new Date(instant.getTime() + LOCAL_OFFSET_MINUTES * MINUTE);
  return {
    date: shifted.toISOString().slice(0, 10),
    minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() + shifted.getUTCSeconds() / 60 + shifted.getUTCMilliseconds() / MINUTE,
    weekday: shifted.getUTCDay() === 0 ? 7 : shifted.getUTCDay(),
  };
}

/** The instant of a local date plus minutes after its midnight (minutes may reach 1440). */
export function fromLocal(date: string, minutes: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + (minutes - LOCAL_OFFSET_MINUTES) * MINUTE);
}

/** YYYY-MM of an instant in local time: the statistics month. */
export const monthOf = (instant: Date): string => localParts(instant).date.slice(0, 7);

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MINUTES * MINUTE).toISOString().slice(0, 10);
}

export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** "19:30" → 1170. "24:00" is allowed as the end of a day. */
export function parseClock(field: string, value: string): number {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || minutes > DAY_MINUTES)
    throw new BadInputError(field, `${field} must be a clock time HH:MM between 00:00 and 24:00, e.g. 19:30.`);
  return minutes;
}

export const formatClock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(Math.round(minutes % 60)).padStart(2, '0')}`;

export function parseDateTime(field: string, value: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime()))
    throw new BadInputError(field, `${field} must be an ISO 8601 date-time, e.g. 2026-12-01T09:00:00+08:00.`);
  return date;
}

export function parseLocalDate(field: string, value: string): string {
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
  ) {
    throw new BadInputError(field, `${field} must be a date YYYY-MM-DD, e.g. 2026-12-07.`);
  }
  return value;
}

/** "2026-12-01 19:00" in local time, for messages people read. */
export function describeLocal(instant: Date): string {
  const p = localParts(instant);
  return `${p.date} ${formatClock(p.minutes)}`;
}
