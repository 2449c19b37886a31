import { BadInputError, type Identity } from '@sanshe/domain-kit';

/** Who is acting, as every use-case receives it. */
export interface Caller {
  identity: Identity;
  traceparent: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Validates a calendar day written YYYY-MM-DD (the form every date of this context takes). */
export function parseDay(field: string, value: string): string {
  const trimmed = value.trim();
  const m = DAY.exec(trimmed);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== trimmed) {
    throw new BadInputError(field, `${field} must be a calendar day written YYYY-MM-DD, e.g. 2026-01-01.`);
  }
  return trimmed;
}

/** Today in China Standard Time, YYYY-MM-DD: the district's calendar day. */
export function today(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The day after / before `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function requireText(field: string, value: string, max = 100): string {
  const trimmed = value.trim();
  if (!trimmed) throw new BadInputError(field, `${field} must not be empty.`);
  if (trimmed.length > max) throw new BadInputError(field, `${field} has at most ${max} characters.`);
  return trimmed;
}

export function optionalText(field: string, value: string | null | undefined, max = 500): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed.length > max) throw new BadInputError(field, `${field} has at most ${max} characters.`);
  return trimmed || null;
}

/** A list of ids without blanks or duplicates, in a stable order. */
export function idList(field: string, values: readonly string[], { min = 0, max = 200 } = {}): string[] {
  const ids = [...new Set(values.map((v) => v.trim()))];
  if (ids.some((v) => !v)) throw new BadInputError(field, `${field} must not contain empty ids.`);
  if (ids.length < min) throw new BadInputError(field, `${field} needs at least ${min} entr${min === 1 ? 'y' : 'ies'}.`);
  if (ids.length > max) throw new BadInputError(field, `${field} takes at most ${max} entries.`);
  return ids.sort();
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;
