import { randomUUID } from 'node:crypto';
import { BadInputError, NotFoundError, authorize, type Identity, type Policy } from '@sanshe/domain-kit';
import { CATALOGUE_KEEPERS, requireSignedIn, type Caller, type Territory } from './access';
import type { Reward, RewardStore } from './redemption';
import { addItems, type StockStore } from './stock';

export interface AddRewardInput {
  title: string;
  description?: string | null;
  cost: number;
  stock: number;
  donorUnitId: string;
  communityId?: string | null;
}

export interface CatalogueDeps {
  rewards: RewardStore;
  stock: StockStore;
  territory: Territory & { knows(communityId: string): Promise<boolean> };
  donors: { openDonorAccount(unitId: string, communityId: string | null): Promise<void> };
}

function keeperPolicy(action: string, communityId: string | null, streetId: string | null): Policy {
  // A district-wide reward is the district's business; a policy without scope would let any staff in.
  return communityId ? { action, roles: CATALOGUE_KEEPERS, scope: { communityId, streetId } } : { action, roles: ['DISTRICT_ADMIN'] };
}

function wholeNumber(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) throw new BadInputError(field, `${field} must be a whole number from ${min} to ${max}.`);
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
  if (!donorUnitId) throw new BadInputError('donorUnitId', 'Name the co-building unit that donates the reward.');
  const communityId = input.communityId ?? null;
  if (communityId && !(await deps.territory.knows(communityId))) throw new NotFoundError('Community', communityId);
  const streetId = communityId ? await deps.territory.streetOf(communityId) : null;
  authorize(caller.identity, keeperPolicy(`add a reward to the catalogue of ${communityId ? `community ${communityId}` : 'the district'}`, communityId, streetId));
  await deps.donors.openDonorAccount(donorUnitId, communityId);
  const id = `reward-${randomUUID()}`;
  // The stock first: the reward is never listed without it.
  if (input.stock > 0) await addItems(deps.stock, id, input.stock, `initial:${id}`);
  return deps.rewards.insert({ _id: id, title, description, cost: input.cost, donorUnitId, communityId, streetId, active: true, createdAt: new Date() });
}

export async function restockReward(args: { id: string; quantity: number }, identity: Identity, deps: Pick<CatalogueDeps, 'rewards' | 'stock'>): Promise<Reward> {
  requireSignedIn(identity, `restock reward ${args.id}`);
  wholeNumber('quantity', args.quantity, 1, 100_000);
  const reward = await deps.rewards.reward(args.id);
  if (!reward) throw new NotFoundError('Reward', args.id);
  authorize(identity, keeperPolicy(`restock reward ${args.id}`, reward.communityId, reward.streetId));
  await addItems(deps.stock, args.id, args.quantity, `restock:${randomUUID()}`);
  return reward;
}
