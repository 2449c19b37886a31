/**
 * What a leg of a transfer does to an account, decided from the account's head: the state
 * after its latest entry. Pure. The entry is written at the next position only if no one
 * else wrote there first, so the decision and the balance it changes cannot part.
 *
 * One leg of each transfer DECIDES the amount — the leg on the account whose state limits
 * it: caps on the resident's credit for an earning, the resident's balance for a
 * redemption, the resident's old earnings for an expiry. The other leg FOLLOWS with the
 * decided amount and is never refused (the issuing account may go negative; donor units
 * only ever give back what they received).
 */
import { EARNING_WINDOW_DAYS, DAY_TALLY_DAYS } from './rules';
import { entryId, entryKey, type AccountState, type Head, type LedgerEntry, type Leg, type PointsTally, type TransferKind } from './ledger';
import { businessDay, businessMonth, DAY_MS } from './time';
import type { Transfer } from './transfer';

export interface LegDecision {
  amount: number;
  capped: number;
  note: string | null;
  rejected: string | null;
  /** The account's state after the entry. */
  state: AccountState;
}

export const INSUFFICIENT_POINTS = 'INSUFFICIENT_POINTS';

export const decidingLeg = (kind: TransferKind): Leg => (kind === 'EARN' ? 'CREDIT' : 'DEBIT');

const tallyOf = (tallies: PointsTally[], period: string): number => tallies.find((t) => t.period === period)?.points ?? 0;

/** Adds points to a period's tally, drops periods before `keepFrom`, oldest first. */
export function addToTally(tallies: PointsTally[], period: string, points: number, keepFrom = ''): PointsTally[] {
  const next = tallies.filter((t) => t.period !== period && t.period >= keepFrom);
  next.push({ period, points: tallyOf(tallies, period) + points });
  return next.sort((a, b) => (a.period < b.period ? -1 : 1));
}

type Decision = Omit<LegDecision, 'state'> & { state?: AccountState };

function decideEarning(state: AccountState, transfer: Transfer): Decision {
  const requested = transfer.requested;
  const caps = transfer.caps ?? { daily: Number.MAX_SAFE_INTEGER, monthly: Number.MAX_SAFE_INTEGER };
  const day = businessDay(transfer.occurredAt);
  const month = businessMonth(transfer.occurredAt);
  if (transfer.bookedAt.getTime() - transfer.occurredAt.getTime() > EARNING_WINDOW_DAYS * DAY_MS) {
    return {
      amount: 0,
      capped: requested,
      note: `Not credited: ${day} is older than the ${EARNING_WINDOW_DAYS}-day earning window.`,
      rejected: null,
    };
  }
  const roomToday = Math.max(0, caps.daily - tallyOf(state.days, day));
  const roomThisMonth = Math.max(0, caps.monthly - tallyOf(state.months, month));
  const amount = Math.min(requested, roomToday, roomThisMonth);
  const capped = requested - amount;
  let note: string | null = null;
  if (capped > 0) {
    const cap =
      roomToday <= roomThisMonth
        ? `the daily cap of ${caps.daily} was reached on ${day}`
        : `the monthly cap of ${caps.monthly} was reached in ${month}`;
    note = `${capped} of ${requested} points not credited: ${cap}.`;
  }
  if (amount === 0) return { amount, capped, note, rejected: null };
  const keepFrom = businessDay(new Date(transfer.bookedAt.getTime() - DAY_TALLY_DAYS * DAY_MS));
  return {
    amount,
    capped,
    note,
    rejected: null,
    state: {
      ...state,
      balance: state.balance + amount,
      earnedTotal: state.earnedTotal + amount,
      days: addToTally(state.days, day, amount, keepFrom),
      months: addToTally(state.months, month, amount),
    },
  };
}

/** Oldest points go first: whatever left the account already used up the oldest earnings. */
export function expirablePoints(state: Pick<AccountState, 'months' | 'outflow' | 'balance'>, upToMonth: string): number {
  const due = state.months.filter((m) => m.period <= upToMonth).reduce((sum, m) => sum + m.points, 0);
  return Math.max(0, Math.min(due - state.outflow, state.balance));
}

function decideExpiry(state: AccountState, transfer: Transfer): Decision {
  const upTo = transfer.expireUpTo ?? '0000-00';
  const points = expirablePoints(state, upTo);
  const note =
    points > 0 ? `${points} unspent points earned up to ${upTo} expired.` : `No unspent points earned up to ${upTo} were left to expire.`;
  return {
    amount: -points,
    capped: 0,
    note,
    rejected: null,
    state: { ...state, balance: state.balance - points, outflow: state.outflow + points },
  };
}

function decideRedemption(state: AccountState, transfer: Transfer): Decision {
  if (state.balance < transfer.requested) {
    return {
      amount: 0,
      capped: 0,
      note: `Refused: the balance of ${state.balance} does not cover ${transfer.requested}.`,
      rejected: INSUFFICIENT_POINTS,
    };
  }
  const spent = transfer.requested;
  return {
    amount: -spent,
    capped: 0,
    note: transfer.note,
    rejected: null,
    state: { ...state, balance: state.balance - spent, outflow: state.outflow + spent },
  };
}

function decide(state: AccountState, transfer: Transfer, leg: Leg, decided: number | null): Decision {
  if (leg === decidingLeg(transfer.kind)) {
    switch (transfer.kind) {
      case 'EARN':
        return decideEarning(state, transfer);
      case 'EXPIRE':
        return decideExpiry(state, transfer);
      case 'REDEEM':
        return decideRedemption(state, transfer);
      case 'REFUND':
        // A compensation gives back what a redemption moved: never refused.
        return {
          amount: -transfer.requested,
          capped: 0,
          note: transfer.note,
          rejected: null,
          state: { ...state, balance: state.balance - transfer.requested },
        };
    }
  }
  if (decided === null) throw new Error(`transfer ${transfer._id}: the ${leg} leg follows the deciding leg, which has not decided yet`);
  const amount = leg === 'DEBIT' ? -decided : decided;
  // A refund gives a resident back spent points: less has left the account.
  const outflow = transfer.kind === 'REFUND' ? state.outflow - decided : state.outflow;
  return { amount, capped: 0, note: transfer.note, rejected: null, state: { ...state, balance: state.balance + amount, outflow } };
}

/**
 * Decides `leg` of `transfer` on the account at `head`. `decided` is the amount the
 * deciding leg settled on, required for the following leg.
 */
export function decideLeg(state: AccountState, transfer: Transfer, leg: Leg, decided: number | null): LegDecision {
  const decision = decide(state, transfer, leg, decided);
  return { ...decision, state: decision.state ?? state };
}

/** The entry a decision writes at the account's next position. */
export function entryOf(accountId: string, head: Head, transfer: Transfer, leg: Leg, decision: LegDecision, appliedAt: Date): LedgerEntry {
  return {
    _id: entryId(accountId, head.seq + 1),
    accountId,
    seq: head.seq + 1,
    key: entryKey(transfer._id, leg),
    postingId: transfer._id,
    kind: transfer.kind,
    reason: transfer.reason,
    leg,
    amount: decision.amount,
    counterAccountId: leg === 'DEBIT' ? transfer.toAccountId : transfer.fromAccountId,
    requested: leg === decidingLeg(transfer.kind) && transfer.kind !== 'EXPIRE' ? transfer.requested : null,
    capped: decision.capped,
    note: decision.note,
    rejected: decision.rejected,
    ruleVersion: transfer.ruleVersion,
    sourceRef: transfer.sourceRef,
    occurredAt: transfer.occurredAt,
    bookedAt: transfer.bookedAt,
    appliedAt,
    state: decision.state,
  };
}
