import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { connectMongo, kafkaAuthFromEnv } from '@sanshe/service-kit';
import { CommunityDirectory } from '@sanshe/community-directory';
import { subscribeFromRunStart, type Stack } from '@sanshe/test-env';

/** A community the activities service knows (as registry's community.created would have told it). */
export async function knownCommunity(stack: Stack, suffix = 'wuhan-road'): Promise<{ communityId: string; streetId: string }> {
  const communityId = `${stack.runId}-${suffix}`;
  const streetId = `${stack.runId}-street`;
  await new CommunityDirectory(stack.services.activities!.connection).rememberAll([
    { _id: communityId, name: '武汉路社区', streetId, urban: true },
  ]);
  return { communityId, streetId };
}

/** Stops the stack and drops the activities database it used: test databases would pile up in the shared store. */
export async function stopAndDrop(stack: Stack | undefined): Promise<void> {
  if (!stack) return;
  const name = stack.services.activities?.connection.name;
  await stack.stop();
  if (!name) return;
  const connection = await connectMongo(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', name);
  await connection.dropDatabase();
  await connection.close();
}

/** A local (UTC+8) date-time `days` from today, e.g. atLocal(3, '19:00') → "2026-11-30T19:00:00+08:00". */
export function atLocal(days: number, clock: string): string {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const date = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return `${date}T${clock}:00+08:00`;
}

/** The Monday at least `days` from today, as YYYY-MM-DD. */
export function mondayAfter(days: number): string {
  const d = new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000);
  d.setUTCDate(d.getUTCDate() + ((8 - (d.getUTCDay() || 7)) % 7));
  return d.toISOString().slice(0, 10);
}

export const minutesFromNow = (minutes: number): string => new Date(Date.now() + minutes * 60_000).toISOString();

export const EVERY_DAY = (opens: string, closes: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens, closes }));

const kafka = new Kafka({
  clientId: 'activities-test-reader',
  brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  logLevel: logLevel.NOTHING,
  ...kafkaAuthFromEnv(),
});

export interface RecordRead {
  event: Record<string, unknown> & { data: Record<string, unknown> };
  headers: Record<string, string>;
  key: string | null;
}

/**
 * Reads a topic from where this run started with a fresh consumer group until `count` distinct
 * events match. Delivery is at least once, so a redelivered event id counts once.
 */
export async function readEvents(
  topic: string,
  match: (event: RecordRead['event']) => boolean,
  count = 1,
  timeoutMs = 60_000,
): Promise<RecordRead[]> {
  const groupId = `activities-test-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await subscribeFromRunStart(kafka, consumer, groupId, topic);
  const found: RecordRead[] = [];
  try {
    return await new Promise<RecordRead[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${found.length} of ${count} matching records on ${topic}`)), timeoutMs);
      void consumer.run({
        eachMessage: async ({ message }) => {
          const event = JSON.parse(message.value!.toString()) as RecordRead['event'];
          if (!match(event) || found.some((f) => f.event.id === event.id)) return;
          const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
          found.push({ event, headers, key: message.key?.toString() ?? null });
          if (found.length >= count) {
            clearTimeout(timer);
            resolve(found);
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
}

export function errorOf(res: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) {
  return res.errors?.[0];
}
