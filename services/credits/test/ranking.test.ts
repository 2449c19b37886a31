import { TOPICS } from '@sanshe/schemas/generated/events';
import type { Stack } from '@sanshe/test-env';
import { eventually } from '@sanshe/test-env';
import {
  balanceBecomes,
  cloudEvent,
  expectLedgerWhole,
  expectNoErrors,
  knownCommunity,
  send,
  startCredits,
  volunteerHoursVerified,
} from './helpers';

const RANKING = `query($c: ID!, $first: Int) { virtueRanking(communityId: $c, first: $first) { rank earnedPoints resident { id } } }`;
const VIA_ACCOUNT = `{ myPointsAccount { community { id virtueRanking(first: 3) { rank resident { id } } } } }`;

type Ranking = { virtueRanking: { rank: number; earnedPoints: number; resident: { id: string } }[] };

describe('a community’s virtue ranking', () => {
  let stack: Stack;
  let admin: string;
  let communityId: string;
  let otherCommunityId: string;
  const residents: string[] = [];

  beforeAll(async () => {
    stack = await startCredits();
    admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    ({ communityId } = await knownCommunity(stack));
    ({ communityId: otherCommunityId } = await knownCommunity(stack));
    for (const hours of [1, 3, 2]) {
      const residentId = `${stack.runId}-volunteer-${hours}h`;
      residents.push(residentId);
      await send(TOPICS.ACTIVITIES_V1, residentId, [
        volunteerHoursVerified({ shiftId: `${stack.runId}-shift-${hours}`, residentId, communityId, hours }),
      ]);
      await balanceBecomes(stack, admin, residentId, hours * 10);
    }
  });
  afterEach(() => expectLedgerWhole(stack));
  afterAll(() => stack?.stop());

  it('ranks the community’s residents by points earned, best first', async () => {
    const staff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [communityId] });
    // The ranking is written after the points, so the last resident may still be on the way.
    const ranking = await eventually(
      async () => {
        const top = expectNoErrors(await stack.query<Ranking>(RANKING, { c: communityId, first: 10 }, staff)).virtueRanking;
        return top.length === 3 ? top : undefined;
      },
      30_000,
      'three residents on the ranking',
    );
    expect(ranking.map((r) => [r.rank, r.resident.id, r.earnedPoints])).toEqual([
      [1, `${stack.runId}-volunteer-3h`, 30],
      [2, `${stack.runId}-volunteer-2h`, 20],
      [3, `${stack.runId}-volunteer-1h`, 10],
    ]);
    const own = await stack.token({ roles: ['RESIDENT'], residentId: residents[0] });
    const viaAccount = expectNoErrors(
      await stack.query<{ myPointsAccount: { community: { id: string; virtueRanking: { rank: number }[] } } }>(VIA_ACCOUNT, {}, own),
    );
    expect(viaAccount.myPointsAccount.community).toMatchObject({ id: communityId, virtueRanking: [{ rank: 1 }, { rank: 2 }, { rank: 3 }] });
  });

  it('shows the ranking to the community and its staff only', async () => {
    const anonymous = await stack.query(RANKING, { c: communityId });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const outsider = await stack.token({ roles: ['RESIDENT'], residentId: `${stack.runId}-outsider` });
    const refused = await stack.query(RANKING, { c: communityId }, outsider);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toContain(`community ${communityId}`);
    const otherStaff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [otherCommunityId] });
    expect((await stack.query(RANKING, { c: communityId }, otherStaff)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const tooMany = await stack.query(RANKING, { c: communityId, first: 101 }, admin);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('moves a resident’s place to the community they moved to', async () => {
    const mover = `${stack.runId}-volunteer-2h`;
    const moved = cloudEvent('cn.sanshe.registry.resident.moved.v1', 'registry', mover, {
      residentId: mover,
      fromCommunityId: communityId,
      toCommunityId: otherCommunityId,
      streetId: `${stack.runId}-street`,
    });
    await send(TOPICS.REGISTRY_V1, mover, [moved]);
    const there = await eventually(
      async () => {
        const ranking = expectNoErrors(await stack.query<Ranking>(RANKING, { c: otherCommunityId }, admin)).virtueRanking;
        return ranking.length > 0 ? ranking : undefined;
      },
      30_000,
      'the mover to appear in the new community’s ranking',
    );
    expect(there).toEqual([{ rank: 1, earnedPoints: 20, resident: { id: mover } }]);
    const here = expectNoErrors(await stack.query<Ranking>(RANKING, { c: communityId }, admin)).virtueRanking;
    expect(here.map((r) => r.resident.id)).not.toContain(mover);
    const account = expectNoErrors(
      await stack.query<{ pointsAccount: { community: { id: string } } }>(
        `query($id: ID!) { pointsAccount(residentId: $id) { community { id } } }`,
        { id: mover },
        admin,
      ),
    );
    expect(account.pointsAccount.community.id).toBe(otherCommunityId);
  });
});
