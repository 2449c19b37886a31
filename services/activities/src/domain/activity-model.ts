import type { OutboxEntry } from '@sanshe/domain-kit';

export type ActivityStatus = 'DRAFT' | 'PUBLISHED' | 'CANCELLED' | 'COMPLETED';
export type OrganizerKind = 'COMMUNITY' | 'SOCIAL_ORGANIZATION' | 'PARTY_ORGANIZATION';
export type RegistrationStatus = 'REGISTERED' | 'WAITLISTED' | 'CANCELLED' | 'ATTENDED' | 'NO_SHOW';
export type ShiftStatus = 'SCHEDULED' | 'COMPLETED' | 'VERIFIED';

/** A seat, or a waiting place, of one resident. The waitlist is the WAITLISTED entries in array order. */
export interface Registration {
  id: string;
  residentId: string;
  status: RegistrationStatus;
  registeredBy: 'SELF' | 'STAFF';
  registeredAt: Date;
  /** The one-time check-in code of a seat; waiting places get theirs when promoted. */
  checkInCode: string | null;
  promotedAt: Date | null;
  cancelledAt: Date | null;
  checkedInAt: Date | null;
}

export interface VolunteerShift {
  id: string;
  residentId: string;
  role: string;
  scheduledHours: number;
  completedHours: number | null;
  verifiedHours: number | null;
  status: ShiftStatus;
  scheduledAt: Date;
  reportedAt: Date | null;
  verifiedAt: Date | null;
  verifiedBy: string | null;
}

/**
 * An activity with its roster. Everything that must stay consistent — status, seats,
 * waitlist, check-ins, volunteer shifts — lives in this one document, so every change is
 * a single-document conditional update: capacity cannot be exceeded under concurrency.
 */
export interface Activity {
  _id: string;
  title: string;
  category: string;
  description: string | null;
  communityId: string;
  streetId: string;
  venueId: string | null;
  bookingId: string | null;
  organizer: { kind: OrganizerKind; id: string };
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  status: ActivityStatus;
  seatsLeft: number;
  waitlisted: number;
  attended: number;
  /** Residents holding a live registration (seat, waiting place or attendance): one each. */
  holders: string[];
  /** Every check-in code ever issued here, so no two seats share one. */
  checkInCodes: string[];
  /** Residents with a volunteer shift here: one each. */
  volunteers: string[];
  registrations: Registration[];
  volunteerShifts: VolunteerShift[];
  publishedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  completedAt: Date | null;
  /** The campaign it belongs to, if any. */
  campaignId?: string | null;
}

/**
 * A compare-and-set change of one activity: applied, with its events, in one atomic
 * write only if every expectation still holds; otherwise nothing is written and the
 * use-case reads again and decides again.
 */
export interface ActivityChange {
  expect: {
    status?: ActivityStatus;
    registrationCount?: number;
    shiftCount?: number;
    seats?: 'AVAILABLE' | 'FULL';
    waitlisted?: number;
    registrations?: { index: number; id: string; status: RegistrationStatus }[];
    shifts?: { index: number; id: string; status: ShiftStatus }[];
  };
  set?: Partial<Pick<Activity, 'status' | 'publishedAt' | 'cancelledAt' | 'cancelReason' | 'completedAt'>>;
  appendRegistration?: Registration;
  appendShift?: VolunteerShift;
  registrations?: { index: number; set: Partial<Registration> }[];
  shifts?: { index: number; set: Partial<VolunteerShift> }[];
  inc?: { seatsLeft?: number; waitlisted?: number; attended?: number };
  /**
   * Adds members to the activity's sets; the write fails if one is already there (a `$ne`
   * on the set in the update's filter, which is why the sets are arrays of plain strings).
   */
  claim?: { holder?: string; checkInCode?: string; volunteer?: string };
  removeHolders?: string[];
  events: OutboxEntry[];
}

export const isPublic = (activity: Pick<Activity, 'status'>): boolean => activity.status !== 'DRAFT';
export const seatsTaken = (a: Pick<Activity, 'capacity' | 'seatsLeft'>): number => a.capacity - a.seatsLeft;
