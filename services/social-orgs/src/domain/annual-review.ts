import { AlreadyExistsError, authorize, BadInputError, ConflictError, NotFoundError, type OutboxEntry } from '@sanshe/domain-kit';
import type { EventFactory } from '@sanshe/service-kit';
import { optionalText, parseDay, today, type Caller } from './common';
import { INSPECTION_RECORDED } from './events';
import type { Organization } from './organization';

export type InspectionResult = 'PASSED' | 'BASICALLY_PASSED' | 'FAILED';
export type PartyCheckupResult = 'HEALTHY' | 'NEEDS_IMPROVEMENT' | 'UNHEALTHY';

/** The annual inspection and the party-building checkup, held together: one record per organization and year. */
export interface AnnualReview {
  /** `<organizationId>:<year>`: the id itself makes a second record for the year impossible. */
  _id: string;
  organizationId: string;
  year: number;
  inspection: { result: InspectionResult; inspectedOn: string; notes: string | null };
  partyCheckup: { result: PartyCheckupResult; score: number; checkedOn: string; findings: string | null };
  recordedAt: Date;
}

export interface AnnualReviewInput {
  organizationId: string;
  year: number;
  inspection: { result: InspectionResult; inspectedOn: string; notes?: string | null };
  partyCheckup: { result: PartyCheckupResult; score: number; checkedOn: string; findings?: string | null };
}

export interface AnnualReviewStore {
  organization(id: string): Promise<Organization | null>;
  /** Throws a duplicate-key error when the organization already has a review for the year. */
  insertReview(review: AnnualReview, events: OutboxEntry[]): Promise<void>;
}

export const annualReviewId = (organizationId: string, year: number) => `${organizationId}:${year}`;

function notInFuture(field: string, day: string): string {
  const parsed = parseDay(field, day);
  if (parsed > today()) throw new BadInputError(field, `${field} ${parsed} is in the future.`);
  return parsed;
}

export async function recordAnnualReview(
  input: AnnualReviewInput,
  caller: Caller,
  deps: { store: AnnualReviewStore; events: Pick<EventFactory, 'create'> },
): Promise<AnnualReview> {
  authorize(caller.identity, { action: 'record an annual inspection and party-building checkup', roles: ['DISTRICT_ADMIN'] });
  const currentYear = Number(today().slice(0, 4));
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > currentYear) {
    throw new BadInputError('year', `year must be a whole year from 2000 to ${currentYear}.`);
  }
  const score = input.partyCheckup.score;
  if (!Number.isInteger(score) || score < 0 || score > 100)
    throw new BadInputError('partyCheckup.score', 'The party-building checkup score is a whole number from 0 to 100.');
  const org = await deps.store.organization(input.organizationId);
  if (!org) throw new NotFoundError('SocialOrganization', input.organizationId);
  const review: AnnualReview = {
    _id: annualReviewId(org._id, input.year),
    organizationId: org._id,
    year: input.year,
    inspection: {
      result: input.inspection.result,
      inspectedOn: notInFuture('inspection.inspectedOn', input.inspection.inspectedOn),
      notes: optionalText('inspection.notes', input.inspection.notes),
    },
    partyCheckup: {
      result: input.partyCheckup.result,
      score,
      checkedOn: notInFuture('partyCheckup.checkedOn', input.partyCheckup.checkedOn),
      findings: optionalText('partyCheckup.findings', input.partyCheckup.findings),
    },
    recordedAt: new Date(),
  };
  const event = deps.events.create(
    INSPECTION_RECORDED,
    org._id,
    {
      organizationId: org._id,
      year: review.year,
      inspectionResult: review.inspection.result,
      inspectedOn: review.inspection.inspectedOn,
      partyCheckupResult: review.partyCheckup.result,
      partyCheckupScore: review.partyCheckup.score,
      checkedOn: review.partyCheckup.checkedOn,
    },
    caller.traceparent,
  );
  try {
    await deps.store.insertReview(review, [event]);
  } catch (err) {
    if (err instanceof AlreadyExistsError) throw new ConflictError(`${org.name} already has its annual review for ${review.year}.`);
    throw err;
  }
  return review;
}
