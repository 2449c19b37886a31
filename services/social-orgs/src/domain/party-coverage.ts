import { authorize, BadInputError, ConflictError, NotFoundError } from '@sanshe/domain-kit';
import { optionalText, parseDay, requireText, type Caller } from './common';
import {
  organizationUpdatedEvent,
  type Organization,
  type OrganizationDeps,
  type PartyCoverage,
  type PartyCoverageMode,
} from './organization';

export interface PartyCoverageInput {
  mode: PartyCoverageMode;
  partyOrganizationId: string;
  partyMembers: number;
  instructorName?: string | null;
  since?: string | null;
}

/** A party branch needs at least three full party members; fewer join a joint branch or get an instructor. */
export const MIN_MEMBERS_OWN_BRANCH = 3;

export function validateCoverage(input: PartyCoverageInput): PartyCoverage {
  if (!Number.isInteger(input.partyMembers) || input.partyMembers < 0 || input.partyMembers > 1000) {
    throw new BadInputError('partyMembers', 'partyMembers must be a whole number from 0 to 1000.');
  }
  if (input.mode === 'OWN_BRANCH' && input.partyMembers < MIN_MEMBERS_OWN_BRANCH) {
    throw new BadInputError(
      'partyMembers',
      `An own party branch needs at least ${MIN_MEMBERS_OWN_BRANCH} party members; with fewer, use JOINT_BRANCH or INSTRUCTOR.`,
    );
  }
  if (input.mode === 'JOINT_BRANCH' && input.partyMembers < 1) {
    throw new BadInputError('partyMembers', 'Joining a joint branch needs at least one party member; otherwise use INSTRUCTOR.');
  }
  const instructorName = optionalText('instructorName', input.instructorName, 40);
  if (input.mode === 'INSTRUCTOR' && !instructorName)
    throw new BadInputError('instructorName', 'Coverage by an instructor names the instructor.');
  return {
    mode: input.mode,
    partyOrganizationId: requireText('partyOrganizationId', input.partyOrganizationId, 80),
    partyMembers: input.partyMembers,
    instructorName: input.mode === 'INSTRUCTOR' ? instructorName : null,
    since: input.since ? parseDay('since', input.since) : null,
  };
}

/**
 * An own branch belongs to one organization, and a branch is either own or joint. The check
 * reads before it writes, so two simultaneous settings could both pass; coverage is set by
 * district staff one organization at a time, which keeps that window theoretical.
 */
function checkBranchUse(org: Organization, coverage: PartyCoverage, others: Organization[]): void {
  if (coverage.mode === 'INSTRUCTOR') return;
  const sharing = others.filter((o) => o._id !== org._id && o.partyCoverage && o.partyCoverage.mode !== 'INSTRUCTOR');
  if (sharing.length === 0) return;
  const names = sharing.map((o) => o.name).join(', ');
  if (coverage.mode === 'OWN_BRANCH') {
    throw new ConflictError(
      `Party organization ${coverage.partyOrganizationId} is already the branch of ${names}; an own branch belongs to one organization.`,
    );
  }
  if (sharing.some((o) => o.partyCoverage!.mode === 'OWN_BRANCH')) {
    throw new ConflictError(
      `Party organization ${coverage.partyOrganizationId} is the own branch of ${names}; it cannot be a joint branch too.`,
    );
  }
}

/** Sets (or with null removes) how party building covers an organization. DISTRICT_ADMIN. */
export async function setPartyCoverage(
  organizationId: string,
  input: PartyCoverageInput | null,
  caller: Caller,
  deps: OrganizationDeps,
): Promise<Organization> {
  authorize(caller.identity, { action: 'set the party-building coverage of a social organization', roles: ['DISTRICT_ADMIN'] });
  const current = await deps.store.organization(organizationId);
  if (!current) throw new NotFoundError('SocialOrganization', organizationId);
  const coverage = input ? validateCoverage(input) : null;
  if (coverage) checkBranchUse(current, coverage, await deps.store.coveredBy(coverage.partyOrganizationId));
  const next: Organization = { ...current, partyCoverage: coverage, version: current.version + 1 };
  const saved = await deps.store.replace(next, [organizationUpdatedEvent(next, ['partyCoverage'], caller, deps.events)]);
  if (!saved)
    throw new ConflictError(`Social organization ${organizationId} was changed by someone else meanwhile; reload it and try again.`);
  return saved;
}
