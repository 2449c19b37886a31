import type { ConsumerSpec, EventHandler, EventHandlers } from '@sanshe/service-kit';
import type { CommunityDirectory } from '@sanshe/community-directory';
import { EVENT_TYPES, TOPICS } from '@sanshe/schemas/generated/events';
import { ORDER_EVENT_TYPES } from '../../domain/order-events';
import { projectOrderEvent, type ProjectionStores } from '../../domain/projections';
import type { OrderStore } from '../../domain/ports';
import {
  onContractEnded,
  onContractSigned,
  onResidentMoved,
  onResidentRegistered,
  onSocialWorkerLeft,
  onSocialWorkerRegistered,
  type ReadModelStore,
} from '../../domain/read-models';

type OrderEventType = (typeof ORDER_EVENT_TYPES)[keyof typeof ORDER_EVENT_TYPES];

/**
 * Each handler is typed by its event type: the consumer has validated `data` against that
 * contract before it runs, and dedupes by event id; every effect here is idempotent as well.
 */
export function residentServicesConsumers(deps: {
  communities: CommunityDirectory;
  readModels: ReadModelStore;
  projections: ProjectionStores & { orders: Pick<OrderStore, 'get'> };
}): ConsumerSpec[] {
  const { readModels } = deps;
  const communities = deps.communities.consumer('resident-services');
  const project: EventHandler<OrderEventType> = async (event) => {
    await projectOrderEvent(event, deps.projections);
  };
  const orderHandlers: EventHandlers = Object.fromEntries(Object.values(ORDER_EVENT_TYPES).map((type) => [type, project]));
  return [
    {
      // What other contexts tell us, in one group: communities (the kit's directory), residents, contracts, social workers.
      groupId: 'resident-services.read-models',
      topics: [...communities.topics, TOPICS.SOCIAL_ORGS_V1],
      handlers: {
        ...communities.handlers,
        [EVENT_TYPES.ResidentRegisteredV1]: ({ data }) => onResidentRegistered(readModels, data),
        [EVENT_TYPES.ResidentMovedV1]: ({ data }) => onResidentMoved(readModels, data),
        [EVENT_TYPES.ContractSignedV1]: ({ data }) => onContractSigned(readModels, data),
        [EVENT_TYPES.ContractEndedV1]: ({ data }) => onContractEnded(readModels, data),
        [EVENT_TYPES.SocialWorkerRegisteredV1]: ({ data }) => onSocialWorkerRegistered(readModels, data),
        [EVENT_TYPES.SocialWorkerLeftV1]: ({ data }) => onSocialWorkerLeft(readModels, data),
      },
    },
    {
      // Our own order events: they keep the statistics and the providers' load, should the writer have missed it.
      groupId: 'resident-services.order-projections',
      topics: [TOPICS.RESIDENT_SERVICES_V1],
      handlers: orderHandlers,
    },
  ];
}
