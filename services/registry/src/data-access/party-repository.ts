import { type Connection, findByIds, type OutboxEntry, type PageRequest, pushEvents, uniqueWrite } from '@sanshe/service-kit';
import type { PartyMember } from '../domain/party-members';
import type { CoBuildingMembership, PartyOrganization, PartyOrganizationStore } from '../domain/party-organizations';
import type { PartyMemberFilter, PartyOrganizationFilter, PartyReader, ServicePostFilter } from '../domain/party-queries';
import type { ServicePost, ServicePostStore } from '../domain/service-posts';
import type { PartyMemberDoc, PartyOrganizationDoc, RegistryModels, ServicePostDoc } from './models';
import { keysetPage, withoutBookkeeping } from './models/paging';

function defined(filter: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== null && v !== undefined));
}

export class PartyRepository implements PartyOrganizationStore, ServicePostStore, PartyReader {
  constructor(private readonly models: RegistryModels) {}

  organization(id: string): Promise<PartyOrganization | null> {
    return this.models.PartyOrganization.findById(id)
      .lean<PartyOrganizationDoc>()
      .then((d) => (d ? withoutBookkeeping(d) : null));
  }

  organizationByName(name: string): Promise<PartyOrganization | null> {
    return this.models.PartyOrganization.findOne({ name })
      .lean<PartyOrganizationDoc>()
      .then((d) => (d ? withoutBookkeeping(d) : null));
  }

  async insertOrganization(org: PartyOrganization): Promise<PartyOrganization> {
    await uniqueWrite('PartyOrganization', () => this.models.PartyOrganization.create(org));
    return org;
  }

  async updateOrganization(
    id: string,
    set: Partial<Pick<PartyOrganization, 'name' | 'kind' | 'unitName' | 'parentId'>>,
  ): Promise<PartyOrganization | null> {
    const doc = await uniqueWrite('PartyOrganization', () =>
      this.models.PartyOrganization.findOneAndUpdate({ _id: id }, { $set: set }, { new: true }).lean<PartyOrganizationDoc>().exec(),
    );
    return doc ? withoutBookkeeping(doc) : null;
  }

  async joinCoBuilding(id: string, membership: CoBuildingMembership, events: OutboxEntry[]): Promise<PartyOrganization | null> {
    const doc = await this.models.PartyOrganization.findOneAndUpdate(
      { _id: id, coBuilding: null },
      { $set: { coBuilding: membership }, ...pushEvents(events) },
      { new: true },
    )
      .lean<PartyOrganizationDoc>()
      .exec();
    return doc ? withoutBookkeeping(doc) : null;
  }

  async leaveCoBuilding(id: string, committeeId: string, events: OutboxEntry[]): Promise<PartyOrganization | null> {
    const doc = await this.models.PartyOrganization.findOneAndUpdate(
      { _id: id, 'coBuilding.committeeId': committeeId },
      { $set: { coBuilding: null }, ...pushEvents(events) },
      { new: true },
    )
      .lean<PartyOrganizationDoc>()
      .exec();
    return doc ? withoutBookkeeping(doc) : null;
  }

  organizationPage(filter: PartyOrganizationFilter, page: PageRequest): Promise<Connection<PartyOrganization>> {
    const { coBuilding, committeeId, ...plain } = filter;
    const query: Record<string, unknown> = defined(plain);
    if (coBuilding === true) query.coBuilding = { $ne: null };
    if (coBuilding === false) query.coBuilding = null;
    if (committeeId) query['coBuilding.committeeId'] = committeeId;
    return keysetPage<PartyOrganizationDoc>(this.models.PartyOrganization, query, page, { _outbox: 0 });
  }

  member(id: string): Promise<PartyMember | null> {
    return this.models.PartyMember.findById(id).lean<PartyMemberDoc>().exec();
  }

  memberPage(filter: PartyMemberFilter, page: PageRequest): Promise<Connection<PartyMember>> {
    return keysetPage<PartyMemberDoc>(this.models.PartyMember, defined(filter), page);
  }

  post(id: string): Promise<ServicePost | null> {
    return this.models.ServicePost.findById(id).lean<ServicePostDoc>().exec();
  }

  async insertPost(post: ServicePost): Promise<ServicePost> {
    await this.models.ServicePost.create(post);
    return post;
  }

  endPost(id: string, endsOn: string): Promise<ServicePost | null> {
    return this.models.ServicePost.findOneAndUpdate({ _id: id, status: 'ACTIVE' }, { $set: { status: 'ENDED', endsOn } }, { new: true })
      .lean<ServicePostDoc>()
      .exec();
  }

  postPage(filter: ServicePostFilter, page: PageRequest): Promise<Connection<ServicePost>> {
    return keysetPage<ServicePostDoc>(this.models.ServicePost, defined(filter), page);
  }

  organizationsByIds(ids: readonly string[]): Promise<PartyOrganization[]> {
    return findByIds<PartyOrganizationDoc>(this.models.PartyOrganization, ids, { _outbox: 0 });
  }

  membersByIds(ids: readonly string[]): Promise<PartyMember[]> {
    return findByIds<PartyMemberDoc>(this.models.PartyMember, ids);
  }

  postsByIds(ids: readonly string[]): Promise<ServicePost[]> {
    return findByIds<ServicePostDoc>(this.models.ServicePost, ids);
  }

  /** Organizations of many communities in one query (party-building profiles). */
  organizationsOfCommunities(communityIds: readonly string[]): Promise<PartyOrganization[]> {
    return this.models.PartyOrganization.find({ communityId: { $in: [...communityIds] } }, { _outbox: 0 })
      .sort({ _id: 1 })
      .lean<PartyOrganizationDoc[]>()
      .exec();
  }

  /** Co-building member counts of many committees in one aggregation over the (small) organizations collection. */
  async coBuildingMemberCounts(committeeIds: readonly string[]): Promise<{ committeeId: string; count: number }[]> {
    const rows = await this.models.PartyOrganization.aggregate<{ _id: string; count: number }>([
      { $match: { 'coBuilding.committeeId': { $in: [...committeeIds] } } },
      { $group: { _id: '$coBuilding.committeeId', count: { $sum: 1 } } },
    ]);
    return rows.map((r) => ({ committeeId: r._id, count: r.count }));
  }

  /** Co-building members of many committees, in one query over the (small) organizations collection. */
  coBuildingMembersOf(committeeIds: readonly string[]): Promise<PartyOrganization[]> {
    return this.models.PartyOrganization.find({ 'coBuilding.committeeId': { $in: [...committeeIds] } }, { _outbox: 0 })
      .lean<PartyOrganizationDoc[]>()
      .exec();
  }

  /** Members of many organizations in one query. */
  membersOf(organizationIds: readonly string[]): Promise<PartyMember[]> {
    return this.models.PartyMember.find({ organizationId: { $in: [...organizationIds] } })
      .lean<PartyMemberDoc[]>()
      .exec();
  }

  /** The active posts of many communities in one query. */
  activePostsOfCommunities(communityIds: readonly string[]): Promise<ServicePost[]> {
    return this.models.ServicePost.find({ communityId: { $in: [...communityIds] }, status: 'ACTIVE' })
      .sort({ _id: 1 })
      .lean<ServicePostDoc[]>()
      .exec();
  }
}
