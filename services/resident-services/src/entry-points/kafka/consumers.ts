import type { ConsumerSpec, EventHandler } from '@sanshe/service-kit';
import type { CommunityDirectory } from '@sanshe/community-directory';
import { ORDER_EVENT_TYPES } from '../../domain/order-events';
import { projectOrderEvent, type ProjectionStores } from '../../domain/projections';
import type { OrderStore } from '../../domain/ports';
import { onContractEnded, onContractSigned, onResidentMoved, onResidentRegistered, type ReadModelStore } from '../../domain/read-models';

const RESIDENT_REGISTERED = 'cn.sanshe.registry.resident.registered.v1';
const RESIDENT_MOVED = 'cn.sanshe.registry.resident.moved.v1';
const CONTRACT_SIGNED = 'cn.sanshe.social-orgs.contract.signed.v1';
const CONTRACT_ENDED = 'cn.sanshe.social-orgs.contract.ended.v1';

/**
 * The consumer has validated `data` against the event's contract before a handler runs,
 * and dedupes by event id; every effect here is idempotent as well.
 */
export function residentServicesConsumers(deps: { communities: CommunityDirectory; readModels: ReadModelStore; projections: ProjectionStores & { orders: Pick<OrderStore, 'get'> } }): ConsumerSpec[] {
  const { readModels } = deps;
  const communities = deps.communities.consumer('resident-services');
  const project: EventHandler = async (event) => {
    await projectOrderEvent(event, deps.projections);
  };
  return [
    {
      // What other contexts tell us, in one group: communities (the kit's directory), residents, contracts.
      groupId: 'resident-services.read-models',
      topics: [...communities.topics, 'sanshe.social-orgs.v1'],
      handlers: {
        ...communities.handlers,
        [RESIDENT_REGISTERED]: (event) => onResidentRegistered(readModels, event.data as Parameters<typeof onResidentRegistered>[1]),
        [RESIDENT_MOVED]: (event) => onResidentMoved(readModels, event.data as Parameters<typeof onResidentMoved>[1]),
        [CONTRACT_SIGNED]: (event) => onContractSigned(readModels, event.data as Parameters<typeof onContractSigned>[1]),
        [CONTRACT_ENDED]: (event) => onContractEnded(readModels, event.data as Parameters<typeof onContractEnded>[1]),
      },
    },
    {
      // Our own order events: they keep the statistics and the providers' load, should the writer have missed it.
      groupId: 'resident-services.order-projections',
      topics: ['sanshe.resident-services.v1'],
      handlers: Object.fromEntries(Object.values(ORDER_EVENT_TYPES).map((type) => [type, project])),
    },
  ];
}
