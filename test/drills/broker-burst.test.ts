/**
 * A burst of mutations while the broker goes down half-way: every mutation still succeeds,
 * and once the broker is back every event reaches the topic and takes effect exactly once.
 * Runs alone (scripts/test.js runs test/drills in band, after the other suites) because it
 * stops the broker every suite shares.
 */
import { eventually, startStack, type Stack } from '@sanshe/test-env';
import { reportDrill } from './drill-report';
import { tallyEvents } from './kafka-tally';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const infra = require('../../infra/local/infra.js') as {
  stopKafka(): Promise<{ stopped: boolean; reason?: string }>;
  startKafka(opts?: object): Promise<unknown>;
};

const BURST = 30;
const STOP_AFTER = 10;
const PUBLISHED = 'cn.sanshe.activities.activity.published.v1';
const COUNT = `query($id: ID!) { community(id: $id) { publishedActivityCount } }`;
const CREATE = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishActivity(id: $id) { status } }`;

describe('a broker outage in the middle of a mutation burst', () => {
  let stack: Stack;
  let brokerStopped = false;
  beforeAll(async () => {
    stack = await startStack(['registry', 'activities']);
  }, 240_000);
  afterAll(async () => {
    if (brokerStopped) await infra.startKafka();
    await stack?.stop();
  }, 180_000);

  it('fails no mutation, and delivers and applies every event exactly once', async () => {
    const admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
    const streetId = `${stack.runId}-s`;
    const communityId = `${stack.runId}-burst`;
    await stack.query(
      `mutation($input: CreateStreetInput!) { createStreet(input: $input) { id } }`,
      { input: { id: streetId, name: '天津路街道' } },
      admin,
    );
    await stack.query(
      `mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
      { input: { id: communityId, name: '天津路社区', streetId, urban: true } },
      admin,
    );
    const draft = (i: number) =>
      stack.query<{ createActivity: { id: string } }>(
        CREATE,
        {
          input: {
            title: `百姓茶馆 ${i}`,
            category: 'PEOPLES_TEAHOUSE',
            communityId,
            startsAt: '2026-12-05T06:00:00Z',
            endsAt: '2026-12-05T08:00:00Z',
            capacity: 20,
          },
        },
        admin,
      );
    const first = await eventually(async () => (await draft(0)).data?.createActivity, 90_000, 'activities to learn the community');
    const ids = [first.id];
    for (let i = 1; i < BURST; i += 1) {
      const res = await draft(i);
      expect(res.errors).toBeUndefined();
      ids.push(res.data!.createActivity.id);
    }

    // The burst: publishes back to back; the broker is stopped after the first STOP_AFTER.
    let failed = 0;
    let stopping: Promise<unknown> | null = null;
    for (const [i, id] of ids.entries()) {
      if (i === STOP_AFTER) {
        brokerStopped = true;
        stopping = infra.stopKafka().then((r) => {
          if (!r.stopped)
            throw new Error(`the drill needs the broker started by infra/local (npm run infra -- up): ${r.reason ?? 'not stopped'}`);
        });
      }
      const res = await stack.query<{ publishActivity: { status: string } }>(PUBLISH, { id }, admin);
      if (res.data?.publishActivity.status !== 'PUBLISHED') failed += 1;
    }
    await stopping;
    const pendingWhileDown = await stack.services.activities!.relay.pending();

    await infra.startKafka();
    brokerStopped = false;
    await eventually(async () => (await stack.services.activities!.relay.pending()) === 0, 120_000, 'the outbox to drain');
    const wanted = new Set(ids);
    const tally = await tallyEvents(
      'sanshe.activities.v1',
      (e) => e.type === PUBLISHED && wanted.has(String((e.data as { activityId?: string })?.activityId)),
      BURST,
    );
    const effects = await eventually(
      async () => {
        const res = await stack.query<{ community: { publishedActivityCount: number } }>(COUNT, { id: communityId });
        const n = res.data?.community.publishedActivityCount ?? 0;
        return n >= BURST ? n : undefined;
      },
      120_000,
      'every effect in registry',
    ).catch(() => -1);
    // A late duplicate would show up here, after the consumer had time to see it.
    await new Promise((r) => setTimeout(r, 3000));
    const finalEffects =
      (await stack.query<{ community: { publishedActivityCount: number } }>(COUNT, { id: communityId })).data?.community
        .publishedActivityCount ?? effects;

    reportDrill('broker killed mid-burst', {
      sent: BURST,
      'mutations failed': failed,
      'events waiting while down': pendingWhileDown,
      delivered: tally.distinct.size,
      'records on topic': tally.records,
      effects: finalEffects,
    });
    expect(failed).toBe(0);
    expect(pendingWhileDown).toBeGreaterThan(0);
    expect(tally.distinct.size).toBe(BURST);
    expect(finalEffects).toBe(BURST);
  }, 420_000);
});
