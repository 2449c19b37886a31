/**
 * Dates as people in Luoyang read them: China Standard Time, UTC+8 all year (no daylight
 * saving), so a fixed offset is exact.
 */
const OFFSET_MS = 8 * 3_600_000;

const shifted = (date: Date) => new Date(date.getTime() + OFFSET_MS).toISOString();

/** 2026-11-27 */
export const localDay = (date: Date): string => shifted(date).slice(0, 10);

/** 2026-11 */
export const localMonth = (date: Date): string => shifted(date).slice(0, 7);

/** 20261127 */
export const compactDay = (date: Date): string => localDay(date).replaceAll('-', '');

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
