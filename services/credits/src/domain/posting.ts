/**
 * Posting a transfer without multi-document transactions. An insert-only ledger, a sound
 * design for a points bank: entries are never rewritten, so the history is the audit.
 * Every write that matters is an INSERT that a unique index can refuse:
 *
 * 1. The transfer is inserted under an id derived from its source fact; a second delivery
 *    finds the first one, with the rule version it pinned.
 * 2. The deciding leg, then the following leg, are appended to their accounts' streams
 *    (see stream.ts): at position head+1, under the key `${postingId}|${leg}`. The decision
 *    is taken on the head the entry extends, so the balance it checks is the balance it
 *    changes; a leg is written at most once, and a refusal (not enough points) is written
 *    as an entry too, so every later attempt finds the same decision.
 * 3. The posting is inserted (unique `_id`): the double-entry record, once both legs are in.
 * 4. The outcome is inserted (unique `_id`) with the events in its outbox: whichever attempt
 *    writes it emits them, once. Then the work-in-progress mark is dropped.
 *
 * A crash between steps leaves the mark; the maintenance runs `settleTransfer` again and
 * every step finds what was already written. Until then the ledger's sum is off by the one
 * leg written; postings appear only when both legs are in.
 */
import type { OutboxEntry } from '@sanshe/domain-kit';
import type { EventFactory } from '@sanshe/service-kit';
import { decideLeg, decidingLeg, entryOf } from './decisions';
import { POINTS_AWARDED, POINTS_EXPIRED } from './events';
import type { Account, AccountState, LedgerEntry, Leg } from './ledger';
import { appendOnce, type StreamStore } from './stream';
import { otherLeg, postingOf, type Posting, type Transfer, type TransferOutcome, type TransferSpec } from './transfer';

export interface LedgerStore extends StreamStore<AccountState, LedgerEntry> {
  account(id: string): Promise<Account | null>;
  /** Inserts the transfer with its work-in-progress mark; returns the stored transfer (the first one, if it existed). */
  openTransfer(spec: TransferSpec, now: Date): Promise<{ transfer: Transfer; created: boolean }>;
  outcome(transferId: string): Promise<TransferOutcome | null>;
  recordPosting(posting: Posting): Promise<void>;
  /** Inserts the outcome with its events; false when one was written before (with its events). */
  recordOutcome(outcome: TransferOutcome, events: OutboxEntry[]): Promise<boolean>;
  /** Drops the transfer's work-in-progress mark. */
  finishTransfer(transferId: string): Promise<void>;
}

export interface RankingBoard {
  /** Records a resident's points earned; keeps the highest value seen, so it can be repeated. */
  recordEarned(communityId: string, residentId: string, earnedTotal: number): Promise<void>;
}

export interface LedgerDeps {
  store: LedgerStore;
  rankings: RankingBoard;
  events: Pick<EventFactory, 'create'>;
  now?: () => Date;
}

async function appendLeg(transfer: Transfer, leg: Leg, decided: number | null, deps: LedgerDeps): Promise<LedgerEntry> {
  const accountId = leg === 'DEBIT' ? transfer.fromAccountId : transfer.toAccountId;
  const now = deps.now ?? (() => new Date());
  return appendOnce(deps.store, accountId, (head) =>
    entryOf(accountId, head, transfer, leg, decideLeg(head.state, transfer, leg, decided), now()),
  );
}

async function eventsOf(transfer: Transfer, decided: LedgerEntry, deps: LedgerDeps, traceparent?: string): Promise<OutboxEntry[]> {
  const points = Math.abs(decided.amount);
  if (points === 0 || !transfer.residentId) return [];
  if (transfer.kind === 'EARN') {
    const account = await deps.store.account(transfer.toAccountId);
    if (account?.communityId) await deps.rankings.recordEarned(account.communityId, account._id, decided.state.earnedTotal);
    const data = {
      postingId: transfer._id,
      residentId: transfer.residentId,
      communityId: transfer.communityId,
      points,
      requestedPoints: transfer.requested,
      cappedPoints: decided.capped,
      reason: transfer.reason,
      ruleVersion: transfer.ruleVersion,
      sourceRef: transfer.sourceRef,
      occurredAt: transfer.occurredAt.toISOString(),
      balance: decided.state.balance,
    };
    return [deps.events.create(POINTS_AWARDED, transfer.residentId, data, traceparent)];
  }
  if (transfer.kind === 'EXPIRE') {
    const data = {
      postingId: transfer._id,
      residentId: transfer.residentId,
      points,
      earnedUpTo: transfer.expireUpTo,
      ruleVersion: transfer.ruleVersion,
      expiredAt: transfer.bookedAt.toISOString(),
      balance: decided.state.balance,
    };
    return [deps.events.create(POINTS_EXPIRED, transfer.residentId, data, traceparent)];
  }
  return [];
}

/**
 * Drives a stored transfer to its outcome; safe to run again, or concurrently, at any point.
 * `fresh`: this attempt has just created the transfer, so no outcome can exist yet.
 */
export async function settleTransfer(transfer: Transfer, deps: LedgerDeps, traceparent?: string, fresh = false): Promise<TransferOutcome> {
  const now = deps.now ?? (() => new Date());
  const settled = fresh ? null : await deps.store.outcome(transfer._id);
  if (settled) {
    await deps.store.finishTransfer(transfer._id);
    return settled;
  }
  const first = decidingLeg(transfer.kind);
  const decided = await appendLeg(transfer, first, null, deps);
  let outcome: TransferOutcome;
  let events: OutboxEntry[] = [];
  if (decided.rejected) {
    outcome = { _id: transfer._id, state: 'REJECTED', amount: 0, capped: 0, rejection: decided.rejected, settledAt: now() };
  } else {
    const amount = Math.abs(decided.amount);
    const followed = amount > 0 ? await appendLeg(transfer, otherLeg(first), amount, deps) : null;
    await deps.store.recordPosting(postingOf(transfer, decided, followed, now()));
    events = await eventsOf(transfer, decided, deps, traceparent);
    outcome = { _id: transfer._id, state: 'POSTED', amount, capped: decided.capped, rejection: null, settledAt: now() };
  }
  const written = await deps.store.recordOutcome(outcome, events);
  // Another attempt wrote the outcome first; it decided from the same entries.
  const result = written ? outcome : ((await deps.store.outcome(transfer._id)) ?? outcome);
  await deps.store.finishTransfer(transfer._id);
  return result;
}

/** Opens the transfer (or finds the one an earlier delivery opened) and settles it. */
export async function postTransfer(spec: TransferSpec, deps: LedgerDeps, traceparent?: string): Promise<TransferOutcome> {
  const { transfer, created } = await deps.store.openTransfer(spec, (deps.now ?? (() => new Date()))());
  return settleTransfer(transfer, deps, traceparent, created);
}
