/**
 * Counts the records on a topic that a drill cares about, from the beginning, with a
 * fresh consumer group: every record (duplicates included) and the distinct event ids.
 */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaAuthFromEnv } from '@sanshe/service-kit';

export interface Tally {
  records: number;
  distinct: Set<string>;
}

/**
 * Reads `topic` until `expected` distinct matching events arrived and then `settleMs`
 * passed without a new one (so late duplicates are counted too), or until `timeoutMs`.
 */
export async function tallyEvents(
  topic: string,
  match: (event: Record<string, unknown>) => boolean,
  expected: number,
  { timeoutMs = 120_000, settleMs = 3000 } = {},
): Promise<Tally> {
  const kafka = new Kafka({
    clientId: 'drill-tally',
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    logLevel: logLevel.NOTHING,
    ...kafkaAuthFromEnv(),
  });
  const consumer = kafka.consumer({ groupId: `drill-tally-${randomUUID()}` });
  const tally: Tally = { records: 0, distinct: new Set() };
  let lastNew = Date.now();
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        let event: Record<string, unknown>;
        try {
          event = JSON.parse(message.value?.toString() ?? 'null') as Record<string, unknown>;
        } catch {
          return;
        }
        if (!event || !match(event)) return;
        tally.records += 1;
        if (!tally.distinct.has(String(event.id))) {
          tally.distinct.add(String(event.id));
          lastNew = Date.now();
        }
      },
    });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && !(tally.distinct.size >= expected && Date.now() - lastNew >= settleMs)) {
      await new Promise((r) => setTimeout(r, 200));
    }
    return tally;
  } finally {
    await consumer.disconnect();
  }
}
