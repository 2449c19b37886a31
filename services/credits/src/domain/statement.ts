import { BadInputError } from '@sanshe/domain-kit';
import type { EarningReason, EntryKind, Head, LedgerEntry } from './ledger';
import { DAY_MS, parseInstant } from './time';

/** One line of a statement: a live entry, or a posting of the seeded history. */
export interface StatementLine {
  postingId: string;
  kind: EntryKind;
  reason: EarningReason | null;
  bookedAt: Date;
  occurredAt: Date;
  amount: number;
  balanceAfter: number;
  requested: number | null;
  capped: number;
  note: string | null;
  ruleVersion: number | null;
  sourceRef: string | null;
  counterAccountId: string | null;
}

/** A line of a history book (seeded history, see seed/seed-plan.ts): what a statement line needs beyond what all history lines share. */
export interface HistoryLine {
  postingId: string;
  bookedAt: Date;
  amount: number;
  balanceAfter: number;
  requested: number;
  capped: number;
  note: string;
}

export interface Statement {
  accountId: string;
  from: Date;
  to: Date;
  openingBalance: number;
  closingBalance: number;
  credited: number;
  debited: number;
  cappedPoints: number;
  lines: StatementLine[];
}

export const MAX_STATEMENT_DAYS = 366;

export function statementPeriod(fromText: string, toText: string): { from: Date; to: Date } {
  const from = parseInstant('from', fromText);
  const to = parseInstant('to', toText);
  if (to <= from) throw new BadInputError('to', '"to" must be after "from".');
  if (to.getTime() - from.getTime() > MAX_STATEMENT_DAYS * DAY_MS) {
    throw new BadInputError('to', `A statement covers at most ${MAX_STATEMENT_DAYS} days; ask for several periods.`);
  }
  return { from, to };
}

export const lineOf = (e: LedgerEntry): StatementLine => ({
  postingId: e.postingId,
  kind: e.kind,
  reason: e.reason,
  bookedAt: e.bookedAt,
  occurredAt: e.occurredAt,
  amount: e.amount,
  balanceAfter: e.state.balance,
  requested: e.requested,
  capped: e.capped,
  note: e.note,
  ruleVersion: e.ruleVersion,
  sourceRef: e.sourceRef,
  counterAccountId: e.counterAccountId,
});

/**
 * A statement from the account's head and what was read after it: its live entries, and
 * the postings of its seeded history (brought forward into the stream as one amount, so
 * the history is shown instead of an OPENING entry). The
 * opening balance is the head's balance less everything booked since `from`, so `history`
 * must hold every history line booked from `from` on. Entries past the head are left out,
 * so lines and balances agree; refused legs are decisions, not movements: no line.
 */
export function buildStatement(
  accountId: string,
  head: Head,
  entries: LedgerEntry[],
  history: StatementLine[],
  from: Date,
  to: Date,
): Statement {
  const live = entries
    .filter((e) => e.seq <= head.seq && !e.rejected && e.kind !== 'OPENING')
    .sort((a, b) => a.seq - b.seq)
    .map(lineOf);
  const past = [...history].sort((a, b) => a.bookedAt.getTime() - b.bookedAt.getTime());
  const sinceFrom = [...past, ...live].filter((l) => l.bookedAt.getTime() >= from.getTime());
  const openingBalance = head.state.balance - sinceFrom.reduce((sum, l) => sum + l.amount, 0);
  const lines = sinceFrom.filter((l) => l.bookedAt.getTime() < to.getTime());
  const credited = lines.filter((l) => l.amount > 0).reduce((sum, l) => sum + l.amount, 0);
  const debited = lines.filter((l) => l.amount < 0).reduce((sum, l) => sum - l.amount, 0);
  return {
    accountId,
    from,
    to,
    openingBalance,
    closingBalance: openingBalance + credited - debited,
    credited,
    debited,
    cappedPoints: lines.reduce((sum, l) => sum + l.capped, 0),
    lines,
  };
}
