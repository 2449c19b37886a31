import type { EarningReason, LedgerEntry, Leg, TransferKind } from './ledger';

/**
 * A transfer is the instruction to make one posting. Its id is the posting's id, derived
 * from the fact behind it (attendance:<id>, redeem:<redemptionId>, …), so a fact yields
 * its posting exactly once however often it is delivered. Written once, never changed:
 * how it ended is a TransferOutcome, written once too.
 */

export interface TransferSpec {
  _id: string;
  kind: TransferKind;
  reason: EarningReason | null;
  fromAccountId: string;
  toAccountId: string;
  /** EARN: what the rule gives before caps. REDEEM, REFUND: the exact amount. EXPIRE: an estimate; the account decides. */
  requested: number;
  ruleVersion: number | null;
  /** EARN: the caps of the rule version used, pinned so a repair decides as the first attempt would have. */
  caps: { daily: number; monthly: number } | null;
  /** EXPIRE: points earned in this business month or earlier are due. */
  expireUpTo: string | null;
  sourceRef: string;
  sourceEventId: string | null;
  residentId: string | null;
  /** Where the deed happened (EARN) or the resident's community, for events. */
  communityId: string | null;
  note: string | null;
  occurredAt: Date;
}

export interface Transfer extends TransferSpec {
  /** When the posting is booked: the transfer's creation, the same for every attempt. */
  bookedAt: Date;
}

export interface TransferOutcome {
  _id: string;
  state: 'POSTED' | 'REJECTED';
  /** What the deciding leg settled on. */
  amount: number;
  capped: number;
  rejection: string | null;
  settledAt: Date;
}

/** 过账 — an append-only ledger record: `amount` points moved from one account to another. */
export interface Posting {
  _id: string;
  kind: TransferKind;
  reason: EarningReason | null;
  fromAccountId: string;
  toAccountId: string;
  amount: number;
  requested: number | null;
  capped: number;
  note: string | null;
  ruleVersion: number | null;
  sourceRef: string;
  sourceEventId?: string | null;
  /** Absent on seeded history postings (kept lean: ~180,000 of them), where `bookedAt` says when. */
  occurredAt?: Date;
  bookedAt: Date;
  postedAt?: Date;
  /** The `seq` of each entry on its account; null when a zero posting wrote no entry there. */
  fromSeq: number | null;
  toSeq: number | null;
}

export function postingOf(transfer: Transfer, first: LedgerEntry, second: LedgerEntry | null, postedAt: Date): Posting {
  const debit = first.leg === 'DEBIT' ? first : second;
  const credit = first.leg === 'CREDIT' ? first : second;
  return {
    _id: transfer._id,
    kind: transfer.kind,
    reason: transfer.reason,
    fromAccountId: transfer.fromAccountId,
    toAccountId: transfer.toAccountId,
    amount: Math.abs(first.amount),
    requested: first.requested,
    capped: first.capped,
    note: first.note,
    ruleVersion: transfer.ruleVersion,
    sourceRef: transfer.sourceRef,
    sourceEventId: transfer.sourceEventId,
    occurredAt: transfer.occurredAt,
    bookedAt: transfer.bookedAt,
    postedAt,
    fromSeq: debit?.seq ?? null,
    toSeq: credit?.seq ?? null,
  };
}

export const otherLeg = (leg: Leg): Leg => (leg === 'DEBIT' ? 'CREDIT' : 'DEBIT');
