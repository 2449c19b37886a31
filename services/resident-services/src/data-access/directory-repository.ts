import type { CommunityDirectory, KnownCommunity } from '@sanshe/community-directory';
import type { KnownResident, KnownSocialWorker, ServiceContract } from '../domain/model';
import type { CommunityReader } from '../domain/order-queries';
import type { ContractStore, Directory, WorkerDirectory } from '../domain/ports';
import type { ProviderLoadStore } from '../domain/projections';
import type { ReadModelStore } from '../domain/read-models';
import type { ResidentServicesModels } from './models';

/** The copies of other contexts' data this service keeps: communities, residents, contracts, social workers, and the providers' load. */
export class DirectoryRepository implements Directory, CommunityReader, ContractStore, ReadModelStore, ProviderLoadStore, WorkerDirectory {
  constructor(
    private readonly models: ResidentServicesModels,
    private readonly communities: CommunityDirectory,
  ) {}

  resident(id: string): Promise<KnownResident | null> {
    return this.models.KnownResident.findById(id).lean<KnownResident>().exec();
  }

  community(id: string): Promise<KnownCommunity | null> {
    return this.communities.get(id);
  }

  communitiesByIds(ids: readonly string[]): Promise<KnownCommunity[]> {
    return this.communities.getMany(ids);
  }

  async streetKnown(streetId: string): Promise<boolean> {
    return this.communities.streetKnown(streetId);
  }

  async rememberResident(resident: KnownResident): Promise<void> {
    await this.models.KnownResident.updateOne(
      { _id: resident._id },
      { $set: { communityId: resident.communityId, streetId: resident.streetId } },
      { upsert: true },
    );
  }

  workers(ids: readonly string[]): Promise<KnownSocialWorker[]> {
    return this.models.KnownSocialWorker.find({ _id: { $in: [...ids] } })
      .lean<KnownSocialWorker[]>()
      .exec();
  }

  async rememberWorker(worker: KnownSocialWorker): Promise<void> {
    await this.models.KnownSocialWorker.updateOne(
      { _id: worker._id },
      { $set: { organizationId: worker.organizationId, maskedName: worker.maskedName } },
      { upsert: true },
    );
  }

  async workerLeft(workerId: string, organizationId: string, leftOn: string): Promise<void> {
    // socialWorker.left follows socialWorker.registered on the same partition (keyed by the worker),
    // so the record exists; the upsert only keeps a redelivery or a replay from failing.
    await this.models.KnownSocialWorker.updateOne(
      { _id: workerId },
      { $set: { leftOn }, $setOnInsert: { organizationId } },
      { upsert: true },
    );
  }

  naming(itemCode: string, communityId: string): Promise<ServiceContract[]> {
    return this.models.ServiceContract.find({ itemCodes: itemCode, communityIds: communityId }).lean<ServiceContract[]>().exec();
  }

  async rememberContract(contract: Omit<ServiceContract, 'endedOn'>): Promise<void> {
    const { _id, ...fields } = contract;
    await this.models.ServiceContract.updateOne({ _id }, { $set: fields }, { upsert: true });
  }

  async endContract(contractId: string, providerOrgId: string, endedOn: string): Promise<void> {
    await this.models.ServiceContract.updateOne(
      { _id: contractId },
      { $set: { endedOn }, $setOnInsert: { providerOrgId } },
      { upsert: true },
    );
  }

  async loadOf(providerOrgIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.models.ProviderLoad.find({ _id: { $in: [...providerOrgIds] } })
      .lean()
      .exec();
    return new Map(rows.map((r) => [r._id, r.openOrderIds.length]));
  }

  async add(providerOrgId: string, orderId: string): Promise<void> {
    await this.models.ProviderLoad.updateOne({ _id: providerOrgId }, { $addToSet: { openOrderIds: orderId } }, { upsert: true }).exec();
  }

  async remove(providerOrgId: string, orderId: string): Promise<void> {
    await this.models.ProviderLoad.updateOne({ _id: providerOrgId }, { $pull: { openOrderIds: orderId } }).exec();
  }
}
