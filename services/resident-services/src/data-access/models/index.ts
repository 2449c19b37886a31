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
  const model = <T>(name: string, schema: import('mongoose').Schema<T>): Model<T> =>
    (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema);
  return {
    ServiceOrder: model('ServiceOrder', serviceOrderSchema),
    ArchivedServiceOrder: model('ArchivedServiceOrder', archivedServiceOrderSchema),
    OrderNumberCounter: model('OrderNumberCounter', orderNumberCounterSchema),
    DeadlineWatch: model('DeadlineWatch', deadlineWatchSchema),
    ServiceCategory: model('ServiceCategory', serviceCategorySchema),
    ServiceItem: model('ServiceItem', serviceItemSchema),
    KnownResident: model('KnownResident', knownResidentSchema),
    KnownSocialWorker: model('KnownSocialWorker', knownSocialWorkerSchema),
    ServiceContract: model('ServiceContract', serviceContractSchema),
    ProviderLoad: model('ProviderLoad', providerLoadSchema),
    Notice: model('Notice', noticeSchema),
    StatisticsBucket: model('StatisticsBucket', statisticsBucketSchema),
  };
}
