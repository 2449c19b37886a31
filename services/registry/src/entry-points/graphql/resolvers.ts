import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { RegistryContext, RegistryDeps } from './context';
import { coBuildingResolvers } from './co-building-resolvers';
import { districtLinkageResolvers } from './district-linkage-resolvers';
import { partyResolvers } from './party-resolvers';
import { platformResolvers } from './platform-resolvers';
import { residentResolvers } from './residents-resolvers';
import { territoryResolvers } from './territory-resolvers';

type ResolverMap = Record<string, Record<string, unknown>>;

/** Merges the per-aggregate resolver maps; a type may get fields from several. */
export function buildResolvers(deps: RegistryDeps): GraphQLResolverMap<RegistryContext> {
  const merged: ResolverMap = {};
  for (const part of [
    territoryResolvers(deps),
    partyResolvers(deps),
    residentResolvers(deps),
    coBuildingResolvers(deps),
    platformResolvers(deps),
    districtLinkageResolvers(deps),
  ] as ResolverMap[]) {
    for (const [type, fields] of Object.entries(part)) merged[type] = { ...merged[type], ...fields };
  }
  return merged as GraphQLResolverMap<RegistryContext>;
}
