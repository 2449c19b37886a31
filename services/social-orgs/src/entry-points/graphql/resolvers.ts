import type { ServiceParts } from '@sanshe/service-kit';
import type { SocialOrgsContext, SocialOrgsDeps } from './context';
import { contractResolvers } from './contract-resolvers';
import { organizationResolvers } from './organization-resolvers';
import { partyBuildingResolvers } from './party-building-resolvers';
import { partyTrainingResolvers } from './party-training-resolvers';
import { workerResolvers } from './worker-resolvers';

type ResolverMap = ServiceParts<SocialOrgsContext>['resolvers'];

/** Merges the per-aggregate resolver maps type by type (Query, Mutation and Community have parts in several). */
export function buildResolvers(deps: SocialOrgsDeps): ResolverMap {
  const merged: Record<string, object> = {};
  for (const part of [
    organizationResolvers(deps),
    workerResolvers(deps),
    contractResolvers(deps),
    partyBuildingResolvers(deps),
    partyTrainingResolvers(deps),
  ] as Record<string, object>[]) {
    for (const [type, fields] of Object.entries(part)) merged[type] = { ...merged[type], ...fields };
  }
  return merged as ResolverMap;
}
