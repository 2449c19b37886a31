import { pageRequest, type PageArgs } from '@sanshe/service-kit';
import { readDistrictOverview } from '../../domain/statistics-queries';
import {
  createCommunity,
  createStreet,
  isStandardised,
  setCommunityBrand,
  updateCommunity,
  updateStreet,
  type Committee,
  type Community,
  type CommunityBrand,
  type CommunityChanges,
  type NewCommunityInput,
  type NewStreetInput,
  type ServiceHall,
  type Street,
} from '../../domain/territory';
import {
  allStreets,
  brandedCommunities,
  committeeOfCommunity,
  committeeOfStreet,
  communityByName,
  listCommunities,
  regionalPartyCommittees,
  streetByName,
} from '../../domain/territory-queries';
import type { RegistryContext, RegistryDeps } from './context';

const brandOf = (c: Community) => (c.brand ? { ...c.brand, communityId: c._id } : null);

export function territoryResolvers(deps: RegistryDeps) {
  const territoryDeps = { store: deps.territory, events: deps.events };
  const district = { __typename: 'District', ...deps.district };
  return {
    Query: {
      district: () => district,
      streets: () => allStreets(deps.territory),
      street: (_: unknown, args: { id: string }, ctx: RegistryContext) => ctx.loaders.streets.load(args.id),
      streetByName: (_: unknown, args: { name: string }) => streetByName(args.name, deps.territory),
      community: (_: unknown, args: { id: string }, ctx: RegistryContext) => ctx.loaders.communities.load(args.id),
      communityByName: (_: unknown, args: { name: string; streetId?: string | null }) =>
        communityByName(args.name, args.streetId ?? null, deps.territory),
      communities: (_: unknown, args: { streetId?: string | null; urban?: boolean | null }) => listCommunities(args, deps.territory),
      communityBrands: async () => (await brandedCommunities(deps.territory)).map(brandOf),
      regionalPartyCommittee: (_: unknown, args: { id: string }, ctx: RegistryContext) => ctx.loaders.committees.load(args.id),
      regionalPartyCommittees: (_: unknown, args: { level?: 'STREET' | 'COMMUNITY' | null; streetId?: string | null }) =>
        regionalPartyCommittees(args.level ?? null, args.streetId ?? null, deps.territory),
      districtOverview: () => readDistrictOverview(deps.statistics),
      partyBuildingProfile: async (_: unknown, args: { communityId: string }, ctx: RegistryContext) =>
        ctx.loaders.communities.load(args.communityId),
    },
    Mutation: {
      createStreet: (_: unknown, args: { input: NewStreetInput }, ctx: RegistryContext) => createStreet(args.input, ctx, territoryDeps),
      updateStreet: (_: unknown, args: { id: string; input: { name?: string | null } }, ctx: RegistryContext) =>
        updateStreet(args.id, args.input, ctx, territoryDeps),
      createCommunity: (_: unknown, args: { input: NewCommunityInput }, ctx: RegistryContext) =>
        createCommunity(args.input, ctx, territoryDeps),
      updateCommunity: (_: unknown, args: { id: string; input: CommunityChanges }, ctx: RegistryContext) =>
        updateCommunity(args.id, args.input, ctx, territoryDeps),
      setCommunityBrand: (_: unknown, args: { communityId: string; brand?: CommunityBrand | null }, ctx: RegistryContext) =>
        setCommunityBrand(args.communityId, args.brand ?? null, ctx, territoryDeps),
    },
    District: {
      __resolveReference: (ref: { id: string }) => (ref.id === deps.district.id ? district : null),
      streets: () => allStreets(deps.territory),
    },
    Street: {
      __resolveReference: (ref: { id: string }, ctx: RegistryContext) => ctx.loaders.streets.load(ref.id),
      id: (s: Street) => s._id,
      district: () => district,
      communities: async (s: Street, args: { urban?: boolean | null }, ctx: RegistryContext) => {
        const all = await ctx.loaders.communitiesByStreet.load(s._id);
        return typeof args.urban === 'boolean' ? all.filter((c) => c.urban === args.urban) : all;
      },
      regionalPartyCommittee: committeeOfStreet,
    },
    Community: {
      __resolveReference: (ref: { id: string }, ctx: RegistryContext) => ctx.loaders.communities.load(ref.id),
      id: (c: Community) => c._id,
      street: (c: Community, _: unknown, ctx: RegistryContext) => ctx.loaders.streets.load(c.streetId),
      brand: brandOf,
      regionalPartyCommittee: committeeOfCommunity,
      partyBuilding: (c: Community) => c,
      residentCount: (c: Community) => c.stats?.residents ?? 0,
      publishedActivityCount: (c: Community) => c.stats?.publishedActivities ?? 0,
    },
    ServiceHall: {
      meetsThreeUnifiedStandard: (h: ServiceHall) => isStandardised(h),
    },
    CommunityBrand: {
      community: (b: CommunityBrand & { communityId: string }, _: unknown, ctx: RegistryContext) =>
        ctx.loaders.communities.load(b.communityId),
    },
    RegionalPartyCommittee: {
      __resolveReference: (ref: { id: string }, ctx: RegistryContext) => ctx.loaders.committees.load(ref.id),
      id: (c: Committee) => c._id,
      street: (c: Committee, _: unknown, ctx: RegistryContext) => ctx.loaders.streets.load(c.streetId),
      community: (c: Committee, _: unknown, ctx: RegistryContext) => (c.communityId ? ctx.loaders.communities.load(c.communityId) : null),
      memberCount: (c: Committee, _: unknown, ctx: RegistryContext) => ctx.loaders.committeeMemberCounts.load(c._id),
      members: (c: Committee, args: PageArgs, ctx: RegistryContext) =>
        ctx.loaders.committeeMembers.load({ group: c._id, page: pageRequest(args) }),
    },
  };
}
