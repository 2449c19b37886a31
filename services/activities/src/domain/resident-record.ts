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

export interface ResidentHomeStore {
  /** Sets where a resident lives; setting the same home twice changes nothing. */
  rememberHome(residentId: string, home: ResidentHome): Promise<void>;
}

/** Registry announced where a resident lives (registered, or moved): the record's `home` follows. */
export async function rememberResidentHome(residentId: string, home: ResidentHome, store: ResidentHomeStore): Promise<void> {
  await store.rememberHome(residentId, { communityId: home.communityId, streetId: home.streetId });
}
