import { OUTBOX_FIELD, type OutboxEntry, type PageRequest, uniqueWrite } from '@sanshe/service-kit';
import type { CommunityDirectory, KnownCommunity } from '@sanshe/community-directory';
import type { FilterQuery } from 'mongoose';
import type { ContractAmendment, ContractStore, ServiceContract } from '../domain/contract';
import type { ClaimOwner } from '../domain/contract-claims';
import type { ContractFilter, ContractReads } from '../domain/contract-queries';
import type { Organization } from '../domain/organization';
import type { SocialOrgsModels } from './models';

export class ContractRepository implements ContractStore, ContractReads {
  constructor(
    private readonly models: SocialOrgsModels,
    private readonly directory: CommunityDirectory,
  ) {}

  contract(id: string): Promise<ServiceContract | null> {
    return this.models.ServiceContract.findById(id).lean<ServiceContract>();
  }

  async owners(ids: string[]): Promise<Map<string, ClaimOwner>> {
    const found = await this.models.ServiceContract.find({ _id: { $in: ids } })
      .select({ signingId: 1, status: 1, startsOn: 1, endsOn: 1, endedOn: 1 })
      .lean<ClaimOwner[]>();
    return new Map(found.map((c) => [c._id, c]));
  }

  organization(id: string): Promise<Organization | null> {
    return this.models.Organization.findById(id).lean<Organization>();
  }

  communities(ids: readonly string[]): Promise<KnownCommunity[]> {
    return this.directory.getMany(ids);
  }

  async insert(contract: ServiceContract, events: OutboxEntry[]): Promise<void> {
    await uniqueWrite('ServiceContract', () => this.models.ServiceContract.create({ ...contract, [OUTBOX_FIELD]: events }));
  }

  lock(id: string, token: string, staleBefore: Date): Promise<ServiceContract | null> {
    return this.models.ServiceContract.findOneAndUpdate(
      { _id: id, status: 'ACTIVE', $or: [{ amending: null }, { 'amending.since': { $lt: staleBefore } }] },
      { $set: { amending: { token, since: new Date() } } },
      { new: true },
    ).lean<ServiceContract>();
  }

  async unlock(id: string, token: string): Promise<void> {
    await this.models.ServiceContract.updateOne({ _id: id, 'amending.token': token }, { $set: { amending: null } });
  }

  amend(
    id: string,
    token: string,
    terms: Pick<ServiceContract, 'endsOn' | 'budgetYuan' | 'kpiTargets'>,
    amendment: ContractAmendment,
    events: OutboxEntry[],
  ): Promise<ServiceContract | null> {
    return this.models.ServiceContract.findOneAndUpdate(
      { _id: id, status: 'ACTIVE', 'amending.token': token },
      { $set: { ...terms, amending: null }, $push: { amendments: amendment, [OUTBOX_FIELD]: { $each: events } } },
      { new: true },
    ).lean<ServiceContract>();
  }

  end(id: string, endedOn: string, reason: string | null, events: OutboxEntry[]): Promise<ServiceContract | null> {
    return this.models.ServiceContract.findOneAndUpdate(
      { _id: id, status: 'ACTIVE' },
      { $set: { status: 'ENDED', endedOn, endReason: reason }, $push: { [OUTBOX_FIELD]: { $each: events } } },
      { new: true },
    ).lean<ServiceContract>();
  }

  byIds(ids: readonly string[]): Promise<ServiceContract[]> {
    return this.models.ServiceContract.find({ _id: { $in: [...ids] } }).lean<ServiceContract[]>();
  }

  search(filter: ContractFilter, page: PageRequest): Promise<ServiceContract[]> {
    const query: FilterQuery<ServiceContract> = {};
    if (filter.providerOrgId) query.providerOrgId = filter.providerOrgId;
    if (filter.communityId) query.communityIds = filter.communityId;
    if (filter.itemCode) query.itemCodes = filter.itemCode;
    if (filter.activeOn) {
      query.startsOn = { $lte: filter.activeOn };
      query.$or = [
        { status: 'ACTIVE', endsOn: { $gte: filter.activeOn } },
        { status: 'ENDED', endedOn: { $gte: filter.activeOn } },
      ];
    }
    if (page.afterKey) query._id = { $gt: page.afterKey };
    return this.models.ServiceContract.find(query)
      .sort({ _id: 1 })
      .limit(page.limit + 1)
      .lean<ServiceContract[]>();
  }

  providedBy(organizationIds: readonly string[]): Promise<ServiceContract[]> {
    return this.models.ServiceContract.find({ providerOrgId: { $in: [...organizationIds] } })
      .sort({ startsOn: -1, _id: 1 })
      .lean<ServiceContract[]>();
  }
}
