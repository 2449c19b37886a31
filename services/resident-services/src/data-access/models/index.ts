import { modelOn } from '@sanshe/service-kit';
import type { Connection, Model } from 'mongoose';
import type {
  KnownResident,
  KnownSocialWorker,
  Notice,
  ServiceCategory,
  ServiceContract,
  ServiceItem,
  ServiceOrder,
} from '../../domain/model';
import type { StatisticsBucket } from '../../domain/statistics';
import {
  archivedServiceOrderSchema,
  deadlineWatchSchema,
  orderNumberCounterSchema,
  serviceOrderSchema,
  type DeadlineWatchEntry,
  type OrderNumberCounter,
} from './order-models';
import {
  knownResidentSchema,
  knownSocialWorkerSchema,
  noticeSchema,
  providerLoadSchema,
  serviceCategorySchema,
  serviceContractSchema,
  serviceItemSchema,
  statisticsBucketSchema,
  type ProviderLoad,
} from './reference-models';

export type NoticeDoc = Notice & { sortKey: string };
export type StatisticsBucketDoc = StatisticsBucket & { applied: string[] };

export interface ResidentServicesModels {
  ServiceOrder: Model<ServiceOrder>;
  ArchivedServiceOrder: Model<ServiceOrder>;
  OrderNumberCounter: Model<OrderNumberCounter>;
  DeadlineWatch: Model<DeadlineWatchEntry>;
  ServiceCategory: Model<ServiceCategory>;
  ServiceItem: Model<ServiceItem>;
  KnownResident: Model<KnownResident>;
  KnownSocialWorker: Model<KnownSocialWorker>;
  ServiceContract: Model<ServiceContract>;
  ProviderLoad: Model<ProviderLoad>;
  Notice: Model<NoticeDoc>;
  StatisticsBucket: Model<StatisticsBucketDoc>;
}

/** The models of one connection (never the mongoose singleton). */
export function createModels(connection: Connection): ResidentServicesModels {
  return {
    ServiceOrder: modelOn(connection, 'ServiceOrder', serviceOrderSchema),
    ArchivedServiceOrder: modelOn(connection, 'ArchivedServiceOrder', archivedServiceOrderSchema),
    OrderNumberCounter: modelOn(connection, 'OrderNumberCounter', orderNumberCounterSchema),
    DeadlineWatch: modelOn(connection, 'DeadlineWatch', deadlineWatchSchema),
    ServiceCategory: modelOn(connection, 'ServiceCategory', serviceCategorySchema),
    ServiceItem: modelOn(connection, 'ServiceItem', serviceItemSchema),
    KnownResident: modelOn(connection, 'KnownResident', knownResidentSchema),
    KnownSocialWorker: modelOn(connection, 'KnownSocialWorker', knownSocialWorkerSchema),
    ServiceContract: modelOn(connection, 'ServiceContract', serviceContractSchema),
    ProviderLoad: modelOn(connection, 'ProviderLoad', providerLoadSchema),
    Notice: modelOn(connection, 'Notice', noticeSchema),
    StatisticsBucket: modelOn(connection, 'StatisticsBucket', statisticsBucketSchema),
  };
}
