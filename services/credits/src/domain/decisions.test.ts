import { addToTally, decideLeg, expirablePoints, INSUFFICIENT_POINTS } from './decisions';
import { EMPTY_STATE, ISSUING_ACCOUNT_ID, type AccountState } from './ledger';
import type { Transfer } from './transfer';

const now = new Date('2026-11-27T10:00:00+08:00');

function transfer(fields: Partial<Transfer>): Transfer {
  return {
    _id: 't-1',
    kind: 'EARN',
    reason: 'ATTENDANCE',
    fromAccountId: ISSUING_ACCOUNT_ID,
    toAccountId: 'resident-1',
    requested: 5,
    ruleVersion: 1,
    caps: { daily: 12, monthly: 40 },
    expireUpTo: null,
    sourceRef: 'attendance:a-1',
    sourceEventId: 'e-1',
    residentId: 'resident-1',
    communityId: 'community-1',
    note: null,
    occurredAt: now,
    bookedAt: now,
    ...fields,
  };
}

const state = (fields: Partial<AccountState>): AccountState => ({ ...EMPTY_STATE, ...fields });

describe('deciding an earning', () => {
  it('credits what the rule gives while the caps leave room', () => {
    const d = decideLeg(EMPTY_STATE, transfer({}), 'CREDIT', null);
    expect(d).toMatchObject({ amount: 5, capped: 0, note: null, rejected: null });
    expect(d.state).toMatchObject({
      balance: 5,
      earnedTotal: 5,
      days: [{ period: '2026-11-27', points: 5 }],
      months: [{ period: '2026-11', points: 5 }],
    });
  });

  it('credits only up to the daily cap and says why', () => {
    const d = decideLeg(
      state({ balance: 10, days: [{ period: '2026-11-27', points: 10 }], months: [{ period: '2026-11', points: 10 }] }),
      transfer({}),
      'CREDIT',
      null,
    );
    expect(d).toMatchObject({ amount: 2, capped: 3, note: '3 of 5 points not credited: the daily cap of 12 was reached on 2026-11-27.' });
    expect(d.state.balance).toBe(12);
  });

  it('credits nothing past the monthly cap, and leaves the account as it was', () => {
    const before = state({ balance: 40, months: [{ period: '2026-11', points: 40 }] });
    const d = decideLeg(before, transfer({}), 'CREDIT', null);
    expect(d).toMatchObject({ amount: 0, capped: 5, note: '5 of 5 points not credited: the monthly cap of 40 was reached in 2026-11.' });
    expect(d.state).toEqual(before);
  });

  it('counts the day of the deed in Shanghai, not the UTC day', () => {
    const lateEvening = new Date('2026-11-26T23:30:00+08:00');
    const d = decideLeg(state({ days: [{ period: '2026-11-27', points: 12 }] }), transfer({ occurredAt: lateEvening }), 'CREDIT', null);
    expect(d.amount).toBe(5);
    expect(d.state.days).toEqual([
      { period: '2026-11-26', points: 5 },
      { period: '2026-11-27', points: 12 },
    ]);
  });

  it('credits nothing for a deed older than the earning window', () => {
    const d = decideLeg(EMPTY_STATE, transfer({ occurredAt: new Date(now.getTime() - 91 * 86_400_000) }), 'CREDIT', null);
    expect(d).toMatchObject({ amount: 0, capped: 5 });
    expect(d.note).toContain('90-day earning window');
  });

  it('debits the issuing account with the decided amount, into the negative', () => {
    const d = decideLeg(state({ balance: -3 }), transfer({}), 'DEBIT', 2);
    expect(d).toMatchObject({ amount: -2, rejected: null });
    expect(d.state.balance).toBe(-5);
  });

  it('refuses to follow a leg that has not been decided', () => {
    expect(() => decideLeg(EMPTY_STATE, transfer({}), 'DEBIT', null)).toThrow(/deciding leg/);
  });
});

describe('deciding a redemption', () => {
  const redeem = transfer({
    kind: 'REDEEM',
    reason: null,
    fromAccountId: 'resident-1',
    toAccountId: 'partyorg-100',
    requested: 4,
    caps: null,
    note: 'Redeemed: 理发券.',
  });

  it('takes the cost when the balance covers it', () => {
    const d = decideLeg(state({ balance: 4 }), redeem, 'DEBIT', null);
    expect(d).toMatchObject({ amount: -4, rejected: null, note: 'Redeemed: 理发券.' });
    expect(d.state).toMatchObject({ balance: 0, outflow: 4 });
  });

  it('refuses, and changes nothing, when it does not', () => {
    const before = state({ balance: 3 });
    const d = decideLeg(before, redeem, 'DEBIT', null);
    expect(d).toMatchObject({ amount: 0, rejected: INSUFFICIENT_POINTS, note: 'Refused: the balance of 3 does not cover 4.' });
    expect(d.state).toEqual(before);
  });

  it('gives refunded points back as points that never left', () => {
    const refund = { ...redeem, kind: 'REFUND' as const, fromAccountId: 'partyorg-100', toAccountId: 'resident-1' };
    expect(decideLeg(state({ balance: 4 }), refund, 'DEBIT', null)).toMatchObject({ amount: -4, state: { balance: 0 } });
    expect(decideLeg(state({ balance: 0, outflow: 4 }), refund, 'CREDIT', 4).state).toMatchObject({ balance: 4, outflow: 0 });
  });
});

describe('deciding an expiry', () => {
  const months = [
    { period: '2025-01', points: 30 },
    { period: '2025-02', points: 20 },
    { period: '2025-06', points: 10 },
  ];

  it('expires the old points that spending has not used up, oldest first', () => {
    // 60 earned up to February; 35 already spent count against the oldest.
    expect(expirablePoints({ months, outflow: 35, balance: 25 }, '2025-02')).toBe(15);
    expect(expirablePoints({ months, outflow: 60, balance: 0 }, '2025-02')).toBe(0);
    expect(expirablePoints({ months, outflow: 0, balance: 60 }, '2024-12')).toBe(0);
  });

  it('decides on the account as it is when the debit is written', () => {
    const expire = transfer({
      kind: 'EXPIRE',
      reason: null,
      fromAccountId: 'resident-1',
      toAccountId: ISSUING_ACCOUNT_ID,
      requested: 50,
      caps: null,
      expireUpTo: '2025-02',
    });
    const d = decideLeg(state({ balance: 25, outflow: 35, months }), expire, 'DEBIT', null);
    expect(d).toMatchObject({ amount: -15, note: '15 unspent points earned up to 2025-02 expired.' });
    expect(d.state).toMatchObject({ balance: 10, outflow: 50 });
  });
});

describe('tallies', () => {
  it('add up per period, oldest first, and forget periods before the window', () => {
    const tallies = [
      { period: '2026-01-01', points: 5 },
      { period: '2026-03-01', points: 5 },
    ];
    expect(addToTally(tallies, '2026-03-01', 3, '2026-02-01')).toEqual([{ period: '2026-03-01', points: 8 }]);
    expect(addToTally(tallies, '2026-02-01', 1)).toEqual([
      { period: '2026-01-01', points: 5 },
      { period: '2026-02-01', points: 1 },
      { period: '2026-03-01', points: 5 },
    ]);
  });
});
