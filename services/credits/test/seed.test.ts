import { communityByName, seedDayPlus, SOCIAL_ORGANIZATIONS } from '@sanshe/seed-fixtures';
import type { Stack } from '@sanshe/test-env';
import { seed } from '@sanshe/credits/seed';
import { balanceOf, expectLedgerWhole, expectNoErrors, startCredits, STATEMENT } from './helpers';

const RANKING = `query($c: ID!) { virtueRanking(communityId: $c, first: 1) { resident { id } earnedPoints } }`;
const CATALOGUE = `query($c: ID) { rewards(communityId: $c, first: 100) { edges { node { id title cost stock donorUnit { id } } } } }`;
const REDEEM = `mutation($rewardId: ID!) { redeemReward(rewardId: $rewardId) { state points } }`;

interface StatementData {
  pointsAccount: {
    balance: number;
    statement: {
      openingBalance: number;
      closingBalance: number;
      lines: { kind: string; reason: string; amount: number; note: string; sourceRef: string }[];
    };
  };
}

describe('the seed', () => {
  let stack: Stack;
  let admin: string;
  const communities = [communityByName('天九社区').id, communityByName('武汉路社区').id];

  beforeAll(async () => {
    stack = await startCredits();
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
  });
  afterAll(async () => {
    await expectLedgerWhole(stack);
    await stack?.stop();
  });

  it('brings two communities’ history into a ledger that sums to zero, and changes nothing when run again', async () => {
    const env = { ...stack.env, MONGO_DB: `${stack.runId}_credits` };
    const summary = await seed({ env, communities });
    expect(summary).toMatchObject({ ledgerBalanceSum: 0, knownCommunities: 2 });
    expect(summary.postings).toBeGreaterThan(0);
    expect(summary.rewards).toBeGreaterThan(0);
    await expectLedgerWhole(stack);

    // The community's best earner: their history is in their statements, month by month.
    const tianjiu = communities[0]!;
    const [best] = expectNoErrors(
      await stack.query<{ virtueRanking: { resident: { id: string }; earnedPoints: number }[] }>(RANKING, { c: tianjiu }, admin),
    ).virtueRanking;
    const residentId = best!.resident.id;
    const first = expectNoErrors(
      await stack.query<StatementData>(STATEMENT, { id: residentId, from: seedDayPlus(-730), to: seedDayPlus(-365) }, admin),
    ).pointsAccount;
    const second = expectNoErrors(
      await stack.query<StatementData>(STATEMENT, { id: residentId, from: seedDayPlus(-365), to: seedDayPlus(1) }, admin),
    ).pointsAccount;
    expect(first.balance).toBe(best!.earnedPoints);
    expect(first.statement.openingBalance).toBe(0);
    expect(second.statement.openingBalance).toBe(first.statement.closingBalance);
    expect(second.statement.closingBalance).toBe(first.balance);
    const lines = [...first.statement.lines, ...second.statement.lines];
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatchObject({
        kind: 'EARN',
        reason: 'HISTORY',
        sourceRef: expect.stringMatching(new RegExp(`^seed:history:${residentId}:\\d{4}-\\d{2}$`)),
      });
      expect(line.note).toMatch(/^History of \d{4}-\d{2}: /);
    }

    // Seeded points and seeded rewards work like live ones.
    const rewards = expectNoErrors(
      await stack.query<{ rewards: { edges: { node: { id: string; cost: number; stock: number } }[] } }>(CATALOGUE, { c: tianjiu }),
    ).rewards.edges.map((e) => e.node);
    const affordable = rewards.filter((r) => r.cost <= first.balance && r.stock > 0).sort((a, b) => a.cost - b.cost)[0]!;
    const resident = await stack.token({ roles: ['RESIDENT'], residentId });
    expect(
      expectNoErrors(await stack.query<{ redeemReward: { state: string } }>(REDEEM, { rewardId: affordable.id }, resident)).redeemReward
        .state,
    ).toBe('COMPLETED');
    expect(await balanceOf(stack, resident, residentId)).toBe(first.balance - affordable.cost);

    const again = await seed({ env, communities });
    expect(again).toEqual(summary);
    expect(await balanceOf(stack, resident, residentId)).toBe(first.balance - affordable.cost);
    await expectLedgerWhole(stack);
  });

  it('holds the donation of 欣和社工, a social organization the report names as linking resources, at 武汉路社区', async () => {
    const xinhe = SOCIAL_ORGANIZATIONS.find((o) => o.name === '欣和社工')!;
    const donations = expectNoErrors(
      await stack.query<{ rewards: { edges: { node: { donorKind: string; donor: { __typename: string; id: string } } }[] } }>(
        `query($c: ID) { rewards(communityId: $c, first: 100) { edges { node { donorKind donor { __typename ... on SocialOrganization { id } } } } } }`,
        { c: communities[1] },
      ),
    ).rewards.edges.map((e) => e.node);
    expect(donations).toContainEqual({ donorKind: 'SOCIAL_ORGANIZATION', donor: { __typename: 'SocialOrganization', id: xinhe.id } });
  });
});
