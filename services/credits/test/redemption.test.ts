import { TOPICS } from '@sanshe/schemas/generated/events';
import { readEvent, type GraphQLResponse, type Stack } from '@sanshe/test-env';
import {
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

const ADD_REWARD = `mutation($input: AddRewardInput!) { addReward(input: $input) { id cost stock donorUnit { id } community { id } } }`;
const REDEEM = `mutation($rewardId: ID!, $residentId: ID) { redeemReward(rewardId: $rewardId, residentId: $residentId) { id state points } }`;
const CANCEL = `mutation($id: ID!, $reason: String) { cancelRedemption(id: $id, reason: $reason) { id state cancelReason } }`;
const REWARD = `query($id: ID!) { reward(id: $id) { stock } }`;

describe('redeeming points for rewards', () => {
  let stack: Stack;
  let admin: string;
  let staff: string;
  let communityId: string;
  let donorUnitId: string;

  beforeAll(async () => {
    // Twenty redemptions at once on a loaded test box can outlast the gateway's default 15 s;
    // what is tested here is who gets through, not how fast.
    stack = await startCredits({ REQUEST_TIMEOUT_MS: '60000' });
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    ({ communityId } = await knownCommunity(stack));
    staff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [communityId] });
    donorUnitId = `${stack.runId}-partyorg-100`;
  });
  afterEach(() => expectLedgerWhole(stack));
  afterAll(() => stack?.stop());

  /** Gives a resident of the test community `hours × 10` points through a verified-hours event. */
  async function residentWith(name: string, hours: number): Promise<{ residentId: string; token: string }> {
    const residentId = `${stack.runId}-${name}`;
    await send(TOPICS.ACTIVITIES_V1, residentId, [
      volunteerHoursVerified({ shiftId: `${stack.runId}-${name}-shift`, residentId, communityId, hours }),
    ]);
    await balanceBecomes(stack, admin, residentId, hours * 10);
    return { residentId, token: await stack.token({ roles: ['RESIDENT'], residentId }) };
  }

  async function reward(cost: number, stock: number, title = '爱心大米一袋'): Promise<string> {
    const data = expectNoErrors(
      await stack.query<{ addReward: { id: string } }>(ADD_REWARD, { input: { title, cost, stock, donorUnitId, communityId } }, staff),
    );
    return data.addReward.id;
  }

  const stockOf = async (rewardId: string) =>
    expectNoErrors(await stack.query<{ reward: { stock: number } }>(REWARD, { id: rewardId })).reward.stock;

  function outcomes(results: GraphQLResponse<{ redeemReward: { state: string } }>[]) {
    const completed = results.filter((r) => r.data?.redeemReward?.state === 'COMPLETED');
    const refused = results.filter((r) => r.errors);
    return {
      completed,
      refused,
      reasons: new Set(refused.map((r) => r.errors![0]!.extensions?.reason)),
      codes: new Set(refused.map((r) => r.errors![0]!.extensions?.code)),
    };
  }

  it('lets exactly five of twenty concurrent redemptions through when the balance covers five', async () => {
    const { residentId, token } = await residentWith('resident-balance', 1);
    const rewardId = await reward(2, 100);

    const results = await Promise.all(
      Array.from({ length: 20 }, () => stack.query<{ redeemReward: { state: string } }>(REDEEM, { rewardId }, token)),
    );

    const { completed, refused, reasons, codes } = outcomes(results);
    expect(completed).toHaveLength(5);
    expect(refused).toHaveLength(15);
    expect(codes).toEqual(new Set(['CONFLICT']));
    expect(reasons).toEqual(new Set(['INSUFFICIENT_POINTS']));
    expect(refused[0]!.errors![0]!.message).toMatch(/Not enough points: 爱心大米一袋 costs 2/);
    expect(await balanceOf(stack, token, residentId)).toBe(0);
    expect(await stockOf(rewardId)).toBe(95);
  });

  it('lets exactly five of twenty concurrent redemptions through when the stock holds five', async () => {
    const { residentId, token } = await residentWith('resident-stock', 3);
    const rewardId = await reward(1, 5, '食用油一桶');

    const results = await Promise.all(
      Array.from({ length: 20 }, () => stack.query<{ redeemReward: { state: string } }>(REDEEM, { rewardId }, token)),
    );

    const { completed, refused, reasons, codes } = outcomes(results);
    expect(completed).toHaveLength(5);
    expect(refused).toHaveLength(15);
    expect(codes).toEqual(new Set(['CONFLICT']));
    expect(reasons).toEqual(new Set(['OUT_OF_STOCK']));
    expect(refused[0]!.errors![0]!.message).toMatch(/食用油一桶 is out of stock/);
    expect(await stockOf(rewardId)).toBe(0);
    expect(await balanceOf(stack, token, residentId)).toBe(25);
    // Every refused attempt was paid and refunded by a compensating posting.
    const day = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() };
    const statement = expectNoErrors(
      await stack.query<{ pointsAccount: { statement: { lines: { kind: string; amount: number }[] } } }>(
        STATEMENT,
        { id: residentId, ...day },
        token,
      ),
    );
    const kinds = statement.pointsAccount.statement.lines.map((l) => l.kind);
    expect(kinds.filter((k) => k === 'REDEEM')).toHaveLength(20);
    expect(kinds.filter((k) => k === 'REFUND')).toHaveLength(15);
  });

  it('refunds the points and returns the item when a redemption is cancelled', async () => {
    const { residentId, token } = await residentWith('resident-cancel', 1);
    const rewardId = await reward(4, 2, '理发券');
    const redeemed = expectNoErrors(
      await stack.query<{ redeemReward: { id: string; state: string } }>(REDEEM, { rewardId }, token),
    ).redeemReward;
    expect(redeemed.state).toBe('COMPLETED');
    expect(await balanceOf(stack, token, residentId)).toBe(6);
    expect(await stockOf(rewardId)).toBe(1);

    const cancelled = expectNoErrors(
      await stack.query<{ cancelRedemption: { state: string; cancelReason: string } }>(
        CANCEL,
        { id: redeemed.id, reason: '时间冲突' },
        token,
      ),
    );
    expect(cancelled.cancelRedemption).toMatchObject({ state: 'CANCELLED', cancelReason: '时间冲突' });
    const again = expectNoErrors(await stack.query<{ cancelRedemption: { state: string } }>(CANCEL, { id: redeemed.id }, token));
    expect(again.cancelRedemption.state).toBe('CANCELLED');
    expect(await balanceOf(stack, token, residentId)).toBe(10);
    expect(await stockOf(rewardId)).toBe(2);

    const { event } = await readEvent(
      TOPICS.CREDITS_V1,
      (e) => e.subject === redeemed.id && e.type === 'cn.sanshe.credits.redemption.cancelled.v1',
    );
    expect(event).toMatchObject({ source: 'credits', data: { redemptionId: redeemed.id, rewardId, residentId, refundedPoints: 4 } });
    // The resident's own words stay in credits: partners read this topic.
    expect(JSON.stringify(event)).not.toContain('时间冲突');
    const redeemedEvent = await readEvent(
      TOPICS.CREDITS_V1,
      (e) => e.subject === redeemed.id && e.type === 'cn.sanshe.credits.reward.redeemed.v1',
    );
    expect(redeemedEvent.event).toMatchObject({ data: { residentId, points: 4, donorUnitId, donorKind: 'PARTY_ORGANIZATION' } });
  });

  it('lets community staff redeem for their residents and refuses everyone else', async () => {
    const { residentId } = await residentWith('resident-guarded', 1);
    const rewardId = await reward(3, 10, '保温杯');

    const anonymous = await stack.query(REDEEM, { rewardId, residentId });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const neighbour = await stack.token({ roles: ['RESIDENT'], residentId: `${stack.runId}-neighbour` });
    const forNeighbour = await stack.query(REDEEM, { rewardId, residentId }, neighbour);
    expect(forNeighbour.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(forNeighbour.errors?.[0]?.message).toContain(`resident ${residentId}`);
    const otherStaff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [`${stack.runId}-elsewhere`] });
    expect((await stack.query(REDEEM, { rewardId, residentId }, otherStaff)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const addElsewhere = await stack.query(
      ADD_REWARD,
      { input: { title: '雨伞', cost: 1, stock: 1, donorUnitId, communityId } },
      otherStaff,
    );
    expect(addElsewhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const districtWide = await stack.query(ADD_REWARD, { input: { title: '雨伞', cost: 1, stock: 1, donorUnitId } }, staff);
    expect(districtWide.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const badCost = await stack.query(ADD_REWARD, { input: { title: '雨伞', cost: 0, stock: 1, donorUnitId, communityId } }, staff);
    expect(badCost.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cost' });

    const byStaff = expectNoErrors(await stack.query<{ redeemReward: { state: string } }>(REDEEM, { rewardId, residentId }, staff));
    expect(byStaff.redeemReward.state).toBe('COMPLETED');
    expect(await balanceOf(stack, admin, residentId)).toBe(7);

    const catalogue = expectNoErrors(
      await stack.query<{ rewards: { edges: { node: { id: string; stock: number } }[] } }>(
        `query($c: ID) { rewards(communityId: $c, first: 50) { edges { node { id stock } } } }`,
        { c: communityId },
      ),
    );
    expect(catalogue.rewards.edges.map((e) => e.node)).toContainEqual({ id: rewardId, stock: 9 });
  });
});
