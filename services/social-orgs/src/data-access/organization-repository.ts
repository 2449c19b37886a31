import { OUTBOX_FIELD, type OutboxEntry, type PageRequest, copies, documentsByIds, Snapshot, uniqueWrite } from '@sanshe/service-kit';
import type { CommunityDirectory } from '@sanshe/community-directory';
import type { FilterQuery } from 'mongoose';
import type { AnnualReview, AnnualReviewStore } from '../domain/annual-review';
import type { Organization, OrganizationStore, ServiceCentre } from '../domain/organization';
import type { CentreFilter, OrganizationFilter, OrganizationReads } from '../domain/organization-queries';
import type { OverviewFacts } from '../domain/overview';
import type { SocialOrgsModels } from './models';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How long the service-centre snapshot serves reads. */
const CENTRES_TTL_MS = 30_000;

export class OrganizationRepository implements OrganizationStore, AnnualReviewStore, OrganizationReads {
  /**
   * The 83 service centres (district, streets, communities) are written only by the seed, yet
   * every community and organization shown names its centre: reads come from a snapshot.
   */
  private readonly centreSnapshot: Snapshot<ServiceCentre[]>;

  constructor(
    private readonly models: SocialOrgsModels,
    private readonly directory: CommunityDirectory,
  ) {
    this.centreSnapshot = new Snapshot(
      () => this.models.ServiceCentre.find().sort({ _id: 1 }).lean<ServiceCentre[]>().exec(),
      CENTRES_TTL_MS,
    );
  }

  organization(id: string): Promise<Organization | null> {
    return this.models.Organization.findById(id).lean<Organization>();
  }

  async centre(id: string): Promise<ServiceCentre | null> {
    const [found] = await documentsByIds(this.centreSnapshot, [id]);
    return found ?? null;
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

  async centres(filter: CentreFilter): Promise<ServiceCentre[]> {
    return copies(
      (await this.centreSnapshot.get()).filter(
        (c) => (!filter.level || c.level === filter.level) && (!filter.streetId || c.streetId === filter.streetId),
      ),
    );
  }

  centresByIds(ids: readonly string[]): Promise<ServiceCentre[]> {
    return documentsByIds(this.centreSnapshot, ids);
  }

  async centresOfCommunities(communityIds: readonly string[]): Promise<ServiceCentre[]> {
    const wanted = new Set(communityIds);
    return copies(
      (await this.centreSnapshot.get()).filter((c) => c.level === 'COMMUNITY' && c.communityId !== null && wanted.has(c.communityId)),
    );
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
