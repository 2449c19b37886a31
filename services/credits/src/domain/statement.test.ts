import { entryId, type LedgerEntry } from './ledger';
import { buildStatement, statementPeriod, type StatementLine } from './statement';

const at = (iso: string) => new Date(iso);

function entry(seq: number, amount: number, balance: number, bookedAt: string, extra: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    _id: entryId('r-1', seq),
    accountId: 'r-1',
    seq,
    key: `p-${seq}|CREDIT`,
    postingId: `p-${seq}`,
    kind: 'EARN',
    reason: 'ATTENDANCE',
    leg: 'CREDIT',
    amount,
    counterAccountId: 'issuing',
    requested: amount,
    capped: 0,
    note: null,
    rejected: null,
    ruleVersion: 1,
    sourceRef: `attendance:${seq}`,
    occurredAt: at(bookedAt),
    bookedAt: at(bookedAt),
    appliedAt: at(bookedAt),
    state: { balance, earnedTotal: balance, outflow: 0, days: [], months: [] },
    ...extra,
  };
}

const history = (amount: number, bookedAt: string, balanceAfter: number): StatementLine => ({
  postingId: `history:${bookedAt}`,
  kind: 'EARN',
  reason: 'HISTORY',
  bookedAt: at(bookedAt),
  occurredAt: at(bookedAt),
  amount,
  balanceAfter,
  requested: amount,
  capped: 0,
  note: null,
  ruleVersion: 1,
  sourceRef: 'seed:history',
  counterAccountId: 'issuing',
});

describe('a statement', () => {
  // History 10 + 20 brought forward to position 1 (30); then live +5, a refused leg, -8.
  const live = [
    entry(2, 5, 35, '2026-12-02T00:00:00Z'),
    entry(3, 0, 35, '2026-12-03T00:00:00Z', { kind: 'REDEEM', rejected: 'INSUFFICIENT_POINTS' }),
    entry(4, -8, 27, '2026-12-04T00:00:00Z', { kind: 'REDEEM', leg: 'DEBIT' }),
  ];
  const past = [history(10, '2026-09-15T00:00:00Z', 10), history(20, '2026-10-15T00:00:00Z', 30)];
  const head = { seq: 4, state: live[2]!.state };

  it('shows the history brought forward and the live entries, and no refused legs', () => {
    const s = buildStatement('r-1', head, live, past, at('2026-09-01T00:00:00Z'), at('2027-01-01T00:00:00Z'));
    expect(s.lines.map((l) => l.amount)).toEqual([10, 20, 5, -8]);
    expect(s).toMatchObject({ openingBalance: 0, closingBalance: 27, credited: 35, debited: 8 });
  });

  it('opens with the balance at the start of the period', () => {
    const s = buildStatement('r-1', head, live, past, at('2026-10-01T00:00:00Z'), at('2026-12-03T00:00:00Z'));
    expect(s.lines.map((l) => l.amount)).toEqual([20, 5]);
    expect(s).toMatchObject({ openingBalance: 10, closingBalance: 35 });
  });

  it('leaves out entries written after the head it was built on', () => {
    const s = buildStatement('r-1', { seq: 2, state: live[0]!.state }, live, past, at('2026-12-01T00:00:00Z'), at('2027-01-01T00:00:00Z'));
    expect(s.lines.map((l) => l.amount)).toEqual([5]);
    expect(s).toMatchObject({ openingBalance: 30, closingBalance: 35 });
  });

  it('refuses a period that ends before it starts or spans more than a year', () => {
    expect(() => statementPeriod('2026-02-01', '2026-01-01')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'to' } }),
    );
    expect(() => statementPeriod('2025-01-01', '2026-06-01')).toThrow(/at most 366 days/);
    expect(() => statementPeriod('soon', '2026-06-01')).toThrow(expect.objectContaining({ details: { field: 'from' } }));
    expect(statementPeriod('2026-01-01', '2026-02-01').from.toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });
});
