import { pageRequest, toConnection, type Connection, type Identity, type PageArgs, type PageRequest } from '@sanshe/domain-kit';
import { authorizeOwnRecords, type Load } from './organization-queries';
import type { Organization } from './organization';
import type { JointMeeting, OrganizationEvaluation, OrganizationSupport } from './party-building';

export interface JointMeetingFilter {
  streetId?: string | null;
  organizationId?: string | null;
}

/** What the party-building reads need of the store: pages and batch reads per organization. */
export interface PartyBuildingReads {
  meetingPage(filter: JointMeetingFilter, page: PageRequest): Promise<JointMeeting[]>;
  meetingsOf(organizationIds: readonly string[]): Promise<JointMeeting[]>;
  supportOf(organizationIds: readonly string[]): Promise<OrganizationSupport[]>;
  evaluationsOf(organizationIds: readonly string[]): Promise<OrganizationEvaluation[]>;
}

/** Joint meetings are public, by street or organization. */
export async function listJointMeetings(
  args: PageArgs & JointMeetingFilter,
  reads: Pick<PartyBuildingReads, 'meetingPage'>,
): Promise<Connection<JointMeeting>> {
  const page = pageRequest(args);
  return toConnection(
    await reads.meetingPage({ streetId: args.streetId, organizationId: args.organizationId }, page),
    page.limit,
    (m) => m._id,
  );
}

export function targetEvaluationsOf(
  identity: Identity,
  organization: Organization,
  evaluationsOf: Load<OrganizationEvaluation[]>,
): Promise<OrganizationEvaluation[]> {
  authorizeOwnRecords(identity, organization, `read the target evaluations of ${organization.name}`);
  return evaluationsOf(organization._id);
}
