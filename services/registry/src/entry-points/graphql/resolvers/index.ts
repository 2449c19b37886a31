import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { RegistryContext, RegistryDeps } from '../context';
import { coBuildingResolvers } from './co-building';
import { districtLinkageResolvers } from './district-linkage';
import { partyResolvers } from './party';
import { platformResolvers } from './platform';
import { residentResolvers } from './residents';
import { territoryResolvers } from './territory';

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
