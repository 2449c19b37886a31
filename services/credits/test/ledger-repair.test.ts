import { TOPICS } from '@sanshe/schemas/generated/events';
import { randomUUID } from 'node:crypto';
import { EventContracts, EventFactory } from '@sanshe/service-kit';
import { eventually, readEvent, type Stack } from '@sanshe/test-env';
import { decideLeg, decidingLeg, entryOf } from '@sanshe/credits/domain/decisions';
import { entryId, ISSUING_ACCOUNT_ID } from '@sanshe/credits/domain/ledger';
import { postTransfer } from '@sanshe/credits/domain/posting';
import { appendOnce } from '@sanshe/credits/domain/stream';
import { wire, type CreditsApp } from '@sanshe/credits/service';
import {
  attendanceConfirmed,
  balanceBecomes,
  balanceOf,
  expectLedgerWhole,
  expectNoErrors,
  knownCommunity,
  send,
  startCredits,
  STATEMENT,
  volunteerHoursVerified,
} from './helpers';

const REDEMPTION = `query($id: ID!) { redemption(id: $id) { state failure points } }`;
const ADD_REWARD = `mutation($input: AddRewardInput!) { addReward(input: $input) { id } }`;

describe('a ledger that repairs itself', () => {
  let stack: Stack;
  let admin: string;
  let app: CreditsApp;
  let communityId: string;

  beforeAll(async () => {
    // Unfinished work is taken over after one second.
    stack = await startCredits({ CREDITS_STALE_AFTER_MS: '1000', CREDITS_MAINTENANCE_INTERVAL_MS: '300' });
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    // The service's own repositories on its database, to leave work half done as a crash would.
    app = wire(stack.services.credits!.connection, new EventFactory('credits', new EventContracts()));
    ({ communityId } = await knownCommunity(stack));
  });
  afterEach(() => expectLedgerWhole(stack));
  afterAll(() => stack?.stop());

  async function residentWith(name: string, hours: number): Promise<string> {
    const residentId = `${stack.runId}-${name}`;
    await send(TOPICS.ACTIVITIES_V1, residentId, [
      volunteerHoursVerified({ shiftId: `${stack.runId}-${name}`, residentId, communityId, hours }),
    ]);
    await balanceBecomes(stack, admin, residentId, hours * 10);
    return residentId;
  }

  it('completes an earning whose process died after its first leg', async () => {
    const residentId = `${stack.runId}-interrupted`;
    await app.ledger.openResidentAccount(residentId, communityId);
    const { transfer } = await app.ledger.openTransfer(
      {
        _id: `attendance:${stack.runId}-interrupted`,
        kind: 'EARN',
        reason: 'ATTENDANCE',
        fromAccountId: ISSUING_ACCOUNT_ID,
        toAccountId: residentId,
        requested: 5,
        ruleVersion: 1,
        caps: { daily: 30, monthly: 200 },
        expireUpTo: null,
        sourceRef: `attendance:${stack.runId}-interrupted`,
        sourceEventId: randomUUID(),
        residentId,
        communityId,
        note: null,
        occurredAt: new Date(),
      },
      new Date(),
    );
    const leg = decidingLeg(transfer.kind);
    await appendOnce(app.ledger, residentId, (head) =>
      entryOf(residentId, head, transfer, leg, decideLeg(head.state, transfer, leg, null), new Date()),
    );
    // The process "dies" here: the resident is credited, the issuing account not yet debited.
    const issuingLeg = { key: `${transfer._id}|DEBIT` };
    expect(await balanceOf(stack, admin, residentId)).toBe(5);
    expect(await app.models.Entry.countDocuments(issuingLeg)).toBe(0);

    await eventually(
      async () => (await app.models.Posting.countDocuments({ _id: transfer._id })) === 1,
      30_000,
      'the maintenance to complete the posting',
    );
    expect(await app.models.Entry.countDocuments(issuingLeg)).toBe(1);
    expect(await balanceOf(stack, admin, residentId)).toBe(5);
    const { event } = await readEvent(
      TOPICS.CREDITS_V1,
      (e) => e.subject === residentId && e.type === 'cn.sanshe.credits.points.awarded.v1',
    );
    expect(event).toMatchObject({ data: { postingId: transfer._id, points: 5, balance: 5 } });
  });

  it('completes a redemption whose process died after the points were taken', async () => {
    const residentId = await residentWith('redeemer', 1);
    const rewardId = expectNoErrors(
      await stack.query<{ addReward: { id: string } }>(
        ADD_REWARD,
        { input: { title: '体检券', cost: 4, stock: 1, donorUnitId: `${stack.runId}-donor`, communityId } },
        admin,
      ),
    ).addReward.id;
    const reward = (await app.rewards.reward(rewardId))!;
    const request = {
      _id: `redemption-${randomUUID()}`,
      residentId,
      communityId,
      rewardId,
      rewardTitle: reward.title,
      donorUnitId: reward.donorUnitId,
      points: 4,
      createdAt: new Date(),
    };
    await app.redemptions.insert(request);
    await postTransfer(
      {
        _id: `redeem:${request._id}`,
        kind: 'REDEEM',
        reason: null,
        fromAccountId: residentId,
        toAccountId: reward.donorUnitId,
        requested: 4,
        ruleVersion: null,
        caps: null,
        expireUpTo: null,
        sourceRef: `redemption:${request._id}`,
        sourceEventId: null,
        residentId,
        communityId,
        note: 'Redeemed: 体检券.',
        occurredAt: request.createdAt,
      },
      app.ledgerDeps,
    );
    // Died before claiming the item: the points are gone, the redemption is still pending.
    expect(
      expectNoErrors(await stack.query<{ redemption: { state: string } }>(REDEMPTION, { id: request._id }, admin)).redemption.state,
    ).toBe('PENDING');

    const done = await eventually(
      async () => {
        const r = expectNoErrors(await stack.query<{ redemption: { state: string } }>(REDEMPTION, { id: request._id }, admin)).redemption;
        return r.state === 'COMPLETED' ? r : undefined;
      },
      30_000,
      'the maintenance to complete the redemption',
    );
    expect(done).toMatchObject({ state: 'COMPLETED', points: 4 });
    expect(await balanceOf(stack, admin, residentId)).toBe(6);
    expect(await app.rewards.stockOf(rewardId)).toBe(0);

    // The same crash when nothing is left in stock: the maintenance gives the points back.
    const second = { ...request, _id: `redemption-${randomUUID()}`, createdAt: new Date() };
    await app.redemptions.insert(second);
    const failed = await eventually(
      async () => {
        const r = expectNoErrors(
          await stack.query<{ redemption: { state: string; failure: string } }>(REDEMPTION, { id: second._id }, admin),
        ).redemption;
        return r.state === 'FAILED' ? r : undefined;
      },
      30_000,
      'the maintenance to fail the redemption',
    );
    expect(failed.failure).toBe('OUT_OF_STOCK');
    expect(await balanceOf(stack, admin, residentId)).toBe(6);
  });

  it('puts a drifted cached balance back to the sum of the postings, and says so', async () => {
    const residentId = await residentWith('drifted', 2);
    const head = await app.ledger.head(residentId);
    // A bad hand edit: the cached balance (the latest entry's state) gains 7 points no posting gave.
    await app.models.Entry.updateOne({ _id: entryId(residentId, head.seq) }, { $inc: { 'state.balance': 7 } });
    await app.models.AccountHead.deleteOne({ _id: residentId });
    expect(await balanceOf(stack, admin, residentId)).toBe(27);

    const RECONCILE = `mutation { reconcileLedger { accountsChecked corrections { accountId cachedBalance postedBalance } ledgerBalanceSum } }`;
    const report = expectNoErrors(
      await stack.query<{ reconcileLedger: { corrections: unknown[]; ledgerBalanceSum: number } }>(RECONCILE, {}, admin),
    ).reconcileLedger;
    expect(report.corrections).toEqual([{ accountId: residentId, cachedBalance: 27, postedBalance: 20 }]);
    expect(await balanceOf(stack, admin, residentId)).toBe(20);
    await expectLedgerWhole(stack);
    const again = expectNoErrors(await stack.query<{ reconcileLedger: { corrections: unknown[] } }>(RECONCILE, {}, admin)).reconcileLedger;
    expect(again.corrections).toEqual([]);

    const day = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() };
    const statement = expectNoErrors(
      await stack.query<{ pointsAccount: { statement: { lines: { kind: string; note: string }[] } } }>(
        STATEMENT,
        { id: residentId, ...day },
        admin,
      ),
    );
    expect(statement.pointsAccount.statement.lines.at(-1)).toMatchObject({
      kind: 'CORRECTION',
      note: expect.stringContaining('cached balance 27 was set to 20'),
    });
    const forbidden = await stack.query(RECONCILE, {}, await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [communityId] }));
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('expires points older than the expiry, once', async () => {
    const RULES = `mutation($input: EarningRulesInput!) { updateEarningRules(input: $input) { version expiryMonths } }`;
    expectNoErrors(
      await stack.query(
        RULES,
        { input: { attendancePoints: 5, pointsPerVolunteerHour: 10, orderHelpPoints: 8, dailyCap: 30, monthlyCap: 200, expiryMonths: 1 } },
        admin,
      ),
    );
    const residentId = `${stack.runId}-expiring`;
    // 75 days ago is at least two whole months back, and inside the 90-day earning window.
    const longAgo = new Date(Date.now() - 75 * 86_400_000).toISOString();
    const recent = new Date().toISOString();
    await send(TOPICS.ACTIVITIES_V1, residentId, [
      attendanceConfirmed({ attendanceId: `${stack.runId}-old-1`, residentId, communityId, confirmedAt: longAgo }),
      attendanceConfirmed({ attendanceId: `${stack.runId}-old-2`, residentId, communityId, confirmedAt: longAgo }),
      attendanceConfirmed({ attendanceId: `${stack.runId}-new-1`, residentId, communityId, confirmedAt: recent }),
    ]);
    await balanceBecomes(stack, admin, residentId, 15);

    const EXPIRE = `mutation { runPointsExpiry(limit: 1000) { accountsExpired expiredPoints earnedUpTo hasMore } }`;
    // Other stacks' test events reach this one too, so the report is checked for this resident's share.
    const first = expectNoErrors(
      await stack.query<{ runPointsExpiry: { expiredPoints: number; accountsExpired: number } }>(EXPIRE, {}, admin),
    ).runPointsExpiry;
    expect(first.expiredPoints).toBeGreaterThanOrEqual(10);
    expect(await balanceOf(stack, admin, residentId)).toBe(5);
    expectNoErrors(await stack.query(EXPIRE, {}, admin));
    expect(await balanceOf(stack, admin, residentId)).toBe(5);
    const period = { from: new Date(Date.now() - 100 * 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() };
    const statement = expectNoErrors(
      await stack.query<{ pointsAccount: { statement: { lines: { kind: string; amount: number; ruleVersion: number }[] } } }>(
        STATEMENT,
        { id: residentId, ...period },
        admin,
      ),
    );
    expect(statement.pointsAccount.statement.lines.filter((l) => l.kind === 'EXPIRE').map((l) => l.amount)).toEqual([-10]);
    const { event } = await readEvent(
      TOPICS.CREDITS_V1,
      (e) => e.subject === residentId && e.type === 'cn.sanshe.credits.points.expired.v1',
    );
    expect(event).toMatchObject({ data: { residentId, points: 10, balance: 5 } });
    expectNoErrors(
      await stack.query(
        RULES,
        { input: { attendancePoints: 5, pointsPerVolunteerHour: 10, orderHelpPoints: 8, dailyCap: 30, monthlyCap: 200, expiryMonths: 24 } },
        admin,
      ),
    );
  });
});
