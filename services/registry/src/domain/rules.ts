import { randomUUID } from 'node:crypto';
import { authorize, BadInputError, type Identity, type Role, type Scope } from '@sanshe/domain-kit';

/** Who is acting, as every use-case needs it. */
export interface Caller {
  identity: Identity;
  traceparent: string;
}

/** The staff roles that administer territory, from the widest down. */
export const TERRITORY_STAFF = ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF'] as const satisfies readonly Role[];

/** A territory as the guard judges it: street staff on the street, community staff on the community. */
export function territoryScope(t: { streetId: string; communityId?: string | null }): Scope {
  return t.communityId ? { streetId: t.streetId, communityId: t.communityId } : { streetId: t.streetId };
}

/**
 * Refuses anonymous callers and callers without any of `roles` before the input is even
 * read; the territory is checked later, once the entities involved are loaded.
 */
export function requireRole(identity: Identity, action: string, roles: readonly Role[]): void {
  authorize(identity, { action, roles });
}

export function text(field: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (!trimmed) throw new BadInputError(field, `${field} must not be empty.`);
  if (trimmed.length > max) throw new BadInputError(field, `${field} has at most ${max} characters.`);
  return trimmed;
}

/** `undefined` leaves a value as it is; `null` or blank clears it. */
export function optionalText(field: string, value: string | null | undefined, max: number): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || !value.trim()) return null;
  return text(field, value, max);
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/;

/** A caller-chosen id (seeding, imports), or a generated one. */
export function newId(field: string, prefix: string, given: string | null | undefined): string {
  if (given === null || given === undefined || !given.trim()) return `${prefix}-${randomUUID()}`;
  const id = given.trim();
  if (!ID.test(id))
    throw new BadInputError(
      field,
      `${field} may hold letters, digits, ".", "_" and "-" only (at most 80 characters), starting with a letter or digit.`,
    );
  return id;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as YYYY-MM-DD; such strings sort in time order. */
export function isoDate(field: string, value: string): string {
  const m = DATE.exec(value.trim());
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !date || date.getUTCDate() !== Number(m[3]) || date.getUTCMonth() !== Number(m[2]) - 1) {
    throw new BadInputError(field, `${field} must be a calendar date written YYYY-MM-DD, e.g. 2026-12-01.`);
  }
  return m[0];
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A local time of day as HH:MM (24-hour); such strings sort in time order. */
export function timeOfDay(field: string, value: string): string {
  const trimmed = value.trim();
  if (!TIME.test(trimmed)) throw new BadInputError(field, `${field} must be a time written HH:MM (24-hour), e.g. 09:30.`);
  return trimmed;
}

/** Mainland mobile numbers: 11 digits starting with 1. */
export function mobilePhone(field: string, value: string): string {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^1[3-9]\d{9}$/.test(digits))
    throw new BadInputError(field, `${field} must be an 11-digit mobile number starting with 1, e.g. 13812345678.`);
  return digits;
}

export function birthYear(field: string, value: number, now: Date = new Date()): number {
  const current = now.getUTCFullYear();
  if (!Number.isInteger(value) || value < 1900 || value > current)
    throw new BadInputError(field, `${field} must be a year from 1900 to ${current}.`);
  return value;
}

/** Today in the district's time zone (UTC+8), as YYYY-MM-DD. */
export function todayInDistrict(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
