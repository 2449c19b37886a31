import { pageRequest, toConnection } from '@sanshe/service-kit';
import { addReward, linkRewardToCampaign, listRewards, readRedemption, restockReward, type AddRewardInput } from '../../domain/catalogue';
import type { CreditsPorts } from '../../domain/ports';
import { cancelRedemption, redeemReward } from '../../domain/redeeming';
import { donorKindOf, type DonorKind, type Redemption, type Reward } from '../../domain/redemption';
import { iso, type CreditsContext } from './context';

/** A donor as an entity reference of its owner: registry's party organizations, social-orgs' social organizations. */
export const donorRef = (kind: DonorKind | undefined, id: string) => ({
  __typename: kind === 'SOCIAL_ORGANIZATION' ? 'SocialOrganization' : 'PartyOrganization',
  id,
});

export function catalogueResolvers(credits: CreditsPorts) {
  return {
    Query: {
      rewards: async (_: unknown, args: { communityId?: string | null; first?: number | null; after?: string | null }) => {
        const page = pageRequest(args, { defaultSize: 20, maxSize: 100 });
        return toConnection(await listRewards(args.communityId ?? null, page, credits.rewards), page.limit, (r) => r._id);
      },
      reward: (_: unknown, args: { id: string }, ctx: CreditsContext) => ctx.rewards.load(args.id),
      redemption: (_: unknown, args: { id: string }, ctx: CreditsContext) =>
        readRedemption(ctx.identity, args.id, { redemptions: credits.redemptions, territory: credits.territory }),
    },
    Mutation: {
      addReward: (_: unknown, args: { input: AddRewardInput }, ctx: CreditsContext) =>
        addReward(args.input, ctx, {
          rewards: credits.rewards,
          stock: credits.rewards,
          territory: credits.territory,
          donors: credits.ledger,
        }),
      restockReward: (_: unknown, args: { id: string; quantity: number }, ctx: CreditsContext) =>
        restockReward(args, ctx.identity, { rewards: credits.rewards, stock: credits.rewards }),
      linkRewardToCampaign: (_: unknown, args: { rewardId: string; campaignId?: string | null }, ctx: CreditsContext) =>
        linkRewardToCampaign({ rewardId: args.rewardId, campaignId: args.campaignId ?? null }, ctx.identity, credits.rewards),
      redeemReward: (_: unknown, args: { rewardId: string; residentId?: string | null }, ctx: CreditsContext) =>
        redeemReward(args, ctx, credits.redeemingDeps),
      cancelRedemption: (_: unknown, args: { id: string; reason?: string | null }, ctx: CreditsContext) =>
        cancelRedemption(args, ctx, credits.redeemingDeps),
    },
    Reward: {
      __resolveReference: (reference: { id: string }, ctx: CreditsContext) => ctx.rewards.load(reference.id),
      id: (r: Reward) => r._id,
      stock: (r: Reward, _: unknown, ctx: CreditsContext) => ctx.stock.load(r._id),
      donorKind: (r: Reward) => donorKindOf(r),
      donor: (r: Reward) => donorRef(r.donorKind, r.donorUnitId),
      donorUnit: (r: Reward) => (donorKindOf(r) === 'PARTY_ORGANIZATION' ? { __typename: 'PartyOrganization', id: r.donorUnitId } : null),
      community: (r: Reward) => (r.communityId ? { __typename: 'Community', id: r.communityId } : null),
      campaign: (r: Reward) => (r.campaignId ? { __typename: 'Campaign', id: r.campaignId } : null),
    },
    Campaign: {
      __resolveReference: (reference: { id: string }) => reference,
      rewards: (c: { id: string }, _: unknown, ctx: CreditsContext) => ctx.rewardsByCampaign.load(c.id),
    },
    RewardDonor: {
      __resolveType: (ref: { __typename: string }) => ref.__typename,
    },
    Redemption: {
      id: (r: Redemption) => r._id,
      reward: (r: Redemption, _: unknown, ctx: CreditsContext) => ctx.rewards.load(r.rewardId),
      resident: (r: Redemption) => ({ __typename: 'Resident', id: r.residentId }),
      createdAt: (r: Redemption) => r.createdAt.toISOString(),
      completedAt: (r: Redemption) => iso(r.completedAt),
      cancelledAt: (r: Redemption) => iso(r.cancelledAt),
    },
  };
}
