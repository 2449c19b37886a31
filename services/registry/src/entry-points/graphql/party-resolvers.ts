import { pageRequest, type PageArgs } from '@sanshe/service-kit';
import { mayReadMember, memberView, type PartyMember } from '../../domain/party-members';
import {
  createPartyOrganization,
  joinCoBuilding,
  leaveCoBuilding,
  updatePartyOrganization,
  type CoBuildingMembership,
  type NewPartyOrganizationInput,
  type PartyOrganization,
  type PartyOrganizationChanges,
} from '../../domain/party-organizations';
import {
  listPartyMembers,
  listPartyOrganizations,
  listServicePosts,
  organizationByName,
  organizationMemberPage,
  type PartyMemberFilter,
  type PartyOrganizationFilter,
  type ServicePostFilter,
} from '../../domain/party-queries';
import { assignServicePost, endServicePost, postStatus, type AssignServicePostInput, type ServicePost } from '../../domain/service-posts';
import type { Community } from '../../domain/territory';
import { committeeOfCommunity } from '../../domain/territory-queries';
import type { RegistryContext, RegistryDeps } from './context';

type Paged<T = object> = T & PageArgs;

export function partyResolvers(deps: RegistryDeps) {
  const orgDeps = { organizations: deps.party, territory: deps.territory, events: deps.events };
  return {
    Query: {
      partyOrganization: (_: unknown, args: { id: string }, ctx: RegistryContext) => ctx.loaders.organizations.load(args.id),
      partyOrganizationByName: (_: unknown, args: { name: string }) => organizationByName(args.name, deps.party),
      partyOrganizations: (_: unknown, args: Paged<{ filter?: PartyOrganizationFilter | null }>) =>
        listPartyOrganizations(args.filter ?? {}, pageRequest(args), deps.party),
      partyMember: (_: unknown, args: { id: string }, ctx: RegistryContext) => ctx.loaders.members.load(args.id),
      partyMembers: (_: unknown, args: Paged<{ filter?: PartyMemberFilter | null }>, ctx: RegistryContext) => {
        const page = pageRequest(args);
        return listPartyMembers(args.filter ?? {}, page, ctx, { organizations: deps.party, territory: deps.territory });
      },
      servicePost: (_: unknown, args: { id: string }, ctx: RegistryContext) => ctx.loaders.posts.load(args.id),
      servicePosts: (_: unknown, args: Paged<{ filter?: ServicePostFilter | null }>) =>
        listServicePosts(args.filter ?? {}, pageRequest(args), deps.party),
    },
    Mutation: {
      createPartyOrganization: (_: unknown, args: { input: NewPartyOrganizationInput }, ctx: RegistryContext) =>
        createPartyOrganization(args.input, ctx, orgDeps),
      updatePartyOrganization: (_: unknown, args: { id: string; input: PartyOrganizationChanges }, ctx: RegistryContext) =>
        updatePartyOrganization(args.id, args.input, ctx, orgDeps),
      joinCoBuilding: (
        _: unknown,
        args: { partyOrganizationId: string; committeeId: string; joinedOn?: string | null },
        ctx: RegistryContext,
      ) => joinCoBuilding(args.partyOrganizationId, args.committeeId, args.joinedOn, ctx, orgDeps),
      leaveCoBuilding: (_: unknown, args: { partyOrganizationId: string; leftOn?: string | null }, ctx: RegistryContext) =>
        leaveCoBuilding(args.partyOrganizationId, args.leftOn, ctx, orgDeps),
      assignServicePost: (_: unknown, args: { input: AssignServicePostInput }, ctx: RegistryContext) =>
        assignServicePost(args.input, ctx, { posts: deps.party, territory: deps.territory }),
      endServicePost: (_: unknown, args: { id: string; endsOn: string }, ctx: RegistryContext) =>
        endServicePost(args.id, args.endsOn, ctx, { posts: deps.party }),
    },
    // social-orgs lists which party organizations are branches inside social organizations;
    // their members are registry's, so registry alone counts them (the report's 党员101人).
    SocialOrgOverview: {
      __resolveReference: (o: { id: string; partyBranchIds: string[] }) => o,
      partyMembersInBranches: async (o: { partyBranchIds: string[] }, _: unknown, ctx: RegistryContext) => {
        const branches = await Promise.all(o.partyBranchIds.map((id) => ctx.loaders.organizations.load(id)));
        return branches.reduce((n, b) => n + (b?.memberCount ?? 0), 0);
      },
    },
    PartyOrganization: {
      __resolveReference: (ref: { id: string }, ctx: RegistryContext) => ctx.loaders.organizations.load(ref.id),
      id: (o: PartyOrganization) => o._id,
      parent: (o: PartyOrganization, _: unknown, ctx: RegistryContext) => (o.parentId ? ctx.loaders.organizations.load(o.parentId) : null),
      street: (o: PartyOrganization, _: unknown, ctx: RegistryContext) => ctx.loaders.streets.load(o.streetId),
      community: (o: PartyOrganization, _: unknown, ctx: RegistryContext) =>
        o.communityId ? ctx.loaders.communities.load(o.communityId) : null,
      memberCount: (o: PartyOrganization) => o.memberCount ?? 0,
      members: (o: PartyOrganization, args: PageArgs, ctx: RegistryContext) =>
        organizationMemberPage(o, pageRequest(args), ctx, (key) => ctx.loaders.organizationMembers.load(key)),
    },
    CoBuildingMembership: {
      committee: (m: CoBuildingMembership, _: unknown, ctx: RegistryContext) => ctx.loaders.committees.load(m.committeeId),
    },
    PartyMember: {
      __resolveReference: (ref: { id: string }, ctx: RegistryContext) => ctx.loaders.members.load(ref.id),
      id: (m: PartyMember) => m._id,
      name: (m: PartyMember, _: unknown, ctx: RegistryContext) => memberView(ctx.identity, m).name,
      phone: (m: PartyMember, _: unknown, ctx: RegistryContext) => memberView(ctx.identity, m).phone,
      organization: (m: PartyMember, _: unknown, ctx: RegistryContext) => ctx.loaders.organizations.load(m.organizationId),
      community: (m: PartyMember, _: unknown, ctx: RegistryContext) => (m.communityId ? ctx.loaders.communities.load(m.communityId) : null),
      joinedPartyOn: (m: PartyMember, _: unknown, ctx: RegistryContext) => (mayReadMember(ctx.identity, m) ? m.joinedPartyOn : null),
      resident: (m: PartyMember, _: unknown, ctx: RegistryContext) =>
        m.residentId && mayReadMember(ctx.identity, m) ? ctx.loaders.residents.load(m.residentId) : null,
    },
    ServicePost: {
      __resolveReference: (ref: { id: string }, ctx: RegistryContext) => ctx.loaders.posts.load(ref.id),
      id: (p: ServicePost) => p._id,
      community: (p: ServicePost, _: unknown, ctx: RegistryContext) => ctx.loaders.communities.load(p.communityId),
      holder: (p: ServicePost, _: unknown, ctx: RegistryContext) => ctx.loaders.members.load(p.holderId),
      schedule: (p: ServicePost) => ({ weekdays: p.weekdays, opensAt: p.opensAt, closesAt: p.closesAt }),
      status: (p: ServicePost) => postStatus(p),
    },
    PartyBuildingProfile: {
      community: (c: Community) => c,
      regionalPartyCommittee: committeeOfCommunity,
      communityPartyOrganizations: async (c: Community, _: unknown, ctx: RegistryContext) =>
        (await ctx.loaders.organizationsByCommunity.load(c._id)).filter((o) => o.sector === 'COMMUNITY'),
      coBuildingMemberCount: (c: Community, _: unknown, ctx: RegistryContext) =>
        ctx.loaders.committeeMemberCounts.load(c.regionalCommittee._id),
      partyMemberCount: async (c: Community, _: unknown, ctx: RegistryContext) =>
        (await ctx.loaders.organizationsByCommunity.load(c._id)).reduce((n, o) => n + (o.memberCount ?? 0), 0),
      activeServicePosts: async (c: Community, _: unknown, ctx: RegistryContext) =>
        (await ctx.loaders.activePostsByCommunity.load(c._id)).filter((p) => postStatus(p) === 'ACTIVE'),
      brand: (c: Community) => (c.brand ? { ...c.brand, communityId: c._id } : null),
    },
  };
}
