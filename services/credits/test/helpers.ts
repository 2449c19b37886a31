import { TOPICS } from '@sanshe/schemas/generated/events';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { kafkaAuthFromEnv } from '@sanshe/service-kit';
import { eventually, startStack, type GraphQLResponse, type ServiceName, type Stack } from '@sanshe/test-env';

const kafka = new Kafka({
  clientId: 'credits-test-producer',
  brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  logLevel: logLevel.NOTHING,
  ...kafkaAuthFromEnv(),
});

/** A plain producer, as another context (or a replaying operator) would send. */
export async function withProducer<T>(use: (producer: Producer) => Promise<T>): Promise<T> {
  const producer = kafka.producer();
  await producer.connect();
  try {
    return await use(producer);
  } finally {
    await producer.disconnect();
  }
}

export function cloudEvent(type: string, source: string, subject: string, data: Record<string, unknown>, id: string = randomUUID()) {
  return { specversion: '1.0', id, source, type, subject, time: new Date().toISOString(), datacontenttype: 'application/json', data };
}

export const attendanceConfirmed = (
  f: { attendanceId: string; residentId: string; communityId: string; confirmedAt?: string; activityId?: string },
  id?: string,
) =>
  cloudEvent(
    'cn.sanshe.activities.attendance.confirmed.v1',
    'activities',
    f.activityId ?? 'activity-test',
    {
      activityId: f.activityId ?? 'activity-test',
      attendanceId: f.attendanceId,
      residentId: f.residentId,
      communityId: f.communityId,
      confirmedAt: f.confirmedAt ?? new Date().toISOString(),
    },
    id,
  );

export const volunteerHoursVerified = (f: {
  shiftId: string;
  residentId: string;
  communityId: string;
  hours: number;
  verifiedAt?: string;
}) =>
  cloudEvent('cn.sanshe.activities.volunteerHours.verified.v1', 'activities', 'activity-test', {
    shiftId: f.shiftId,
    activityId: 'activity-test',
    residentId: f.residentId,
    communityId: f.communityId,
    hours: f.hours,
    verifiedAt: f.verifiedAt ?? new Date().toISOString(),
  });

export const orderClosed = (f: { orderId: string; residentId: string; communityId: string; helperResidentIds: string[] }) =>
  cloudEvent('cn.sanshe.resident-services.order.closed.v1', 'resident-services', f.orderId, {
    orderId: f.orderId,
    number: `GD-${f.orderId}`,
    residentId: f.residentId,
    communityId: f.communityId,
    itemCode: 'ELDERLY-01',
    categoryCode: 'ELDERLY',
    providerOrgId: null,
    contractId: null,
    satisfaction: 5,
    resolvedOnTime: true,
    helperResidentIds: f.helperResidentIds,
    closedAt: new Date().toISOString(),
  });

export const communityCreated = (communityId: string, streetId: string) =>
  cloudEvent('cn.sanshe.registry.community.created.v1', 'registry', communityId, {
    communityId,
    name: `测试社区 ${communityId}`,
    streetId,
    urban: true,
  });

/** Sends records with one key, so they land on one partition and are handled in order. */
export async function send(topic: string, key: string, events: object[]): Promise<void> {
  await withProducer((producer) => producer.send({ topic, messages: events.map((e) => ({ key, value: JSON.stringify(e) })) }));
}

export function expectNoErrors<T>(res: GraphQLResponse<T>): T {
  if (res.errors) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

export const BALANCE = `query($id: ID!) { pointsAccount(residentId: $id) { balance earnedPoints } }`;
export const STATEMENT = `query($id: ID!, $from: String!, $to: String!) {
  pointsAccount(residentId: $id) {
    balance
    statement(from: $from, to: $to) {
      openingBalance closingBalance credited debited cappedPoints
      lines { postingId kind reason amount balanceAfter requestedAmount cappedAmount note ruleVersion sourceRef }
    }
  }
}`;

export async function balanceOf(stack: Stack, token: string, residentId: string): Promise<number | null> {
  const data = expectNoErrors(await stack.query<{ pointsAccount: { balance: number } | null }>(BALANCE, { id: residentId }, token));
  return data.pointsAccount?.balance ?? null;
}

/** Waits until the resident's balance is `expected` (events travel through Kafka). */
export function balanceBecomes(
  stack: Stack,
  token: string,
  residentId: string,
  expected: number,
  what = `balance ${expected}`,
): Promise<number> {
  return eventually(
    async () => ((await balanceOf(stack, token, residentId)) === expected ? expected : undefined),
    60_000,
    `${residentId} to reach ${what}`,
  );
}

/**
 * The ledger is whole: every balance, the issuing account's included, sums to zero. A
 * posting in flight has one leg written for a moment, so this waits for quiet.
 */
export async function expectLedgerWhole(stack: Stack): Promise<void> {
  const admin = await stack.token({ roles: ['DISTRICT_ADMIN'] });
  const sum = await eventually(
    async () => {
      const data = expectNoErrors(await stack.query<{ ledgerBalanceSum: number }>(`{ ledgerBalanceSum }`, {}, admin));
      return data.ledgerBalanceSum === 0 ? 0 : undefined;
    },
    20_000,
    'the ledger to sum to zero',
  );
  expect(sum).toBe(0);
}

/** The consumer groups of the credits service and the topics they read. */
const CREDITS_GROUPS: Record<string, string[]> = {
  'credits.activities': [TOPICS.ACTIVITIES_V1],
  'credits.resident-services': [TOPICS.RESIDENT_SERVICES_V1],
  'credits.residents': [TOPICS.REGISTRY_V1],
  'credits.known-communities': [TOPICS.REGISTRY_V1],
};

/**
 * Commits the stack's consumer groups at the current end of their topics before the
 * service starts. A new group would otherwise replay a month of every engineer's test
 * events on the shared broker; this way a test sees exactly what it sends, and nothing
 * it sends can be missed.
 */
async function startAtTheEnd(prefix: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = [...new Set(Object.values(CREDITS_GROUPS).flat())];
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length > 0)
      await admin.createTopics({ topics: missing.map((topic) => ({ topic, numPartitions: 3 })), waitForLeaders: true });
    const ends = new Map(await Promise.all(topics.map(async (topic) => [topic, await admin.fetchTopicOffsets(topic)] as const)));
    // Groups side by side; one group's topics one after the other (parallel commits to one group collide).
    await Promise.all(
      Object.entries(CREDITS_GROUPS).map(async ([group, groupTopics]) => {
        for (const topic of groupTopics) {
          await admin.setOffsets({
            groupId: `${prefix}${group}`,
            topic,
            partitions: ends.get(topic)!.map((p) => ({ partition: p.partition, offset: p.high })),
          });
        }
      }),
    );
  } finally {
    await admin.disconnect();
  }
}

/** Credits, and the other subgraphs a test joins it with in the graph. */
export async function startCredits(extra: NodeJS.ProcessEnv = {}, alongside: Exclude<ServiceName, 'credits'>[] = []): Promise<Stack> {
  const prefix = `credits-${randomUUID().slice(0, 8)}.`;
  await startAtTheEnd(prefix);
  return startStack([...alongside, 'credits'], { KAFKA_GROUP_PREFIX: prefix, CREDITS_MAINTENANCE_INTERVAL_MS: '500', ...extra });
}

/** A community credits knows of, as registry's event would have told it. */
export async function knownCommunity(stack: Stack, streetId = `${stack.runId}-street`): Promise<{ communityId: string; streetId: string }> {
  const communityId = `${stack.runId}-community-${randomUUID().slice(0, 8)}`;
  await send(TOPICS.REGISTRY_V1, communityId, [communityCreated(communityId, streetId)]);
  const directory = stack.services.credits!.connection.collection('known_communities');
  await eventually(
    async () => (await directory.findOne({ _id: communityId as never })) !== null,
    60_000,
    `credits to learn community ${communityId}`,
  );
  return { communityId, streetId };
}
