/**
 * Two OS processes of activities and two of credits against one store and one broker, as two
 * pods of each would run. Requests alternate between replicas; the counts are what must hold
 * whatever the interleaving: no lost update, no double booking, no negative stock or balance,
 * every event taking effect once, partitions moving on a kill, jobs running once per period.
 */
import { connectMongo } from '@sanshe/service-kit';
import { eventually, type GraphQLResponse } from '@sanshe/test-env';
import { communityCreated, volunteerHoursVerified } from '../../services/credits/test/helpers';
import {
  assignments,
  lagOf,
  dropDatabases,
  fleet,
  jobRuns,
  MONGO_URL,
  sendEvents,
  startGroupsAtTheEnd,
  startReplicas,
  type Replica,
} from './fleet';

const GROUPS = {
  'activities.known-communities': ['sanshe.registry.v1'],
  'activities.resident-homes': ['sanshe.registry.v1'],
  'activities.read-models': ['sanshe.activities.v1'],
  'credits.activities': ['sanshe.activities.v1'],
  'credits.resident-services': ['sanshe.resident-services.v1'],
  'credits.residents': ['sanshe.registry.v1'],
  'credits.known-communities': ['sanshe.registry.v1'],
};
const CREATE = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishActivity(id: $id) { status } }`;
const REGISTER = `mutation($activityId: ID!) { registerForActivity(activityId: $activityId) { status waitlistPosition checkInCode } }`;
const CHECK_IN = `mutation($activityId: ID!, $code: String!) { checkInToActivity(activityId: $activityId, code: $code) { status } }`;
const ROSTER = `query($id: ID!) { activity(id: $id) { seatsTaken waitlistLength registrations { status waitlistPosition } } }`;
const ADD_REWARD = `mutation($input: AddRewardInput!) { addReward(input: $input) { id } }`;
const REDEEM = `mutation($rewardId: ID!) { redeemReward(rewardId: $rewardId) { state } }`;
const REWARD = `query($id: ID!) { reward(id: $id) { stock } }`;
const BALANCE = `query($id: ID!) { pointsAccount(residentId: $id) { balance } }`;
const SESSION_TIMEOUT_MS = 15_000; // the kit's consumer session timeout

const f = fleet({ CREDITS_MAINTENANCE_INTERVAL_MS: '1000', CREDITS_EXPIRY_INTERVAL_MS: '1000' });
const admin = { roles: ['DISTRICT_ADMIN' as const], userId: 'admin' };
let activities: Replica[] = [];
let credits: Replica[] = [];
const communityId = `${f.runId}-community`;
const staff = { roles: ['COMMUNITY_STAFF' as const], communityIds: [communityId], userId: 'staff' };
const resident = (name: string) => ({ roles: ['RESIDENT' as const], residentId: `${f.runId}-${name}`, userId: name });
const data = <T>(res: GraphQLResponse<T>): T => {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
};
const balanceOf = async (replica: Replica, name: string) =>
  data(await replica.query<{ pointsAccount: { balance: number } | null }>(BALANCE, { id: `${f.runId}-${name}` }, admin)).pointsAccount
    ?.balance ?? 0;

beforeAll(async () => {
  await startGroupsAtTheEnd(f.prefix, GROUPS);
  const all = await startReplicas(
    f,
    ['activities-a', 'activities-b', 'credits-a', 'credits-b'].map((label) => ({ service: label.slice(0, -2), label })),
  );
  activities = all.slice(0, 2);
  credits = all.slice(2);
  await sendEvents('sanshe.registry.v1', [{ key: communityId, value: communityCreated(communityId, `${f.runId}-street`) }]);
  const knows = (r: Replica) =>
    r.query<{ rewards: unknown }>(ADD_REWARD, { input: { title: '探针', cost: 1, stock: 1, donorUnitId: 'probe', communityId } }, staff);
  await eventually(async () => !(await knows(credits[0]!)).errors, 60_000, 'credits to learn the community');
  const store = await connectMongo(MONGO_URL, f.dbOf('activities'));
  try {
    await eventually(
      async () => (await store.collection('known_communities').findOne({ _id: communityId as never })) !== null,
      60_000,
      'activities to learn the community',
    );
  } finally {
    await store.close();
  }
}, 180_000);

afterAll(async () => {
  await Promise.all([...activities, ...credits].map((r) => r.stop()));
  await dropDatabases(f, ['activities', 'credits']);
}, 60_000);

describe('two replicas of activities and two of credits on one store and one broker', () => {
  let activityId: string;
  let registered: { name: string; code: string }[] = [];

  it('books exactly the capacity of one activity when forty residents register at once through both replicas', async () => {
    const startsAt = new Date(Date.now() + 30 * 60_000).toISOString();
    const endsAt = new Date(Date.now() + 150 * 60_000).toISOString();
    activityId = data(
      await activities[0]!.query<{ createActivity: { id: string } }>(
        CREATE,
        { input: { title: '社区睦邻学堂', category: 'NEIGHBOURHOOD_SCHOOL', communityId, startsAt, endsAt, capacity: 5 } },
        staff,
      ),
    ).createActivity.id;
    expect(
      data(await activities[1]!.query<{ publishActivity: { status: string } }>(PUBLISH, { id: activityId }, staff)).publishActivity.status,
    ).toBe('PUBLISHED');

    const names = Array.from({ length: 40 }, (_, i) => `attendee-${i}`);
    const results = await Promise.all(
      names.map((name, i) =>
        activities[i % 2]!.query<{ registerForActivity: { status: string; waitlistPosition: number | null; checkInCode: string | null } }>(
          REGISTER,
          { activityId },
          resident(name),
        ),
      ),
    );
    const answers = results.map((r) => data(r).registerForActivity);
    expect(answers.filter((a) => a.status === 'REGISTERED')).toHaveLength(5);
    expect(answers.filter((a) => a.status === 'WAITLISTED')).toHaveLength(35);
    expect(new Set(answers.filter((a) => a.status === 'WAITLISTED').map((a) => a.waitlistPosition))).toEqual(
      new Set(Array.from({ length: 35 }, (_, i) => i + 1)),
    );
    registered = answers.flatMap((a, i) => (a.status === 'REGISTERED' ? [{ name: names[i]!, code: a.checkInCode! }] : []));

    // Both replicas read the same store: forty registrations kept, none lost, five seats taken.
    for (const replica of activities) {
      const { activity } = data(
        await replica.query<{ activity: { seatsTaken: number; waitlistLength: number; registrations: { status: string }[] } }>(
          ROSTER,
          { id: activityId },
          staff,
        ),
      );
      expect(activity).toMatchObject({ seatsTaken: 5, waitlistLength: 35 });
      expect(activity.registrations).toHaveLength(40);
    }
  });

  it('lets one of twenty concurrent redemptions of a stock-1 reward through, and no balance below zero', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `redeemer-${i}`);
    await sendEvents(
      'sanshe.activities.v1',
      names.map((name) => ({
        key: name,
        value: volunteerHoursVerified({ shiftId: `${f.runId}-${name}-shift`, residentId: `${f.runId}-${name}`, communityId, hours: 1 }),
      })),
    );
    await eventually(
      async () => (await Promise.all(names.map((n) => balanceOf(credits[0]!, n)))).every((b) => b === 10),
      60_000,
      'twenty balances of 10',
    );

    const rewardOf = async (cost: number, stock: number) =>
      data(
        await credits[1]!.query<{ addReward: { id: string } }>(
          ADD_REWARD,
          { input: { title: '爱心大米一袋', cost, stock, donorUnitId: `${f.runId}-unit`, communityId } },
          staff,
        ),
      ).addReward.id;
    const rare = await rewardOf(4, 1);
    const rareResults = await Promise.all(
      names.map((name, i) => credits[i % 2]!.query<{ redeemReward: { state: string } }>(REDEEM, { rewardId: rare }, resident(name))),
    );
    expect(rareResults.filter((r) => r.data?.redeemReward?.state === 'COMPLETED')).toHaveLength(1);
    expect(new Set(rareResults.filter((r) => r.errors).map((r) => r.errors![0]!.extensions?.reason))).toEqual(new Set(['OUT_OF_STOCK']));
    expect(data(await credits[0]!.query<{ reward: { stock: number } }>(REWARD, { id: rare })).reward.stock).toBe(0);

    // One resident, ten points, ten concurrent redemptions at 3 points: three go through.
    const plenty = await rewardOf(3, 100);
    const spender = names.find((_, i) => rareResults[i]!.errors)!;
    const spent = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        credits[i % 2]!.query<{ redeemReward: { state: string } }>(REDEEM, { rewardId: plenty }, resident(spender)),
      ),
    );
    expect(spent.filter((r) => r.data?.redeemReward?.state === 'COMPLETED')).toHaveLength(3);
    expect(data(await credits[1]!.query<{ reward: { stock: number } }>(REWARD, { id: plenty })).reward.stock).toBe(97);

    const balances = await eventually(
      async () => {
        const all = await Promise.all(names.map((n) => balanceOf(credits[0]!, n)));
        return all.filter((b) => b === 10).length === 18 ? all : undefined;
      },
      30_000,
      'refunds of the refused redemptions',
    );
    expect(balances.every((b) => b >= 0)).toBe(true);
    expect(balances.sort((a, b) => a - b)).toEqual([1, 6, ...Array<number>(18).fill(10)]);
    await eventually(
      async () => data(await credits[0]!.query<{ ledgerBalanceSum: number }>(`{ ledgerBalanceSum }`, {}, admin)).ledgerBalanceSum === 0,
      20_000,
      'the ledger to sum to zero',
    );
  });

  it('relays one outbox from both activities replicas and credits each attendance once', async () => {
    const checkedIn = await Promise.all(
      registered.map(({ name, code }, i) =>
        activities[i % 2]!.query<{ checkInToActivity: { status: string } }>(CHECK_IN, { activityId, code }, resident(name)),
      ),
    );
    expect(checkedIn.map((r) => data(r).checkInToActivity.status)).toEqual(Array(5).fill('ATTENDED'));
    await eventually(
      async () => (await Promise.all(registered.map((r) => balanceOf(credits[1]!, r.name)))).every((b) => b === 5),
      60_000,
      'five attendance points each',
    );

    // Both relays sweep every 250 ms. Once the activity's outbox is empty nothing more can be
    // sent; a duplicate sent before met the consumers' dedupe: five points each, not ten.
    const store = await connectMongo(MONGO_URL, f.dbOf('activities'));
    try {
      await eventually(
        async () => ((await store.collection('activities').findOne({ _id: activityId as never }))?._outbox?.length ?? 0) === 0,
        30_000,
        'the outbox to drain',
      );
    } finally {
      await store.close();
    }
    await eventually(
      async () => (await lagOf(`${f.prefix}credits.activities`, 'sanshe.activities.v1')) === 0,
      30_000,
      'credits to read to the end of the topic',
    );
    expect(await Promise.all(registered.map((r) => balanceOf(credits[0]!, r.name)))).toEqual(Array(5).fill(5));
  });

  it('runs each ledger job once per period across both credits replicas', async () => {
    const watched = (job: string) => jobRuns(credits).filter((r) => r.job === job);
    await eventually(
      async () => new Set(watched('credits.ledger-repair').map((r) => r.period)).size >= 5,
      30_000,
      'five periods of ledger repair',
    );
    for (const job of ['credits.ledger-repair', 'credits.points-expiry']) {
      const runs = watched(job);
      const perPeriod = new Map<number, number>();
      for (const run of runs) perPeriod.set(run.period, (perPeriod.get(run.period) ?? 0) + 1);
      expect([...perPeriod.values()].every((n) => n === 1)).toBe(true);
      expect(runs.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('takes a stream of events once in effect while one credits replica is killed', async () => {
    const group = `${f.prefix}credits.activities`;
    const before = await eventually(
      async () => {
        const held = await assignments(group, 'sanshe.activities.v1');
        return held.size === 2 && [...held.values()].every((p) => p.length > 0) ? held : undefined;
      },
      30_000,
      'both credits replicas to hold partitions',
    );
    expect([...before.values()].flat().sort()).toEqual([0, 1, 2]);

    const batch = (from: number) =>
      Array.from({ length: 30 }, (_, i) => {
        const name = `stream-${from + i}`;
        const event = volunteerHoursVerified({ shiftId: `${f.runId}-${name}`, residentId: `${f.runId}-${name}`, communityId, hours: 1 });
        // Each record twice, as a producer retry or a relay's second sweep would send it.
        return [
          { key: name, value: event },
          { key: name, value: event },
        ];
      }).flat();
    await sendEvents('sanshe.activities.v1', batch(0));
    await credits[1]!.kill();
    await sendEvents('sanshe.activities.v1', batch(30));

    const after = await eventually(
      async () => {
        const held = await assignments(group, 'sanshe.activities.v1');
        // While the group rebalances, the survivor is listed alone with its old partitions.
        return held.size === 1 && [...held.values()][0]!.length === 3 ? held : undefined;
      },
      SESSION_TIMEOUT_MS + 15_000,
      'the survivor to take every partition',
    );
    expect([...after.values()][0]).toEqual([0, 1, 2]);
    expect(before.has([...after.keys()][0]!)).toBe(true);

    const names = Array.from({ length: 60 }, (_, i) => `stream-${i}`);
    const balances = await eventually(
      async () => {
        const all = await Promise.all(names.map((n) => balanceOf(credits[0]!, n)));
        return all.every((b) => b >= 10) ? all : undefined;
      },
      60_000,
      'sixty balances',
    );
    expect(balances).toEqual(Array(60).fill(10));
    await eventually(
      async () => data(await credits[0]!.query<{ ledgerBalanceSum: number }>(`{ ledgerBalanceSum }`, {}, admin)).ledgerBalanceSum === 0,
      20_000,
      'the ledger to sum to zero',
    );
  });
});
