import type { KnownResident, KnownSocialWorker, ServiceContract } from './model';

/**
 * What resident-services keeps of other contexts, learned from their events: where each
 * resident lives (registry), the purchased-service contracts and who works for which
 * organization (social-orgs). Every effect is an upsert by id, so a redelivered event
 * changes nothing.
 */
export interface ReadModelStore {
  rememberResident(resident: KnownResident): Promise<void>;
  rememberContract(contract: Omit<ServiceContract, 'endedOn'>): Promise<void>;
  endContract(contractId: string, providerOrgId: string, endedOn: string): Promise<void>;
  rememberWorker(worker: KnownSocialWorker): Promise<void>;
  /** Marks the worker as gone from `organizationId` since `leftOn`; the rest of the record stays. */
  workerLeft(workerId: string, organizationId: string, leftOn: string): Promise<void>;
}

export const onResidentRegistered = (store: ReadModelStore, data: { residentId: string; communityId: string; streetId: string }) =>
  store.rememberResident({ _id: data.residentId, communityId: data.communityId, streetId: data.streetId });

export const onResidentMoved = (store: ReadModelStore, data: { residentId: string; toCommunityId: string; streetId: string }) =>
  store.rememberResident({ _id: data.residentId, communityId: data.toCommunityId, streetId: data.streetId });

export const onContractSigned = (
  store: ReadModelStore,
  data: { contractId: string; providerOrgId: string; itemCodes: string[]; communityIds: string[]; startsOn: string; endsOn: string },
) =>
  store.rememberContract({
    _id: data.contractId,
    providerOrgId: data.providerOrgId,
    itemCodes: [...new Set(data.itemCodes)],
    communityIds: [...new Set(data.communityIds)],
    startsOn: data.startsOn,
    endsOn: data.endsOn,
  });

export const onContractEnded = (store: ReadModelStore, data: { contractId: string; providerOrgId: string; endedOn: string }) =>
  store.endContract(data.contractId, data.providerOrgId, data.endedOn);

export const onSocialWorkerRegistered = (
  store: ReadModelStore,
  data: { socialWorkerId: string; organizationId: string; maskedName: string },
) => store.rememberWorker({ _id: data.socialWorkerId, organizationId: data.organizationId, maskedName: data.maskedName });

export const onSocialWorkerLeft = (store: ReadModelStore, data: { socialWorkerId: string; organizationId: string; leftOn: string }) =>
  store.workerLeft(data.socialWorkerId, data.organizationId, data.leftOn);
