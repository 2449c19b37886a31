import type { OutboxEntry } from '@sanshe/domain-kit';

export type RedemptionState = 'PENDING' | 'COMPLETED' | 'FAILED' | 'CANCELLING' | 'CANCELLED';
export type RedemptionFailure = 'INSUFFICIENT_POINTS' | 'OUT_OF_STOCK';

/**
 * 积分兑换 — a resident exchanging points for one item. The request is written once; each
 * step of its life is a document of its own, written once (an insert a unique `_id` can
 * refuse): settled (COMPLETED or FAILED), then perhaps a cancellation asked and done.
 */
export interface RedemptionRequest {
  _id: string;
  residentId: string;
  communityId: string | null;
  rewardId: string;
  rewardTitle: string;
  donorUnitId: string;
  /** Absent on requests stored before social organizations donated: those went to party organizations. */
  donorKind?: DonorKind;
  points: number;
  createdAt: Date;
}

export type RedemptionStep =
  | { _id: string; redemptionId: string; step: 'SETTLED'; state: 'COMPLETED' | 'FAILED'; failure: RedemptionFailure | null; at: Date }
  | { _id: string; redemptionId: string; step: 'CANCEL_ASKED'; reason: string | null; by: string; at: Date }
  | { _id: string; redemptionId: string; step: 'CANCELLED'; at: Date };

export const stepId = (redemptionId: string, step: RedemptionStep['step']): string => `${redemptionId}|${step}`;

/** A redemption as its steps so far make it. */
export interface Redemption extends RedemptionRequest {
  steps: RedemptionStep[];
  state: RedemptionState;
  failure: RedemptionFailure | null;
  completedAt: Date | null;
  cancelReason: string | null;
  cancelledBy: string | null;
  cancelledAt: Date | null;
}

type Step<K extends RedemptionStep['step']> = Extract<RedemptionStep, { step: K }>;

export function redemptionOf(request: RedemptionRequest, steps: RedemptionStep[]): Redemption {
  const find = <K extends RedemptionStep['step']>(step: K) => steps.find((s): s is Step<K> => s.step === step);
  const settled = find('SETTLED');
  const asked = find('CANCEL_ASKED');
  const cancelled = find('CANCELLED');
  const state: RedemptionState = !settled ? 'PENDING' : cancelled ? 'CANCELLED' : asked ? 'CANCELLING' : settled.state;
  return {
    ...request,
    steps,
    state,
    failure: settled?.failure ?? null,
    completedAt: settled?.state === 'COMPLETED' ? settled.at : null,
    cancelReason: asked?.reason ?? null,
    cancelledBy: asked?.by ?? null,
    cancelledAt: cancelled?.at ?? null,
  };
}

/** Who donates rewards to 润贤银行: co-building party organizations, and social organizations linking resources in. */
export const DONOR_KINDS = ['PARTY_ORGANIZATION', 'SOCIAL_ORGANIZATION'] as const;
export type DonorKind = (typeof DONOR_KINDS)[number];

/** A donor's kind; records from before social organizations donated have none, and were party organizations'. */
export const donorKindOf = (record: { donorKind?: DonorKind | null }): DonorKind => record.donorKind ?? 'PARTY_ORGANIZATION';

/** 积分兑换品 — an item in the catalogue, donated by a co-building unit or a social organization. Its stock is a stream (stock.ts). */
export interface Reward {
  _id: string;
  title: string;
  description: string | null;
  cost: number;
  /** The donor's id (a party organization's or a social organization's); its DONOR account has the same id. */
  donorUnitId: string;
  /** Absent on rewards stored before social organizations donated: those are party organizations'. */
  donorKind?: DonorKind;
  communityId: string | null;
  streetId: string | null;
  active: boolean;
  createdAt: Date;
  /** The party-building campaign (owned by activities) the reward belongs to: its id only. */
  campaignId?: string | null;
}

export interface RewardStore {
  reward(id: string): Promise<Reward | null>;
  insert(reward: Reward): Promise<Reward>;
  stockOf(rewardId: string): Promise<number>;
}

export interface RedemptionStore {
  /** Inserts the request with its work-in-progress mark. */
  insert(request: RedemptionRequest): Promise<void>;
  redemption(id: string): Promise<Redemption | null>;
  /** Inserts the step with its events; false when that step was written before (with its events). */
  record(step: RedemptionStep, events: OutboxEntry[]): Promise<boolean>;
  /** Marks the redemption as work in progress again (a cancellation to carry out). */
  markUnfinished(id: string): Promise<void>;
  finish(id: string): Promise<void>;
}
