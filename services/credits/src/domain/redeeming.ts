/**
 * Redeeming points for a reward: two resources, points and stock, each a stream written by
 * inserts only (stream.ts), and no transactions.
 *
 * Points first: the REDEEM posting moves the cost from the resident to the donor unit; its
 * deciding leg is refused when the balance does not cover it, on the very head it would
 * extend — so the balance never goes negative, however many redemptions race. Then stock:
 * one item is claimed on the reward's stock stream, or the claim is written as refused
 * when none is left, and a compensating REFUND posting gives the points back. Points go
 * first so that a failed attempt holds only the resident's own points for a moment, never
 * an item another resident could have had.
 *
 * Every step finds what an earlier attempt wrote (posting ids derive from the redemption
 * id; the claim is an entry keyed by it; each step of the redemption is written once), so
 * a crash anywhere is repaired by running `settleRedemption` again: the maintenance does
 * this for redemptions still marked unfinished.
 */
import { randomUUID } from 'node:crypto';
import { BadInputError, ConflictError, NotFoundError, authorize, type OutboxEntry } from '@sanshe/domain-kit';
import type { EventFactory } from '@sanshe/service-kit';
import { REDEEMERS, requireSignedIn, residentScope, type Caller, type Territory } from './access';
import { REDEMPTION_CANCELLED, REWARD_REDEEMED } from './events';
import type { Account } from './ledger';
import { postTransfer, type LedgerDeps } from './posting';
import {
  donorKindOf,
  redemptionOf,
  stepId,
  type Redemption,
  type RedemptionFailure,
  type RedemptionRequest,
  type RedemptionStep,
  type RedemptionStore,
  type RewardStore,
} from './redemption';
import { claimItem, returnItem, type StockStore } from './stock';
import type { TransferSpec } from './transfer';

export interface RedeemingDeps extends LedgerDeps {
  rewards: RewardStore;
  stock: StockStore;
  redemptions: RedemptionStore;
  territory: Territory;
  events: Pick<EventFactory, 'create'>;
  accounts: { account(id: string): Promise<Account | null> };
}

type Refund = 'redeem-refund' | 'cancel-refund';

function pointsSpec(r: RedemptionRequest): TransferSpec {
  return {
    _id: `redeem:${r._id}`,
    kind: 'REDEEM',
    reason: null,
    fromAccountId: r.residentId,
    toAccountId: r.donorUnitId,
    requested: r.points,
    ruleVersion: null,
    caps: null,
    expireUpTo: null,
    sourceRef: `redemption:${r._id}`,
    sourceEventId: null,
    residentId: r.residentId,
    communityId: r.communityId,
    note: `Redeemed: ${r.rewardTitle}.`,
    occurredAt: r.createdAt,
  };
}

function refundSpec(r: RedemptionRequest, refund: Refund): TransferSpec {
  const why = refund === 'redeem-refund' ? `${r.rewardTitle} was out of stock` : `the redemption of ${r.rewardTitle} was cancelled`;
  return {
    ...pointsSpec(r),
    _id: `${refund}:${r._id}`,
    kind: 'REFUND',
    fromAccountId: r.donorUnitId,
    toAccountId: r.residentId,
    note: `Refund: ${why}.`,
  };
}

/** Writes a step; if an earlier attempt wrote it first, the redemption as that attempt left it. */
async function step(r: Redemption, written: RedemptionStep, events: OutboxEntry[], deps: RedeemingDeps): Promise<Redemption> {
  if (await deps.redemptions.record(written, events)) return redemptionOf(r, [...r.steps, written]);
  return (await deps.redemptions.redemption(r._id)) ?? r;
}

async function settle(r: Redemption, deps: RedeemingDeps, traceparent?: string): Promise<Redemption> {
  const settled = (state: 'COMPLETED' | 'FAILED', failure: RedemptionFailure | null, at = new Date()): RedemptionStep => ({
    _id: stepId(r._id, 'SETTLED'),
    redemptionId: r._id,
    step: 'SETTLED',
    state,
    failure,
    at,
  });
  const points = await postTransfer(pointsSpec(r), deps, traceparent);
  if (points.state === 'REJECTED') return step(r, settled('FAILED', 'INSUFFICIENT_POINTS'), [], deps);
  if ((await claimItem(deps.stock, r.rewardId, r._id)) === 'NONE_LEFT') {
    await postTransfer(refundSpec(r, 'redeem-refund'), deps, traceparent);
    return step(r, settled('FAILED', 'OUT_OF_STOCK'), [], deps);
  }
  const completed = settled('COMPLETED', null);
  const data = {
    redemptionId: r._id,
    rewardId: r.rewardId,
    residentId: r.residentId,
    communityId: r.communityId,
    donorUnitId: r.donorUnitId,
    donorKind: donorKindOf(r),
    points: r.points,
    redeemedAt: completed.at.toISOString(),
  };
  return step(r, completed, [deps.events.create(REWARD_REDEEMED, r._id, data, traceparent)], deps);
}

async function carryOutCancellation(r: Redemption, deps: RedeemingDeps, traceparent?: string): Promise<Redemption> {
  await postTransfer(refundSpec(r, 'cancel-refund'), deps, traceparent);
  await returnItem(deps.stock, r.rewardId, r._id);
  const at = new Date();
  // The reason stays here: a resident may have typed it, and events reach partners.
  const data = {
    redemptionId: r._id,
    rewardId: r.rewardId,
    residentId: r.residentId,
    refundedPoints: r.points,
    cancelledBy: r.cancelledBy ?? 'unknown',
    cancelledAt: at.toISOString(),
  };
  return step(
    r,
    { _id: stepId(r._id, 'CANCELLED'), redemptionId: r._id, step: 'CANCELLED', at },
    [deps.events.create(REDEMPTION_CANCELLED, r._id, data, traceparent)],
    deps,
  );
}

/**
 * Drives a redemption to a resting state (COMPLETED, FAILED, CANCELLED); safe to repeat at
 * any point. `known`: the redemption as the caller just read or wrote it.
 */
export async function settleRedemption(
  id: string,
  deps: RedeemingDeps,
  traceparent?: string,
  known?: Redemption,
): Promise<Redemption | null> {
  let r = known ?? (await deps.redemptions.redemption(id));
  if (!r) return null;
  if (r.state === 'PENDING') r = await settle(r, deps, traceparent);
  if (r.state === 'CANCELLING') r = await carryOutCancellation(r, deps, traceparent);
  await deps.redemptions.finish(id);
  return r;
}

export async function redeemReward(
  args: { rewardId: string; residentId?: string | null },
  caller: Caller,
  deps: RedeemingDeps,
): Promise<Redemption> {
  requireSignedIn(caller.identity, 'redeem a reward');
  const residentId = args.residentId ?? caller.identity.residentId;
  if (!residentId)
    throw new BadInputError('residentId', 'Name the resident who redeems: residentId is required unless you sign in as that resident.');
  const account = await deps.accounts.account(residentId);
  authorize(caller.identity, {
    action: `redeem a reward for resident ${residentId}`,
    roles: REDEEMERS,
    scope: await residentScope(deps.territory, residentId, account?.communityId ?? null),
  });
  const reward = await deps.rewards.reward(args.rewardId);
  if (!reward || !reward.active) throw new NotFoundError('Reward', args.rewardId);
  if (!account || account.kind !== 'RESIDENT') {
    throw new ConflictError(`Not enough points: resident ${residentId} has none yet and ${reward.title} costs ${reward.cost}.`, {
      reason: 'INSUFFICIENT_POINTS',
    });
  }
  if (reward.communityId && reward.communityId !== account.communityId) {
    throw new ConflictError(`${reward.title} is offered to residents of community ${reward.communityId} only.`);
  }
  const request: RedemptionRequest = {
    _id: `redemption-${randomUUID()}`,
    residentId,
    communityId: account.communityId,
    rewardId: reward._id,
    rewardTitle: reward.title,
    donorUnitId: reward.donorUnitId,
    donorKind: donorKindOf(reward),
    points: reward.cost,
    createdAt: new Date(),
  };
  await deps.redemptions.insert(request);
  const settled = await settleRedemption(request._id, deps, caller.traceparent, redemptionOf(request, []));
  if (!settled) throw new Error(`redemption ${request._id} vanished`);
  if (settled.state === 'FAILED') {
    const details = { reason: settled.failure, redemptionId: settled._id };
    if (settled.failure === 'OUT_OF_STOCK')
      throw new ConflictError(`${reward.title} is out of stock; your ${reward.cost} points were not spent.`, details);
    throw new ConflictError(`Not enough points: ${reward.title} costs ${reward.cost} and the balance does not cover it.`, details);
  }
  return settled;
}

export async function cancelRedemption(
  args: { id: string; reason?: string | null },
  caller: Caller,
  deps: RedeemingDeps,
): Promise<Redemption> {
  requireSignedIn(caller.identity, `cancel redemption ${args.id}`);
  const redemption = await deps.redemptions.redemption(args.id);
  if (!redemption) throw new NotFoundError('Redemption', args.id);
  authorize(caller.identity, {
    action: `cancel redemption ${args.id}`,
    roles: REDEEMERS,
    scope: await residentScope(deps.territory, redemption.residentId, redemption.communityId),
  });
  const reason = args.reason?.trim() || null;
  if (reason && reason.length > 200) throw new BadInputError('reason', 'reason must be at most 200 characters.');
  if (redemption.state === 'PENDING' || redemption.state === 'FAILED') {
    throw new ConflictError(`Redemption ${args.id} is ${redemption.state}; only a completed redemption can be cancelled.`);
  }
  let current = redemption;
  if (redemption.state === 'COMPLETED') {
    // Mark first: a crash after asking must leave the cancellation to the maintenance.
    await deps.redemptions.markUnfinished(redemption._id);
    current = await step(
      redemption,
      {
        _id: stepId(redemption._id, 'CANCEL_ASKED'),
        redemptionId: redemption._id,
        step: 'CANCEL_ASKED',
        reason,
        by: caller.identity.userId ?? 'unknown',
        at: new Date(),
      },
      [],
      deps,
    );
  }
  const settled = await settleRedemption(redemption._id, deps, caller.traceparent, current);
  if (!settled) throw new NotFoundError('Redemption', args.id);
  return settled;
}
