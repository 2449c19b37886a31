import { authorize, pageRequest, toConnection, type Connection, type Identity, type PageArgs, type PageRequest } from '@sanshe/domain-kit';
import type { AnnualReview } from './annual-review';
import type { CentreLevel, Organization, OrganizationKind, OrganizationStatus, ServiceCentre, ServiceDomain } from './organization';
import { socialOrgOverview, type OverviewFacts, type SocialOrgOverview } from './overview';
import { SOCIAL_ORG_OVERVIEW_SOURCES } from './report-sources';
import type { FigureSource } from '@sanshe/domain-kit';

export interface OrganizationFilter {
  domain?: ServiceDomain | null;
  kind?: OrganizationKind | null;
  communityId?: string | null;
  hubId?: string | null;
  status?: OrganizationStatus | null;
  nameContains?: string | null;
}

export interface CentreFilter {
  level?: CentreLevel | null;
  streetId?: string | null;
}

/** What the organization reads need of the store: batch reads (one query per batch of keys), pages and the overview's facts. */
export interface OrganizationReads {
  byIds(ids: readonly string[]): Promise<Organization[]>;
  search(filter: OrganizationFilter, page: PageRequest): Promise<Organization[]>;
  serving(communityIds: readonly string[]): Promise<Organization[]>;
  incubatedBy(hubIds: readonly string[]): Promise<Organization[]>;
  stationedAt(centreIds: readonly string[]): Promise<Organization[]>;
  branchesOf(partyOrganizationIds: readonly string[]): Promise<Organization[]>;
  reviewsOf(organizationIds: readonly string[]): Promise<AnnualReview[]>;
  centres(filter: CentreFilter): Promise<ServiceCentre[]>;
  centresByIds(ids: readonly string[]): Promise<ServiceCentre[]>;
  centresOfCommunities(communityIds: readonly string[]): Promise<ServiceCentre[]>;
  overviewFacts(): Promise<OverviewFacts>;
}

/** A per-request batched read of one key (the entry point batches; the domain decides who may read). */
export type Load<T> = (key: string) => Promise<T>;

/** Organizations are public: anyone may page through them. */
export async function listOrganizations(
  args: PageArgs & { filter?: OrganizationFilter | null },
  reads: Pick<OrganizationReads, 'search'>,
): Promise<Connection<Organization>> {
  const page = pageRequest(args);
  return toConnection(await reads.search(args.filter ?? {}, page), page.limit, (o) => o._id);
}

/** The district's figures with the report lines they answer. */
export async function organizationOverview(
  reads: Pick<OrganizationReads, 'overviewFacts'>,
): Promise<SocialOrgOverview & { sources: readonly FigureSource[] }> {
  return { ...socialOrgOverview(await reads.overviewFacts()), sources: SOCIAL_ORG_OVERVIEW_SOURCES };
}

// Awaited here: the store may hand back a mongoose query, which runs again (and throws) each
// time something calls its then(), and Apollo's instrumentation calls it twice.
export async function listServiceCentres(filter: CentreFilter, reads: Pick<OrganizationReads, 'centres'>): Promise<ServiceCentre[]> {
  return await reads.centres(filter);
}

/** An organization's own records (reviews, workers, evaluations, training) are the district's and its own staff's to read. */
export function authorizeOwnRecords(identity: Identity, organization: Organization, action: string): void {
  authorize(identity, { action, roles: ['DISTRICT_ADMIN', 'ORG_STAFF'], scope: { orgId: organization._id } });
}

export function annualReviewsOf(identity: Identity, organization: Organization, reviewsOf: Load<AnnualReview[]>): Promise<AnnualReview[]> {
  authorizeOwnRecords(identity, organization, `read the annual reviews of ${organization.name}`);
  return reviewsOf(organization._id);
}
