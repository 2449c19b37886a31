import type { PageArgs } from '@sanshe/service-kit';
import { recordAnnualReview, type AnnualReview, type AnnualReviewInput } from '../../domain/annual-review';
import {
  registerOrganization,
  updateOrganization,
  type Organization,
  type PartyCoverage,
  type RegisterOrganizationInput,
  type ServiceCentre,
  type UpdateOrganizationInput,
} from '../../domain/organization';
import {
  annualReviewsOf,
  listOrganizations,
  listServiceCentres,
  organizationOverview,
  type CentreFilter,
  type OrganizationFilter,
} from '../../domain/organization-queries';
import type { SocialOrgOverview } from '../../domain/overview';
import { setPartyCoverage, type PartyCoverageInput } from '../../domain/party-coverage';
import { workersEmployedBy } from '../../domain/worker-queries';
import type { SocialOrgsContext, SocialOrgsDeps } from './context';

const ref = (typename: string, id: string) => ({ __typename: typename, id });

export function organizationResolvers(deps: SocialOrgsDeps) {
  const orgDeps = { store: deps.organizations, events: deps.events };
  return {
    Query: {
      socialOrganization: (_: unknown, args: { id: string }, ctx: SocialOrgsContext) => ctx.loaders.organizations.load(args.id),
      socialOrganizations: (_: unknown, args: PageArgs & { filter?: OrganizationFilter | null }) =>
        listOrganizations(args, deps.organizations),
      socialOrgOverview: () => organizationOverview(deps.organizations),
      serviceCentres: (_: unknown, args: CentreFilter) => listServiceCentres(args, deps.organizations),
    },
    Mutation: {
      registerSocialOrganization: (_: unknown, args: { input: RegisterOrganizationInput }, ctx: SocialOrgsContext) =>
        registerOrganization(args.input, ctx, orgDeps),
      updateSocialOrganization: (_: unknown, args: { id: string; input: UpdateOrganizationInput }, ctx: SocialOrgsContext) =>
        updateOrganization(args.id, args.input, ctx, orgDeps),
      recordAnnualReview: (_: unknown, args: { input: AnnualReviewInput }, ctx: SocialOrgsContext) =>
        recordAnnualReview(args.input, ctx, orgDeps),
      setPartyCoverage: (_: unknown, args: { organizationId: string; coverage?: PartyCoverageInput | null }, ctx: SocialOrgsContext) =>
        setPartyCoverage(args.organizationId, args.coverage ?? null, ctx, orgDeps),
    },
    Community: {
      socialOrganizations: (c: { id: string }, _: unknown, ctx: SocialOrgsContext) => ctx.loaders.organizationsServing.load(c.id),
      socialOrgServiceCentre: async (c: { id: string }, _: unknown, ctx: SocialOrgsContext) =>
        (await ctx.loaders.communityCentres.load(c.id))[0] ?? null,
    },
    PartyOrganization: {
      __resolveReference: (r: { id: string }) => r,
      branchOf: (p: { id: string }, _: unknown, ctx: SocialOrgsContext) => ctx.loaders.branchOf.load(p.id),
    },
    SocialOrganization: {
      __resolveReference: (r: { id: string }, ctx: SocialOrgsContext) => ctx.loaders.organizations.load(r.id),
      id: (o: Organization) => o._id,
      communities: (o: Organization) => o.communityIds.map((id) => ref('Community', id)),
      incubatingHub: (o: Organization, _: unknown, ctx: SocialOrgsContext) =>
        o.incubatingHubId ? ctx.loaders.organizations.load(o.incubatingHubId) : null,
      incubatedOrganizations: (o: Organization, _: unknown, ctx: SocialOrgsContext) =>
        o.kind === 'HUB' ? ctx.loaders.incubatedBy.load(o._id) : [],
      serviceCentre: (o: Organization, _: unknown, ctx: SocialOrgsContext) =>
        o.serviceCentreId ? ctx.loaders.centres.load(o.serviceCentreId) : null,
      serviceCentreLevel: async (o: Organization, _: unknown, ctx: SocialOrgsContext) =>
        o.serviceCentreId ? ((await ctx.loaders.centres.load(o.serviceCentreId))?.level ?? null) : null,
      annualReviews: (o: Organization, _: unknown, ctx: SocialOrgsContext) =>
        annualReviewsOf(ctx.identity, o, (id) => ctx.loaders.reviews.load(id)),
      socialWorkers: (o: Organization, _: unknown, ctx: SocialOrgsContext) =>
        workersEmployedBy(ctx.identity, o, (id) => ctx.loaders.workersEmployedBy.load(id)),
      contracts: (o: Organization, _: unknown, ctx: SocialOrgsContext) => ctx.loaders.contractsOf.load(o._id),
    },
    PartyCoverage: {
      partyOrganization: (p: PartyCoverage) => ref('PartyOrganization', p.partyOrganizationId),
    },
    AnnualReview: {
      organization: (r: AnnualReview, _: unknown, ctx: SocialOrgsContext) => ctx.loaders.organizations.load(r.organizationId),
      recordedAt: (r: AnnualReview) => new Date(r.recordedAt).toISOString(),
    },
    SocialOrgOverview: {
      __resolveReference: () => organizationOverview(deps.organizations),
      partyBranchOrganizations: (o: SocialOrgOverview) => o.partyBranchIds.map((id) => ref('PartyOrganization', id)),
    },
    ServiceCentre: {
      __resolveReference: (r: { id: string }, ctx: SocialOrgsContext) => ctx.loaders.centres.load(r.id),
      id: (c: ServiceCentre) => c._id,
      community: (c: ServiceCentre) => (c.communityId ? ref('Community', c.communityId) : null),
      operator: (c: ServiceCentre, _: unknown, ctx: SocialOrgsContext) =>
        c.operatorOrgId ? ctx.loaders.organizations.load(c.operatorOrgId) : null,
      organizations: (c: ServiceCentre, _: unknown, ctx: SocialOrgsContext) => ctx.loaders.stationedAt.load(c._id),
    },
  };
}
