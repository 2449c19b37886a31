import { TOPICS } from '@sanshe/schemas/generated/events';
import { randomUUID } from 'node:crypto';
import { eventually, type Stack } from '@sanshe/test-env';
import {
  attendanceConfirmed,
  balanceBecomes,
  expectLedgerWhole,
  expectNoErrors,
  orderClosed,
  send,
  startCredits,
  STATEMENT,
  volunteerHoursVerified,
} from './helpers';

const RULES = `mutation($input: EarningRulesInput!) { updateEarningRules(input: $input) { version attendancePoints dailyCap } }`;

interface StatementData {
  pointsAccount: {
    balance: number;
    statement: {
      openingBalance: number;
      closingBalance: number;
      credited: number;
      cappedPoints: number;
      lines: {
        postingId: string;
        kind: string;
        reason: string;
        amount: number;
        balanceAfter: number;
        requestedAmount: number;
        cappedAmount: number;
        note: string | null;
        ruleVersion: number;
        sourceRef: string;
      }[];
    };
  };
}

describe('earning points from other contexts’ events', () => {
  let stack: Stack;
  let admin: string;
  const today = () => ({ from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() });

  beforeAll(async () => {
    stack = await startCredits();
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
  });
  afterEach(() => expectLedgerWhole(stack));
  afterAll(() => stack?.stop());

  it('posts one earning for an attendance delivered ten times', async () => {
    const residentId = `${stack.runId}-resident-tenfold`;
    const communityId = `${stack.runId}-community`;
    const attendanceId = `${stack.runId}-attendance-1`;
    const duplicate = attendanceConfirmed({ attendanceId, residentId, communityId });
    // The same fact published again under a new event id must not earn twice either.
    const republished = attendanceConfirmed({ attendanceId, residentId, communityId }, randomUUID());
    const sentinel = attendanceConfirmed({ attendanceId: `${stack.runId}-attendance-sentinel`, residentId, communityId });
    await send(TOPICS.ACTIVITIES_V1, residentId, [...Array.from({ length: 10 }, () => duplicate), republished, sentinel]);

    await balanceBecomes(stack, admin, residentId, 10, 'two attendances (the duplicates and the sentinel)');
    const data = expectNoErrors(await stack.query<StatementData>(STATEMENT, { id: residentId, ...today() }, admin));
    expect(data.pointsAccount.statement.lines.map((l) => [l.postingId, l.amount])).toEqual([
      [`attendance:${attendanceId}`, 5],
      [`attendance:${stack.runId}-attendance-sentinel`, 5],
    ]);
    const postings = stack.services.credits!.connection.collection('postings');
    expect(await postings.countDocuments({ sourceRef: `attendance:${attendanceId}` })).toBe(1);
  });

  it('credits verified volunteer hours and every helper of a closed service order', async () => {
    const volunteer = `${stack.runId}-volunteer`;
    const helpers = [`${stack.runId}-helper-a`, `${stack.runId}-helper-b`];
    const communityId = `${stack.runId}-community`;
    await send(TOPICS.ACTIVITIES_V1, volunteer, [
      volunteerHoursVerified({ shiftId: `${stack.runId}-shift-1`, residentId: volunteer, communityId, hours: 1.5 }),
    ]);
    await send(TOPICS.RESIDENT_SERVICES_V1, 'order-1', [
      orderClosed({
        orderId: `${stack.runId}-order-1`,
        residentId: `${stack.runId}-elder`,
        communityId,
        helperResidentIds: [...helpers, helpers[0]!],
      }),
    ]);

    await balanceBecomes(stack, admin, volunteer, 15, '1.5 hours at 10 points an hour');
    for (const helper of helpers) await balanceBecomes(stack, admin, helper, 8, 'the order-help points');
  });

  it('holds points past the daily cap back, and the statement says why', async () => {
    const rules = await stack.query(
      RULES,
      { input: { attendancePoints: 5, pointsPerVolunteerHour: 10, orderHelpPoints: 8, dailyCap: 12, monthlyCap: 200, expiryMonths: 24 } },
      admin,
    );
    expect(expectNoErrors(rules)).toMatchObject({ updateEarningRules: { attendancePoints: 5, dailyCap: 12 } });
    const residentId = `${stack.runId}-resident-capped`;
    const communityId = `${stack.runId}-community`;
    const confirmedAt = new Date().toISOString();
    const attendances = [1, 2, 3, 4].map((n) =>
      attendanceConfirmed({ attendanceId: `${stack.runId}-capped-${n}`, residentId, communityId, confirmedAt }),
    );
    await send(TOPICS.ACTIVITIES_V1, residentId, attendances);

    await balanceBecomes(stack, admin, residentId, 12, 'the daily cap');
    const data = await balanceBecomesStatement(residentId, 4);
    const { statement } = data.pointsAccount;
    expect(statement.lines.map((l) => [l.amount, l.cappedAmount])).toEqual([
      [5, 0],
      [5, 0],
      [2, 3],
      [0, 5],
    ]);
    expect(statement.lines[2]!.note).toMatch(/3 of 5 points not credited: the daily cap of 12 was reached on \d{4}-\d{2}-\d{2}/);
    expect(statement.lines[3]!.note).toMatch(/5 of 5 points not credited: the daily cap of 12/);
    expect(statement).toMatchObject({ openingBalance: 0, closingBalance: 12, credited: 12, cappedPoints: 8 });
  });

  it('keeps the rule version a posting used when the rules change', async () => {
    const residentId = `${stack.runId}-resident-rules`;
    const communityId = `${stack.runId}-community`;
    const first = attendanceConfirmed({ attendanceId: `${stack.runId}-rules-1`, residentId, communityId });
    await send(TOPICS.ACTIVITIES_V1, residentId, [first]);
    await balanceBecomes(stack, admin, residentId, 5);

    const changed = expectNoErrors(
      await stack.query<{ updateEarningRules: { version: number } }>(
        RULES,
        { input: { attendancePoints: 8, pointsPerVolunteerHour: 10, orderHelpPoints: 8, dailyCap: 30, monthlyCap: 200, expiryMonths: 24 } },
        admin,
      ),
    );
    // The first attendance again, under a new event id, and a second one under the new rules.
    const again = attendanceConfirmed({ attendanceId: `${stack.runId}-rules-1`, residentId, communityId }, randomUUID());
    const second = attendanceConfirmed({ attendanceId: `${stack.runId}-rules-2`, residentId, communityId });
    await send(TOPICS.ACTIVITIES_V1, residentId, [again, second]);
    await balanceBecomes(stack, admin, residentId, 13, '5 under the old rules plus 8 under the new');

    const data = await balanceBecomesStatement(residentId, 2);
    expect(data.pointsAccount.statement.lines.map((l) => [l.amount, l.ruleVersion])).toEqual([
      [5, changed.updateEarningRules.version - 1],
      [8, changed.updateEarningRules.version],
    ]);
  });

  it('shows an account to its resident and their community staff only', async () => {
    const residentId = `${stack.runId}-resident-private`;
    const communityId = `${stack.runId}-community-private`;
    await send(TOPICS.ACTIVITIES_V1, residentId, [
      volunteerHoursVerified({ shiftId: `${stack.runId}-private-1`, residentId, communityId, hours: 1 }),
    ]);
    await balanceBecomes(stack, admin, residentId, 10);
    const query = `query($id: ID!) { pointsAccount(residentId: $id) { balance } }`;

    const own = await stack.token({ roles: ['RESIDENT'], residentId });
    expect(expectNoErrors(await stack.query(query, { id: residentId }, own))).toEqual({ pointsAccount: { balance: 10 } });
    const mine = expectNoErrors(await stack.query(`{ myPointsAccount { balance } }`, {}, own));
    expect(mine).toEqual({ myPointsAccount: { balance: 10 } });
    const staff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [communityId] });
    expect(expectNoErrors(await stack.query(query, { id: residentId }, staff))).toEqual({ pointsAccount: { balance: 10 } });

    const neighbour = await stack.token({ roles: ['RESIDENT'], residentId: `${stack.runId}-someone-else` });
    const otherStaff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [`${stack.runId}-elsewhere`] });
    for (const token of [neighbour, otherStaff]) {
      const res = await stack.query(query, { id: residentId }, token);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(res.errors?.[0]?.message).toContain(residentId);
    }
    const anonymous = await stack.query(query, { id: residentId });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const sum = await stack.query(`{ ledgerBalanceSum }`, {}, staff);
    expect(sum.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  async function balanceBecomesStatement(residentId: string, lines: number): Promise<StatementData> {
    return eventually(
      async () => {
        const data = expectNoErrors(await stack.query<StatementData>(STATEMENT, { id: residentId, ...today() }, admin));
        return data.pointsAccount.statement.lines.length === lines ? data : undefined;
      },
      30_000,
      `${lines} statement lines`,
    );
  }
});
