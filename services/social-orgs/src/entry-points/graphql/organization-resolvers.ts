import { authorize, pageRequest, toConnection, type PageArgs } from '@sanshe/service-kit';
import type { OrganizationFilter } from '../../data-access/organization-repository';
import { recordAnnualReview, type AnnualReview, type AnnualReviewInput } from '../../domain/annual-review';
import {
  registerOrganization,
  updateOrganization,
  type CentreLevel,
  type Organization,
  type PartyCoverage,
  type RegisterOrganizationInput,
  type ServiceCentre,
  type UpdateOrganizationInput,
} from '../../domain/organization';
import { socialOrgOverview, type SocialOrgOverview } from '../../domain/overview';
import { setPartyCoverage, type PartyCoverageInput } from '../../domain/party-coverage';
import { SOCIAL_ORG_OVERVIEW_SOURCES } from '../../domain/report-sources';
import type { SocialOrgsContext, SocialOrgsDeps } from './context';

const ref = (typename: string, id: string) => ({ __typename: typename, id });

export function organizationResolvers(deps: SocialOrgsDeps) {
  const orgDeps = { store: deps.organizations, events: deps.events };
  return {
    Query: {
      socialOrganization: (_: unknown, args: { id: string }, ctx: SocialOrgsContext) => ctx.loaders.organizations.load(args.id),
      socialOrganizations: async (_: unknown, args: PageArgs & { filter?: OrganizationFilter | null }) => {
        const page = pageRequest(args);
        const rows = await deps.organizations.search(args.filter ?? {}, page);
        return toConnection(rows, page.limit, (o) => o._id);
      },
      socialOrgOverview: async () => ({
        ...socialOrgOverview(await deps.organizations.overviewFacts()),
        sources: SOCIAL_ORG_OVERVIEW_SOURCES,
      }),
      // Awaited here: the store hands back a mongoose query, which runs again (and throws) each
      // time something calls its then(), and Apollo's instrumentation calls it twice.
      serviceCentres: async (_: unknown, args: { level?: CentreLevel | null; streetId?: string | null }) =>
        await deps.organizations.centres(args),
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
      annualReviews: (o: Organization, _: unknown, ctx: SocialOrgsContext) => {
        authorize(ctx.identity, {
          action: `read the annual reviews of ${o.name}`,
          roles: ['DISTRICT_ADMIN', 'ORG_STAFF'],
          scope: { orgId: o._id },
        });
        return ctx.loaders.reviews.load(o._id);
      },
      socialWorkers: (o: Organization, _: unknown, ctx: SocialOrgsContext) => {
        authorize(ctx.identity, {
          action: `list the social workers of ${o.name}`,
          roles: ['DISTRICT_ADMIN', 'ORG_STAFF'],
          scope: { orgId: o._id },
        });
        return ctx.loaders.workersEmployedBy.load(o._id);
      },
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
      __resolveReference: async () => ({
        ...socialOrgOverview(await deps.organizations.overviewFacts()),
        sources: SOCIAL_ORG_OVERVIEW_SOURCES,
      }),
      partyBranchOrganizations: (o: SocialOrgOverview) => o.partyBranchIds.map((id) => ref('PartyOrganization', id)),
    },
    ServiceCentre: {
      id: (c: ServiceCentre) => c._id,
      community: (c: ServiceCentre) => (c.communityId ? ref('Community', c.communityId) : null),
      operator: (c: ServiceCentre, _: unknown, ctx: SocialOrgsContext) =>
        c.operatorOrgId ? ctx.loaders.organizations.load(c.operatorOrgId) : null,
      organizations: (c: ServiceCentre, _: unknown, ctx: SocialOrgsContext) => ctx.loaders.stationedAt.load(c._id),
    },
  };
}
