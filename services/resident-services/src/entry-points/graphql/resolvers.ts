import type { EventFactory, ServiceParts } from '@sanshe/service-kit';
import type { Clock, ResidentServicesPorts } from '../../domain/ports';
import { catalogueResolvers } from './catalogue-resolvers';
import type { ResidentServicesContext } from './context';
import { entityResolvers } from './entity-resolvers';
import { noticeResolvers } from './notice-resolvers';
import { orderResolvers } from './order-resolvers';
import { statisticsResolvers } from './statistics-resolvers';

/** Everything the resolvers reach: the domain's ports (service.ts fills them), the event factory, the clock. */
export interface ResolverDeps extends ResidentServicesPorts {
  events: EventFactory;
  now: Clock;
}

type ResolverMap = Record<string, Record<string, unknown>>;

function merge(...maps: ResolverMap[]): ResolverMap {
  const merged: ResolverMap = {};
  for (const map of maps) for (const [type, fields] of Object.entries(map)) merged[type] = { ...merged[type], ...fields };
  return merged;
}

export function buildResolvers(deps: ResolverDeps): ServiceParts<ResidentServicesContext>['resolvers'] {
  // Each part is typed where it is written; Apollo's map type cannot express them, hence the cast.
  return merge(
    catalogueResolvers(deps.catalogue),
    orderResolvers(deps),
    entityResolvers(),
    noticeResolvers(deps),
    statisticsResolvers(deps),
  ) as ServiceParts<ResidentServicesContext>['resolvers'];
}
