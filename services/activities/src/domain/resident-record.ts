import { authorize, type Role } from '@sanshe/domain-kit';
import type { Caller } from './access';
import type { ResidentRecordEntry, ResidentShiftEntry } from './projections';

/**
 * The resident as this service knows them: where they live (from registry's resident
 * events — no personal data), and their registrations and volunteer shifts.
 */
export interface ResidentRecord {
  _id: string;
  home?: ResidentHome;
  registrations?: Record<string, ResidentRecordEntry>;
  shifts?: Record<string, ResidentShiftEntry>;
}

export interface ResidentHome {
  communityId: string;
  streetId: string;
}

/** Where residents' records are kept: by id, many at once. */
export interface ResidentRecordReader {
  recordsByIds(ids: readonly string[]): Promise<ResidentRecord[]>;
}

export interface ResidentHomeStore {
  /** Sets where a resident lives; setting the same home twice changes nothing. */
  rememberHome(residentId: string, home: ResidentHome): Promise<void>;
}

/** One resident's record, or null; per request it is a batched lookup. */
export interface ResidentRecordLookup {
  load(residentId: string): Promise<ResidentRecord | null>;
}

/** Registry announced where a resident lives (registered, or moved): the record's `home` follows. */
export async function rememberResidentHome(residentId: string, home: ResidentHome, store: ResidentHomeStore): Promise<void> {
  await store.rememberHome(residentId, { communityId: home.communityId, streetId: home.streetId });
}

/** Many residents' records in one read: what the per-request lookup batches into. */
export const residentRecordsByIds = (ids: readonly string[], reader: ResidentRecordReader): Promise<ResidentRecord[]> =>
  reader.recordsByIds(ids);

/** Who may read a resident's activity record besides the resident: staff serving where they live. */
const RECORD_READERS: readonly Role[] = ['DISTRICT_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF', 'SOCIAL_WORKER', 'RESIDENT'];

async function readRecord(caller: Pick<Caller, 'identity'>, residentId: string, what: string, records: ResidentRecordLookup) {
  const record = await records.load(residentId);
  const home = record?.home;
  authorize(caller.identity, {
    action: `read the ${what} of resident ${residentId}`,
    roles: RECORD_READERS,
    scope: { residentId, ...(home ? { communityId: home.communityId, streetId: home.streetId } : {}) },
  });
  return record;
}

const newestFirst = <T extends { registeredAt?: Date | null; scheduledAt?: Date | null }>(a: T, b: T) =>
  new Date(b.registeredAt ?? b.scheduledAt ?? 0).getTime() - new Date(a.registeredAt ?? a.scheduledAt ?? 0).getTime();

const sum = (values: (number | null | undefined)[]) => Math.round(values.reduce<number>((n, v) => n + (v ?? 0), 0) * 100) / 100;

export type ResidentRegistration = ResidentRecordEntry & { id: string; residentId: string };
export type ResidentShift = ResidentShiftEntry & { id: string; residentId: string };

/** A resident's registrations, newest first: for the resident and staff serving where they live. */
export async function residentRegistrations(
  caller: Pick<Caller, 'identity'>,
  residentId: string,
  records: ResidentRecordLookup,
): Promise<ResidentRegistration[]> {
  const record = await readRecord(caller, residentId, 'activity registrations', records);
  return Object.entries(record?.registrations ?? {})
    .map(([id, e]) => ({ ...e, id, residentId }))
    .sort(newestFirst);
}

/** A resident's volunteer shifts, newest first: for the resident and staff serving where they live. */
export async function residentShifts(
  caller: Pick<Caller, 'identity'>,
  residentId: string,
  records: ResidentRecordLookup,
): Promise<ResidentShift[]> {
  const record = await readRecord(caller, residentId, 'volunteer shifts', records);
  return Object.entries(record?.shifts ?? {})
    .map(([id, s]) => ({ ...s, id, residentId }))
    .sort(newestFirst);
}

/** A resident's volunteer hours, scheduled, completed and verified, summed over their shifts. */
export async function residentVolunteerHours(caller: Pick<Caller, 'identity'>, residentId: string, records: ResidentRecordLookup) {
  const shifts = Object.values((await readRecord(caller, residentId, 'volunteer hours', records))?.shifts ?? {});
  return {
    scheduled: sum(shifts.map((s) => s.scheduledHours)),
    completed: sum(shifts.map((s) => s.completedHours)),
    verified: sum(shifts.map((s) => s.verifiedHours)),
  };
}
