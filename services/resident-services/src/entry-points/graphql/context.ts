import { byIdLoader, groupedLoader, type RequestContext } from '@sanshe/service-kit';
import DataLoader from 'dataloader';
import { categoriesByCodes, itemsByCodes, itemsOfCategories } from '../../domain/catalogue-queries';
import type { KnownSocialWorker, Notice, NoticeKind, OrderStatus, ServiceCategory, ServiceItem, ServiceOrder } from '../../domain/model';
import { noticesByIds, noticesReachingPlaces, type Place } from '../../domain/notice-queries';
import {
  communitiesByIds,
  ordersByIds,
  ordersOfCommunities,
  ordersOfProviders,
  ordersOfResidents,
  ordersOfWorkers,
  workersByIds,
  type CommunityPlace,
} from '../../domain/order-queries';
import type { ResidentServicesPorts } from '../../domain/ports';

export interface Loaders {
  orders: DataLoader<string, ServiceOrder | null>;
  items: DataLoader<string, ServiceItem | null>;
  itemsOfCategory: DataLoader<string, ServiceItem[]>;
  categories: DataLoader<string, ServiceCategory | null>;
  communities: DataLoader<string, CommunityPlace | null>;
  notices: DataLoader<string, Notice | null>;
  ordersOfResident: DataLoader<string, ServiceOrder[]>;
  /** One loader per set of statuses asked for. */
  ordersOfCommunity: (statuses: readonly OrderStatus[]) => DataLoader<string, ServiceOrder[]>;
  ordersOfProvider: (statuses: readonly OrderStatus[]) => DataLoader<string, ServiceOrder[]>;
  /** An order with a team sits under each of its workers. */
  ordersOfWorker: (statuses: readonly OrderStatus[]) => DataLoader<string, ServiceOrder[]>;
  workers: DataLoader<string, KnownSocialWorker | null>;
  noticesReaching: (kind: NoticeKind | null) => DataLoader<Place, Notice[], string>;
}

export interface ResidentServicesContext extends RequestContext {
  loaders: Loaders;
}

/** Memoises one loader per argument key, so fields asked with the same arguments share a batch. */
function family<A, L>(keyOf: (arg: A) => string, make: (arg: A) => L): (arg: A) => L {
  const loaders = new Map<string, L>();
  return (arg) => {
    const key = keyOf(arg);
    let loader = loaders.get(key);
    if (!loader) {
      loader = make(arg);
      loaders.set(key, loader);
    }
    return loader;
  };
}

const statusKey = (statuses: readonly OrderStatus[]) => [...statuses].sort().join(',');

/** Per-request loaders around the domain's batch reads: every entity and list field costs one query per batch. */
export function createLoaders(ports: ResidentServicesPorts): Loaders {
  return {
    orders: byIdLoader((ids) => ordersByIds(ids, ports.orders)),
    items: byIdLoader((codes) => itemsByCodes(codes, ports.catalogue)),
    itemsOfCategory: groupedLoader(
      (codes) => itemsOfCategories(codes, ports.catalogue),
      (i) => i.categoryCode,
    ),
    categories: byIdLoader((codes) => categoriesByCodes(codes, ports.catalogue)),
    communities: byIdLoader((ids) => communitiesByIds(ids, ports.directory)),
    notices: byIdLoader((ids) => noticesByIds(ids, ports.notices)),
    ordersOfResident: groupedLoader(
      (ids) => ordersOfResidents(ids, ports.orders),
      (o) => o.residentId,
    ),
    ordersOfCommunity: family(statusKey, (statuses) =>
      groupedLoader(
        (ids) => ordersOfCommunities(ids, statuses, ports.orders),
        (o) => o.communityId,
      ),
    ),
    ordersOfProvider: family(statusKey, (statuses) =>
      groupedLoader(
        (ids) => ordersOfProviders(ids, statuses, ports.orders),
        (o) => o.providerOrgId!,
      ),
    ),
    ordersOfWorker: family(
      statusKey,
      (statuses) => new DataLoader<string, ServiceOrder[]>((ids) => ordersOfWorkers(ids, statuses, ports.orders)),
    ),
    workers: byIdLoader((ids) => workersByIds(ids, ports.directory)),
    noticesReaching: family(
      (kind) => kind ?? '',
      (kind) =>
        new DataLoader<Place, Notice[], string>((places) => noticesReachingPlaces(places, kind, ports.notices), {
          cacheKeyFn: (p) => `${p.communityId}|${p.streetId ?? ''}`,
        }),
    ),
  };
}

export function buildContext(base: RequestContext, ports: ResidentServicesPorts): ResidentServicesContext {
  return { ...base, loaders: createLoaders(ports) };
}
