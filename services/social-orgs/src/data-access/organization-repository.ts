import { OUTBOX_FIELD, type OutboxEntry, type PageRequest, uniqueWrite } from '@sanshe/service-kit';
import type { CommunityDirectory } from '@sanshe/community-directory';
import type { FilterQuery } from 'mongoose';
import type { AnnualReview, AnnualReviewStore } from '../domain/annual-review';
import type { Organization, OrganizationStore, ServiceCentre } from '../domain/organization';
import type { CentreFilter, OrganizationFilter, OrganizationReads } from '../domain/organization-queries';
import type { OverviewFacts } from '../domain/overview';
import type { SocialOrgsModels } from './models';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class OrganizationRepository implements OrganizationStore, AnnualReviewStore, OrganizationReads {
  constructor(
    private readonly models: SocialOrgsModels,
    private readonly directory: CommunityDirectory,
  ) {}

  organization(id: string): Promise<Organization | null> {
    return this.models.Organization.findById(id).lean<Organization>();
  }

  centre(id: string): Promise<ServiceCentre | null> {
    return this.models.ServiceCentre.findById(id).lean<ServiceCentre>();
  }

  async unknownCommunities(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const known = await this.directory.getMany(ids);
    const found = new Set(known.map((c) => c._id));
    return ids.filter((id) => !found.has(id));
  }

  coveredBy(partyOrganizationId: string): Promise<Organization[]> {
    return this.models.Organization.find({ 'partyCoverage.partyOrganizationId': partyOrganizationId }).lean<Organization[]>();
  }

  async insert(org: Organization, events: OutboxEntry[]): Promise<void> {
    await uniqueWrite('Organization', () => this.models.Organization.create({ ...org, [OUTBOX_FIELD]: events }));
  }

  replace(next: Organization, events: OutboxEntry[]): Promise<Organization | null> {
    const fields: Omit<Organization, '_id'> = {
      name: next.name,
      kind: next.kind,
      creditCode: next.creditCode,
      domains: next.domains,
      communityIds: next.communityIds,
      incubatingHubId: next.incubatingHubId,
      serviceCentreId: next.serviceCentreId,
      status: next.status,
      registeredOn: next.registeredOn,
      partyCoverage: next.partyCoverage,
      version: next.version,
    };
    return uniqueWrite('Organization', () =>
      this.models.Organization.findOneAndUpdate(
        { _id: next._id, version: next.version - 1 },
        { $set: fields, $push: { [OUTBOX_FIELD]: { $each: events } } },
        { new: true },
      ).lean<Organization>(),
    );
  }

  async insertReview(review: AnnualReview, events: OutboxEntry[]): Promise<void> {
    await uniqueWrite('AnnualReview', () => this.models.AnnualReview.create({ ...review, [OUTBOX_FIELD]: events }));
  }

  byIds(ids: readonly string[]): Promise<Organization[]> {
    return this.models.Organization.find({ _id: { $in: [...ids] } }).lean<Organization[]>();
  }

  search(filter: OrganizationFilter, page: PageRequest): Promise<Organization[]> {
    const query: FilterQuery<Organization> = {};
    if (filter.domain) query.domains = filter.domain;
    if (filter.kind) query.kind = filter.kind;
    if (filter.communityId) query.communityIds = filter.communityId;
    if (filter.hubId) query.incubatingHubId = filter.hubId;
    if (filter.status) query.status = filter.status;
    if (filter.nameContains?.trim()) query.name = { $regex: escapeRegex(filter.nameContains.trim()) };
    if (page.afterKey) query._id = { $gt: page.afterKey };
    return this.models.Organization.find(query)
      .sort({ _id: 1 })
      .limit(page.limit + 1)
      .lean<Organization[]>();
  }

  serving(communityIds: readonly string[]): Promise<Organization[]> {
    return this.models.Organization.find({ communityIds: { $in: [...communityIds] }, status: { $ne: 'DEREGISTERED' } })
      .sort({ _id: 1 })
      .lean<Organization[]>();
  }

  incubatedBy(hubIds: readonly string[]): Promise<Organization[]> {
    return this.models.Organization.find({ incubatingHubId: { $in: [...hubIds] } })
      .sort({ _id: 1 })
      .lean<Organization[]>();
  }

  stationedAt(centreIds: readonly string[]): Promise<Organization[]> {
    return this.models.Organization.find({ serviceCentreId: { $in: [...centreIds] } })
      .sort({ _id: 1 })
      .lean<Organization[]>();
  }

  branchesOf(partyOrganizationIds: readonly string[]): Promise<Organization[]> {
    return this.models.Organization.find({
      'partyCoverage.partyOrganizationId': { $in: [...partyOrganizationIds] },
      'partyCoverage.mode': { $in: ['OWN_BRANCH', 'JOINT_BRANCH'] },
    })
      .sort({ _id: 1 })
      .lean<Organization[]>();
  }

  reviewsOf(organizationIds: readonly string[]): Promise<AnnualReview[]> {
    return this.models.AnnualReview.find({ organizationId: { $in: [...organizationIds] } })
      .sort({ year: -1 })
      .lean<AnnualReview[]>();
  }

  centres(filter: CentreFilter): Promise<ServiceCentre[]> {
    const query: FilterQuery<ServiceCentre> = {};
    if (filter.level) query.level = filter.level;
    if (filter.streetId) query.streetId = filter.streetId;
    return this.models.ServiceCentre.find(query).sort({ _id: 1 }).lean<ServiceCentre[]>();
  }

  centresByIds(ids: readonly string[]): Promise<ServiceCentre[]> {
    return this.models.ServiceCentre.find({ _id: { $in: [...ids] } }).lean<ServiceCentre[]>();
  }

  centresOfCommunities(communityIds: readonly string[]): Promise<ServiceCentre[]> {
    return this.models.ServiceCentre.find({ communityId: { $in: [...communityIds] }, level: 'COMMUNITY' }).lean<ServiceCentre[]>();
  }

  /** Organizations are a few hundred documents: the overview reads their few fields in one pass. */
  async overviewFacts(): Promise<OverviewFacts> {
    const [organizations, centres] = await Promise.all([
      this.models.Organization.find({ status: { $ne: 'DEREGISTERED' } })
        .select({ kind: 1, serviceCentreId: 1, partyCoverage: 1 })
        .lean<Pick<Organization, 'kind' | 'serviceCentreId' | 'partyCoverage'>[]>(),
      this.models.ServiceCentre.find().select({ level: 1 }).lean<Pick<ServiceCentre, 'level'>[]>(),
    ]);
    return { organizations, centres };
  }
}
