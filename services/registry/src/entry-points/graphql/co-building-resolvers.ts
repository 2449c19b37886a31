import { pageRequest, type PageArgs } from '@sanshe/service-kit';
import {
  matchResourceOffer,
  postProjectNeed,
  postResourceOffer,
  type PostProjectNeedInput,
  type PostResourceOfferInput,
  type ProjectNeed,
  type ResourceOffer,
} from '../../domain/co-building';
import { listProjectNeeds, listResourceOffers, type ProjectNeedFilter, type ResourceOfferFilter } from '../../domain/co-building-queries';
import type { RegistryContext, RegistryDeps } from './context';

/** A match as the API shows it: the committed offer and the need it serves. */
interface MatchView {
  offer: ResourceOffer;
  needId: string;
  matchedAt: Date;
  note: string | null;
  kindMismatchReason: string | null;
}

const matchOf = (offer: ResourceOffer): MatchView | null =>
  offer.match
    ? {
        offer,
        needId: offer.match.needId,
        matchedAt: offer.match.matchedAt,
        note: offer.match.note,
        kindMismatchReason: offer.match.kindMismatchReason ?? null,
      }
    : null;

export function coBuildingResolvers(deps: RegistryDeps) {
  const projectDeps = { projects: deps.coBuilding, organizations: deps.party, territory: deps.territory, events: deps.events };
  return {
    Query: {
      resourceOffer: (_: unknown, args: { id: string }, ctx: RegistryContext) => ctx.loaders.offers.load(args.id),
      resourceOffers: (_: unknown, args: { filter?: ResourceOfferFilter | null } & PageArgs) =>
        listResourceOffers(args.filter ?? {}, pageRequest(args), deps.coBuilding),
      projectNeed: (_: unknown, args: { id: string }, ctx: RegistryContext) => ctx.loaders.needs.load(args.id),
      projectNeeds: (_: unknown, args: { filter?: ProjectNeedFilter | null } & PageArgs) =>
        listProjectNeeds(args.filter ?? {}, pageRequest(args), deps.coBuilding),
    },
    Mutation: {
      postResourceOffer: (_: unknown, args: { input: PostResourceOfferInput }, ctx: RegistryContext) =>
        postResourceOffer(args.input, ctx, projectDeps),
      postProjectNeed: (_: unknown, args: { input: PostProjectNeedInput }, ctx: RegistryContext) =>
        postProjectNeed(args.input, ctx, projectDeps),
      matchResourceOffer: async (
        _: unknown,
        args: { offerId: string; needId: string; note?: string | null; kindMismatchReason?: string | null },
        ctx: RegistryContext,
      ) => {
        const { offer } = await matchResourceOffer(args.offerId, args.needId, args.note, ctx, projectDeps, args.kindMismatchReason);
        return matchOf(offer);
      },
    },
    ResourceOffer: {
      __resolveReference: (ref: { id: string }, ctx: RegistryContext) => ctx.loaders.offers.load(ref.id),
      id: (o: ResourceOffer) => o._id,
      organization: (o: ResourceOffer, _: unknown, ctx: RegistryContext) => ctx.loaders.organizations.load(o.organizationId),
      committee: (o: ResourceOffer, _: unknown, ctx: RegistryContext) => ctx.loaders.committees.load(o.committeeId),
      postedAt: (o: ResourceOffer) => o.postedAt.toISOString(),
      match: matchOf,
    },
    ProjectNeed: {
      __resolveReference: (ref: { id: string }, ctx: RegistryContext) => ctx.loaders.needs.load(ref.id),
      id: (n: ProjectNeed) => n._id,
      community: (n: ProjectNeed, _: unknown, ctx: RegistryContext) => ctx.loaders.communities.load(n.communityId),
      committee: (n: ProjectNeed, _: unknown, ctx: RegistryContext) => ctx.loaders.committees.load(n.committeeId),
      postedAt: (n: ProjectNeed) => n.postedAt.toISOString(),
      matches: async (n: ProjectNeed, _: unknown, ctx: RegistryContext) => (await ctx.loaders.offersByNeed.load(n._id)).map(matchOf),
    },
    ProjectMatch: {
      need: (m: MatchView, _: unknown, ctx: RegistryContext) => ctx.loaders.needs.load(m.needId),
      matchedAt: (m: MatchView) => m.matchedAt.toISOString(),
    },
  };
}
