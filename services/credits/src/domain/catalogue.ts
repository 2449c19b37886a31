import { randomUUID } from 'node:crypto';
import { BadInputError, NotFoundError, authorize, type Identity, type PageRequest, type Policy } from '@sanshe/domain-kit';
import { authorizeAccountRead, CATALOGUE_KEEPERS, requireSignedIn, type Caller, type Territory } from './access';
import {
  DONOR_KINDS,
  donorKindOf,
  type DonorKind,
  type Redemption,
  type RedemptionStore,
  type Reward,
  type RewardStore,
} from './redemption';
import { addItems, type StockStore } from './stock';

export interface AddRewardInput {
  title: string;
  description?: string | null;
  cost: number;
  stock: number;
  donorUnitId: string;
  /** Default PARTY_ORGANIZATION, the co-building units that donated first. */
  donorKind?: DonorKind | null;
  communityId?: string | null;
}

export interface CatalogueDeps {
  rewards: RewardStore;
  stock: StockStore;
  territory: Territory & { knows(communityId: string): Promise<boolean> };
  donors: { openDonorAccount(unitId: string, communityId: string | null, donorKind: DonorKind): Promise<void> };
}

function keeperPolicy(action: string, communityId: string | null, streetId: string | null): Policy {
  // A district-wide reward is the district's business; a policy without scope would let any staff in.
  return communityId ? { action, roles: CATALOGUE_KEEPERS, scope: { communityId, streetId } } : { action, roles: ['DISTRICT_ADMIN'] };
}

function wholeNumber(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new BadInputError(field, `${field} must be a whole number from ${min} to ${max}.`);
}

export async function addReward(input: AddRewardInput, caller: Caller, deps: CatalogueDeps): Promise<Reward> {
  requireSignedIn(caller.identity, 'add a reward to the catalogue');
  const title = input.title.trim();
  if (!title || title.length > 60) throw new BadInputError('title', 'A reward needs a title of at most 60 characters.');
  const description = input.description?.trim() || null;
  if (description && description.length > 500) throw new BadInputError('description', 'description must be at most 500 characters.');
  wholeNumber('cost', input.cost, 1, 100_000);
  wholeNumber('stock', input.stock, 0, 100_000);
  const donorUnitId = input.donorUnitId.trim();
  const donorKind = donorKindOf(input);
  if (!DONOR_KINDS.includes(donorKind)) throw new BadInputError('donorKind', `donorKind is one of ${DONOR_KINDS.join(', ')}.`);
  if (!donorUnitId) {
    throw new BadInputError(
      'donorUnitId',
      `Name the ${donorKind === 'SOCIAL_ORGANIZATION' ? 'social organization' : 'co-building unit (party organization)'} that donates the reward.`,
    );
  }
  const communityId = input.communityId ?? null;
  if (communityId && !(await deps.territory.knows(communityId))) throw new NotFoundError('Community', communityId);
  const streetId = communityId ? await deps.territory.streetOf(communityId) : null;
  authorize(
    caller.identity,
    keeperPolicy(`add a reward to the catalogue of ${communityId ? `community ${communityId}` : 'the district'}`, communityId, streetId),
  );
  await deps.donors.openDonorAccount(donorUnitId, communityId, donorKind);
  const id = `reward-${randomUUID()}`;
  // The stock first: the reward is never listed without it.
  if (input.stock > 0) await addItems(deps.stock, id, input.stock, `initial:${id}`);
  return deps.rewards.insert({
    _id: id,
    title,
    description,
    cost: input.cost,
    donorUnitId,
    donorKind,
    communityId,
    streetId,
    active: true,
    createdAt: new Date(),
  });
}

export async function restockReward(
  args: { id: string; quantity: number },
  identity: Identity,
  deps: Pick<CatalogueDeps, 'rewards' | 'stock'>,
): Promise<Reward> {
  requireSignedIn(identity, `restock reward ${args.id}`);
  wholeNumber('quantity', args.quantity, 1, 100_000);
  const reward = await deps.rewards.reward(args.id);
  if (!reward) throw new NotFoundError('Reward', args.id);
  authorize(identity, keeperPolicy(`restock reward ${args.id}`, reward.communityId, reward.streetId));
  await addItems(deps.stock, args.id, args.quantity, `restock:${randomUUID()}`);
  return reward;
}

export interface CampaignLinkStore {
  reward(id: string): Promise<Reward | null>;
  setCampaign(rewardId: string, campaignId: string | null): Promise<Reward | null>;
}

/**
 * Puts a reward in a party-building campaign (null takes it out). Campaigns belong to
 * activities; credits keeps only the id, and the graph resolves it there.
 */
export async function linkRewardToCampaign(
  args: { rewardId: string; campaignId: string | null },
  identity: Identity,
  store: CampaignLinkStore,
): Promise<Reward> {
  authorize(identity, { action: `link reward ${args.rewardId} to a campaign`, roles: ['DISTRICT_ADMIN'] });
  const campaignId = args.campaignId?.trim() || null;
  if (args.campaignId !== null && args.campaignId !== undefined && !campaignId)
    throw new BadInputError('campaignId', 'Give a campaign id, or null to take the reward out of its campaign.');
  const updated = await store.setCampaign(args.rewardId, campaignId);
  if (!updated) throw new NotFoundError('Reward', args.rewardId);
  return updated;
}

/** What reading the catalogue asks of the store. The catalogue is public: anyone may browse it. */
export interface CatalogueReads {
  /** Active rewards by id; with a community, its own and the district-wide ones (one more than the page, to tell if more follow). */
  page(communityId: string | null, page: PageRequest): Promise<Reward[]>;
  /** One query per batch. */
  rewards(ids: readonly string[]): Promise<Reward[]>;
  /** Items left, by reward id (none recorded: absent). */
  stocks(rewardIds: readonly string[]): Promise<Map<string, number>>;
  /** Rewards of many campaigns, one query. */
  ofCampaigns(campaignIds: readonly string[]): Promise<Reward[]>;
}

/** A page of the active catalogue, optionally of one community (with the district-wide rewards). */
export const listRewards = (communityId: string | null, page: PageRequest, store: CatalogueReads): Promise<Reward[]> =>
  store.page(communityId, page);

/** Rewards by id, for a per-request batch. */
export const rewardsById = (ids: readonly string[], store: CatalogueReads): Promise<Reward[]> => store.rewards(ids);

/** Items left per reward, in the order asked (0 when none was ever added), for a per-request batch. */
export async function stocksById(rewardIds: readonly string[], store: CatalogueReads): Promise<number[]> {
  const stocks = await store.stocks(rewardIds);
  return rewardIds.map((id) => stocks.get(id) ?? 0);
}

/** The rewards of several campaigns, for a per-request batch grouped by campaign. */
export const rewardsOfCampaigns = (campaignIds: readonly string[], store: CatalogueReads): Promise<Reward[]> =>
  store.ofCampaigns(campaignIds);

/** A redemption, for callers allowed to see its resident's account; null when there is none. */
export async function readRedemption(
  identity: Identity,
  id: string,
  deps: { redemptions: Pick<RedemptionStore, 'redemption'>; territory: Territory },
): Promise<Redemption | null> {
  const redemption = await deps.redemptions.redemption(id);
  if (!redemption) return null;
  await authorizeAccountRead(identity, deps.territory, redemption.residentId, redemption.communityId);
  return redemption;
}
