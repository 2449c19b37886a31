import { eventually, startStack, type Stack } from '@sanshe/test-env';
import { createModels } from '@sanshe/activities/data-access/models';
import { ResidentRecordRepository } from '@sanshe/activities/data-access/resident-record-repository';
import { StatsRepository } from '@sanshe/activities/data-access/stats-repository';
import { knownCommunity, minutesFromNow, stopAndDrop } from './helpers';

const STATS = `query($communityId: ID) { activityStats(communityId: $communityId) { activities participations byCategory { key activities participations } } }`;

describe('read models of live activities', () => {
  let stack: Stack;
  let staff: string;
  let communityId: string;
  const stats = async () =>
    (await stack.query<{ activityStats: { activities: number; participations: number; byCategory: unknown[] } }>(STATS, { communityId }))
      .data?.activityStats;

  beforeAll(async () => {
    stack = await startStack(['activities']);
    ({ communityId } = await knownCommunity(stack, 'tianjiu'));
    staff = await stack.token({ roles: ['COMMUNITY_STAFF'], communityIds: [communityId] });
  });
  afterAll(() => stopAndDrop(stack));

  it('count a published activity and its attendance once, and take a cancelled activity back', async () => {
    const create = (title: string) =>
      stack.query<{ createActivity: { id: string } }>(
        `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }`,
        {
          input: {
            title,
            category: 'ENVIRONMENTAL_CLASS',
            communityId,
            startsAt: minutesFromNow(20),
            endsAt: minutesFromNow(80),
            capacity: 10,
          },
        },
        staff,
      );
    const publish = (id: string) => stack.query(`mutation($id: ID!) { publishActivity(id: $id) { id } }`, { id }, staff);
    const held = (await create('生态时蔬花园课堂')).data!.createActivity.id;
    const called = (await create('酵素制作体验')).data!.createActivity.id;
    await publish(held);
    await publish(called);
    const seat = await stack.query<{ registerForActivity: { checkInCode: string } }>(
      `mutation($id: ID!, $r: ID) { registerForActivity(activityId: $id, residentId: $r) { checkInCode } }`,
      { id: held, r: `${stack.runId}-han-guizhi` },
      staff,
    );
    await stack.query(
      `mutation($id: ID!, $code: String!) { checkInToActivity(activityId: $id, code: $code) { status } }`,
      { id: held, code: seat.data!.registerForActivity.checkInCode },
      staff,
    );
    await stack.query(`mutation($id: ID!) { cancelActivity(id: $id, reason: "雨天") { status } }`, { id: called }, staff);

    const counted = await eventually(
      async () => {
        const s = await stats();
        return s?.participations === 1 && s.activities === 1 ? s : undefined;
      },
      60_000,
      'the statistics consumer to count the activities',
    );
    expect(counted).toEqual({
      activities: 1,
      participations: 1,
      byCategory: [{ key: 'ENVIRONMENTAL_CLASS', activities: 1, participations: 1 }],
    });
  });

  it("cites the report's 7000余场 and 15万人次 for the district-wide totals only", async () => {
    const district = await stack.query<{ activityStats: { sources: { field: string; reported: string; citation: string }[] } }>(
      `{ activityStats { sources { field reported citation } } }`,
    );
    expect(district.errors).toBeUndefined();
    expect(district.data!.activityStats.sources).toEqual([
      { field: 'activities', reported: '7000余场', citation: expect.stringContaining('7000余场') },
      { field: 'participations', reported: '15万人次', citation: expect.stringContaining('服务居民累计达15万人次') },
    ]);
    const community = await stack.query<{ activityStats: { sources: unknown[] } }>(
      `query($c: ID) { activityStats(communityId: $c) { sources { field } } }`,
      { c: communityId },
    );
    expect(community.data!.activityStats.sources).toEqual([]);
  });

  it('counts an event delivered twice only once', async () => {
    const repo = new StatsRepository(createModels(stack.services.activities!.connection));
    const delta = {
      bucketId: `LIVE|${communityId}|2026-12`,
      communityId,
      streetId: 's',
      month: '2026-12',
      category: 'CULTURE',
      delta: { activities: 1, participations: 0 },
    };
    expect(await repo.apply(delta, `${stack.runId}-event-1`)).toBe(true);
    expect(await repo.apply(delta, `${stack.runId}-event-1`)).toBe(false);
    expect(await repo.apply(delta, `${stack.runId}-event-2`)).toBe(true);
    const buckets = await repo.buckets({ fromMonth: '2026-12', toMonth: '2026-12', communityId, streetId: null, category: null });
    expect(buckets.map((b) => b.categories.CULTURE)).toEqual([{ activities: 2, participations: 0 }]);
  });

  it("keep a resident's newest state when an older event arrives late, and ignore a repeat", async () => {
    const models = createModels(stack.services.activities!.connection);
    const records = new ResidentRecordRepository(models);
    const residentId = `${stack.runId}-resident-late`;
    const at = (v: number, status: 'REGISTERED' | 'ATTENDED') => ({
      residentId,
      registrations: { 'registration-1': { activityId: 'a1', status, v } },
    });
    await records.apply(at(2, 'ATTENDED'));
    await records.apply(at(1, 'REGISTERED'));
    await records.apply(at(2, 'ATTENDED'));
    expect((await models.ResidentRecord.findById(residentId).lean())?.registrations).toEqual({
      'registration-1': { activityId: 'a1', status: 'ATTENDED', v: 2 },
    });

    // Two first changes of a resident at once: one creates the record, the other still lands.
    const newcomer = `${stack.runId}-resident-new`;
    const entry = (id: string) => ({
      residentId: newcomer,
      registrations: { [id]: { activityId: id, status: 'REGISTERED' as const, v: 1 } },
    });
    await Promise.all([
      records.apply(entry('registration-a')),
      records.apply(entry('registration-b')),
      records.apply(entry('registration-c')),
    ]);
    expect(Object.keys((await models.ResidentRecord.findById(newcomer).lean())?.registrations ?? {}).sort()).toEqual([
      'registration-a',
      'registration-b',
      'registration-c',
    ]);
  });
});
