/**
 * A consumer killed (SIGKILL) in the middle of a batch: the registry subgraph runs as its
 * own process and works through a backlog of activity.published events; it is killed
 * half-way and started again. Offsets not yet committed are delivered again, and the
 * idempotent consumer must neither lose nor double an effect.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaAuthFromEnv, type Identity } from '@sanshe/service-kit';
import { eventually, postSigned, testEnv } from '@sanshe/test-env';
import { reportDrill } from './drill-report';
import { tallyEvents } from './kafka-tally';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startTarget } = require('../../infra/bench/lib/processes.js') as {
  startTarget(label: string, script: string, env: NodeJS.ProcessEnv, opts?: object): Promise<TargetProcess>;
};
interface TargetProcess {
  url: string;
  pid: number;
  alive: boolean;
  stop(): Promise<unknown>;
  kill(signal?: string): Promise<unknown>;
}

const BACKLOG = 300;
const PUBLISHED = 'cn.sanshe.activities.activity.published.v1';
const COUNT = `query($id: ID!) { community(id: $id) { publishedActivityCount } }`;
const ADMIN: Identity = {
  userId: 'drill-admin',
  roles: ['DISTRICT_ADMIN'],
  streetIds: [],
  communityIds: [],
  orgIds: [],
  residentId: null,
  socialWorkerId: null,
};

function publishedEvent(communityId: string, i: number) {
  const activityId = `${communityId}-a${i}`;
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: 'activities',
    type: PUBLISHED,
    subject: activityId,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data: {
      activityId,
      communityId,
      title: '百姓茶馆',
      category: 'PEOPLES_TEAHOUSE',
      startsAt: '2026-12-02T06:00:00.000Z',
      endsAt: '2026-12-02T08:00:00.000Z',
      capacity: 20,
    },
  };
}

describe('a consumer killed mid-batch', () => {
  const runId = `d${randomBytes(4).toString('hex')}`;
  const env: NodeJS.ProcessEnv = { ...testEnv(runId), BENCH_SERVICE: 'registry', PORT: '0', MONGO_DB: `${runId}_registry` };
  let registry: TargetProcess | undefined;
  afterAll(async () => {
    await registry?.stop();
  }, 60_000);

  const effects = async (): Promise<number> => {
    const res = await postSigned<{ community: { publishedActivityCount: number } | null }>(
      env,
      'registry',
      registry!.url,
      COUNT,
      { id: `${runId}-c` },
      ADMIN,
    );
    return res.data?.community?.publishedActivityCount ?? 0;
  };

  it('loses and doubles no effect when it restarts', async () => {
    registry = await startTarget('registry', 'subgraph', env);
    const communityId = `${runId}-c`;
    await postSigned(
      env,
      'registry',
      registry.url,
      `mutation($input: CreateStreetInput!) { createStreet(input: $input) { id } }`,
      { input: { id: `${runId}-s`, name: '青岛路街道' } },
      ADMIN,
    );
    const created = await postSigned(
      env,
      'registry',
      registry.url,
      `mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
      { input: { id: communityId, name: '青岛路社区', streetId: `${runId}-s`, urban: true } },
      ADMIN,
    );
    expect(created.errors).toBeUndefined();
    // The consumer must have joined its group before the backlog arrives.
    await eventually(
      async () => (await fetch(new URL('/health/ready', registry!.url)).then((r) => r.ok)) || undefined,
      120_000,
      'registry consumers to start',
    );

    const kafka = new Kafka({
      clientId: 'drill-backlog',
      brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
      logLevel: logLevel.NOTHING,
      ...kafkaAuthFromEnv(),
    });
    const producer = kafka.producer();
    await producer.connect();
    // One key, one partition: the consumer works through the backlog in order.
    await producer.send({
      topic: 'sanshe.activities.v1',
      messages: Array.from({ length: BACKLOG }, (_, i) => ({ key: communityId, value: JSON.stringify(publishedEvent(communityId, i)) })),
    });
    await producer.disconnect();

    // Kill it once it is a tenth of the way through (offsets committed and not, effects applied and not).
    const atKill = await eventually(
      async () => {
        const n = await effects();
        return n >= BACKLOG / 10 ? n : undefined;
      },
      120_000,
      'the consumer to work through part of the backlog',
    );
    await registry.kill('SIGKILL');
    const killedMidBatch = atKill < BACKLOG;

    registry = await startTarget('registry', 'subgraph', env);
    const recovered = await eventually(
      async () => {
        const n = await effects();
        return n >= BACKLOG ? n : undefined;
      },
      120_000,
      'every effect after the restart',
    ).catch(() => -1);
    await new Promise((r) => setTimeout(r, 3000));
    const finalEffects = await effects();
    const tally = await tallyEvents(
      'sanshe.activities.v1',
      (e) => e.type === PUBLISHED && (e.data as { communityId?: string })?.communityId === communityId,
      BACKLOG,
    );

    reportDrill('consumer killed mid-batch (registry)', {
      sent: BACKLOG,
      delivered: tally.distinct.size,
      'effects at the kill': atKill,
      'effects after restart': finalEffects,
      lost: Math.max(0, BACKLOG - finalEffects),
      doubled: Math.max(0, finalEffects - BACKLOG),
    });
    expect(killedMidBatch).toBe(true);
    expect(recovered).toBe(BACKLOG);
    expect(finalEffects).toBe(BACKLOG);
  }, 420_000);
});
