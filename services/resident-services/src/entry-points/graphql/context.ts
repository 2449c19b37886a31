import { byIdLoader, groupedLoader, type RequestContext } from '@sanshe/service-kit';
import type { KnownCommunity } from '@sanshe/community-directory';
import DataLoader from 'dataloader';
import type { CatalogueRepository } from '../../data-access/catalogue-repository';
import type { DirectoryRepository } from '../../data-access/directory-repository';
import type { NoticeDoc } from '../../data-access/models';
import type { NoticeRepository } from '../../data-access/notice-repository';
import type { OrderRepository } from '../../data-access/order-repository';
import type { KnownSocialWorker, NoticeKind, OrderStatus, ServiceCategory, ServiceItem, ServiceOrder } from '../../domain/model';

export interface Repositories {
  orders: OrderRepository;
  catalogue: CatalogueRepository;
  directory: DirectoryRepository;
  notices: NoticeRepository;
}

/** A place notices can reach: a community and the street it lies in. */
export interface Place {
  communityId: string;
  streetId: string | null;
}

export interface Loaders {
  orders: DataLoader<string, ServiceOrder | null>;
  items: DataLoader<string, ServiceItem | null>;
  itemsOfCategory: DataLoader<string, ServiceItem[]>;
  categories: DataLoader<string, ServiceCategory | null>;
  communities: DataLoader<string, KnownCommunity | null>;
  notices: DataLoader<string, NoticeDoc | null>;
  ordersOfResident: DataLoader<string, ServiceOrder[]>;
  /** One loader per set of statuses asked for. */
  ordersOfCommunity(statuses: readonly OrderStatus[]): DataLoader<string, ServiceOrder[]>;
  ordersOfProvider(statuses: readonly OrderStatus[]): DataLoader<string, ServiceOrder[]>;
  /** An order with a team sits under each of its workers. */
  ordersOfWorker(statuses: readonly OrderStatus[]): DataLoader<string, ServiceOrder[]>;
  workers: DataLoader<string, KnownSocialWorker | null>;
  noticesReaching(kind: NoticeKind | null): DataLoader<Place, NoticeDoc[], string>;
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

export function createLoaders(repos: Repositories): Loaders {
  return {
    orders: byIdLoader((ids) => repos.orders.byIds(ids)),
    items: byIdLoader((codes) => repos.catalogue.itemsByCodes(codes)),
    itemsOfCategory: groupedLoader(
      (codes) => repos.catalogue.itemsOfCategories(codes),
      (i) => i.categoryCode,
    ),
    categories: byIdLoader((codes) => repos.catalogue.categoriesByCodes(codes)),
    communities: byIdLoader((ids) => repos.directory.communitiesByIds(ids)),
    notices: byIdLoader((ids) => repos.notices.byIds(ids)),
    ordersOfResident: groupedLoader(
      (ids) => repos.orders.ofMany('residentId', ids),
      (o) => o.residentId,
    ),
    ordersOfCommunity: family(statusKey, (statuses) =>
      groupedLoader(
        (ids) => repos.orders.ofMany('communityId', ids, statuses),
        (o) => o.communityId,
      ),
    ),
    ordersOfProvider: family(statusKey, (statuses) =>
      groupedLoader(
        (ids) => repos.orders.ofMany('providerOrgId', ids, statuses),
        (o) => o.providerOrgId!,
      ),
    ),
    ordersOfWorker: family(
      statusKey,
      (statuses) =>
        new DataLoader<string, ServiceOrder[]>(async (ids) => {
          const orders = await repos.orders.ofMany('assignedWorkerIds', ids, statuses);
          return ids.map((id) => orders.filter((o) => o.assignedWorkerIds.includes(id)));
        }),
    ),
    workers: byIdLoader((ids) => repos.directory.workers(ids)),
    noticesReaching: family(
      (kind) => kind ?? '',
      (kind) =>
        new DataLoader<Place, NoticeDoc[], string>(
          async (places) => {
            const all = await repos.notices.reaching({
              communityIds: places.map((p) => p.communityId),
              streetIds: places.flatMap((p) => (p.streetId ? [p.streetId] : [])),
              kind,
            });
            return places.map((p) =>
              all.filter(
                (n) =>
                  n.scope === 'DISTRICT' ||
                  (n.scope === 'STREET' && n.streetId === p.streetId) ||
                  (n.scope === 'COMMUNITY' && n.communityId === p.communityId),
              ),
            );
          },
          { cacheKeyFn: (p) => `${p.communityId}|${p.streetId ?? ''}` },
        ),
    ),
  };
}

export function buildContext(base: RequestContext, repos: Repositories): ResidentServicesContext {
  return { ...base, loaders: createLoaders(repos) };
}
