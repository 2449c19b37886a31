import { BadInputError } from '@sanshe/domain-kit';

/** Business dates are Jianxi's: Asia/Shanghai, UTC+8 all year (no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

/** 2026-11-26T16:30:00Z → '2026-11-27' */
export const businessDay = (at: Date): string => new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
/** → '2026-11' */
export const businessMonth = (at: Date): string => businessDay(at).slice(0, 7);
/** → '2026' */
export const businessYear = (at: Date): string => businessDay(at).slice(0, 4);

/** '2026-11' + 3 → '2027-02'; negative counts go back. */
export function addMonths(month: string, count: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mon - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO 8601 date-time, or a bare date meaning midnight in Asia/Shanghai. */
export function parseInstant(field: string, value: string): Date {
  const text = value.trim();
  const date = DATE_ONLY.test(text) ? new Date(`${text}T00:00:00+08:00`) : new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime())) {
    throw new BadInputError(field, `${field} must be an ISO 8601 date or date-time, e.g. 2026-11-01 or 2026-11-01T09:00:00+08:00.`);
  }
  return date;
}
