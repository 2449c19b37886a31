/**
 * The seed's calendar. Every seeded date is anchored to the day the seed runs (in the district's
 * time zone, UTC+8): history lies before it, the square-dance rota and the upcoming activities after
 * it, so the demo district never goes stale. `SEED_AS_OF=YYYY-MM-DD` pins the day, which tests and
 * reproducible demos use; `npm run seed` sets it once so every service's seed agrees on it.
 *
 * Ids never depend on the day (they are counted), and spans are whole days, so every figure the
 * report gives comes out the same whatever the day.
 */
const DAY_MS = 86_400_000;
const UTC8_MS = 8 * 3_600_000;

/** Today's date in UTC+8, as `YYYY-MM-DD`. */
export function districtToday(now: Date = new Date()): string {
  return new Date(now.getTime() + UTC8_MS).toISOString().slice(0, 10);
}

/** The day the seed describes: `SEED_AS_OF` when set (validated), else today. */
export function resolveSeedDay(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const pinned = env.SEED_AS_OF?.trim();
  if (!pinned) return districtToday(now);
  const day = new Date(`${pinned}T00:00:00+08:00`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(pinned) || Number.isNaN(day.getTime()) || districtToday(day) !== pinned) {
    throw new Error(`SEED_AS_OF must be a calendar date YYYY-MM-DD, e.g. 2026-12-05 (got "${pinned}").`);
  }
  return pinned;
}

export const SEED_DAY: string = resolveSeedDay();
/** Midnight at the start of the seed day, UTC+8: the moment seeded history ends. */
export const SEEDED_AT: Date = new Date(`${SEED_DAY}T00:00:00+08:00`);
/** The year the seed describes; ages and contract years are counted from it. */
export const SEED_YEAR: number = Number(SEED_DAY.slice(0, 4));

/** `YYYY-MM-DD`, `days` after (or, negative, before) the seed day. */
export function seedDayPlus(days: number): string {
  return districtToday(new Date(SEEDED_AT.getTime() + days * DAY_MS));
}

/** The first Monday strictly after the seed day (rota cycles start on a Monday). */
export function firstMondayAfterSeed(): string {
  const weekday = new Date(SEEDED_AT.getTime() + UTC8_MS).getUTCDay(); // 0 = Sunday
  return seedDayPlus((8 - weekday) % 7 || 7);
}

/** A moment of the past that must not pass the seed day (e.g. a review recorded "in January"). */
export const notAfterSeed = (date: Date): Date => (date.getTime() > SEEDED_AT.getTime() ? new Date(SEEDED_AT.getTime() - 3_600_000) : date);
