/**
 * The vocabulary of the 润贤银行 ledger, shared by every use-case. Pure types and ids.
 *
 * Each posting moves points from one account to another and so has two entries: a DEBIT
 * (negative amount) on the account it takes from and a CREDIT (positive amount) on the
 * account it gives to. The issuing account is debited by every earning, so all balances
 * together sum to zero.
 *
 * An account is a stream of entries numbered 1, 2, 3…; each entry carries the account's
 * state after it, so the latest entry is the account's current state (its cached balance).
 * A seeded account's history is brought forward to position 1, or, for an account that
 * already had entries, by an OPENING entry (see seed/seed-plan.ts).
 */
export const ISSUING_ACCOUNT_ID = 'issuing-district-jianxi';

export type AccountKind = 'RESIDENT' | 'DONOR' | 'ISSUING';
export type Leg = 'DEBIT' | 'CREDIT';
export type TransferKind = 'EARN' | 'EXPIRE' | 'REDEEM' | 'REFUND';
/**
 * Entries that belong to no transfer: OPENING brings a seeded history forward into an
 * account that existed before the seed; CORRECTION is written by reconciliation.
 */
export type EntryKind = TransferKind | 'OPENING' | 'CORRECTION';
export type EarningReason = 'ATTENDANCE' | 'VOLUNTEER_HOURS' | 'ORDER_HELP' | 'HISTORY';

/** Points earned in one business day ('2026-11-27') or month ('2026-11'). */
export interface PointsTally {
  period: string;
  points: number;
}

/** What an account is, apart from its entries. */
export interface Account {
  _id: string;
  kind: AccountKind;
  /** Resident id, donor unit id, or the district for the issuing account. */
  ownerId: string;
  communityId: string | null;
  /** DONOR accounts: whose; absent on accounts opened before social organizations donated (party organizations). */
  donorKind?: 'PARTY_ORGANIZATION' | 'SOCIAL_ORGANIZATION';
}

/** An account's state after an entry. */
export interface AccountState {
  balance: number;
  /** Points earned, after caps (residents). */
  earnedTotal: number;
  /** Points that left the account (redeemed, expired) less refunds: expiry takes the oldest earnings first. */
  outflow: number;
  /** Earnings per business day over the last DAY_TALLY_DAYS days (daily cap). */
  days: PointsTally[];
  /** Earnings per business month (monthly cap, expiry). */
  months: PointsTally[];
}

export const EMPTY_STATE: AccountState = { balance: 0, earnedTotal: 0, outflow: 0, days: [], months: [] };

/** Where an account's stream stands: its latest entry's number (0: none yet) and state. */
export interface Head {
  seq: number;
  state: AccountState;
}

/** One line of an account: its side of a posting. Immutable once written. */
export interface LedgerEntry {
  /** `${accountId}|${seq}`: one entry per position, so two writers cannot both extend the same head. */
  _id: string;
  accountId: string;
  seq: number;
  /** `${postingId}|${leg}`, unique: a leg is written once, whatever the retries. */
  key: string;
  postingId: string;
  kind: EntryKind;
  reason: EarningReason | null;
  leg: Leg;
  /** Signed change of the balance; 0 for a refused leg or a fully capped earning. */
  amount: number;
  counterAccountId: string | null;
  requested: number | null;
  capped: number;
  note: string | null;
  /** Why the leg was refused (amount 0), e.g. INSUFFICIENT_POINTS. */
  rejected: string | null;
  ruleVersion: number | null;
  sourceRef: string | null;
  occurredAt: Date;
  bookedAt: Date;
  appliedAt: Date;
  state: AccountState;
}

export const entryKey = (postingId: string, leg: Leg): string => `${postingId}|${leg}`;

/** Zero-padded so that an account's entries sort by number. */
export const entryId = (accountId: string, seq: number): string => `${accountId}|${String(seq).padStart(10, '0')}`;

const addTallies = (a: PointsTally[], b: PointsTally[]): PointsTally[] => {
  const sums = new Map<string, number>();
  for (const t of [...a, ...b]) sums.set(t.period, (sums.get(t.period) ?? 0) + t.points);
  return [...sums].sort(([x], [y]) => (x < y ? -1 : 1)).map(([period, points]) => ({ period, points }));
};

/** The state after adding a history brought forward to an account's current state. */
export const withHistory = (state: AccountState, history: AccountState): AccountState => ({
  balance: state.balance + history.balance,
  earnedTotal: state.earnedTotal + history.earnedTotal,
  outflow: state.outflow + history.outflow,
  days: addTallies(state.days, history.days),
  months: addTallies(state.months, history.months),
});
