import type { Consumer, Kafka } from 'kafkajs';
import { EventContracts, ensureTopics } from '@sanshe/service-kit';

/**
 * Where each event topic ended when this test process started its first stack. Readers of
 * the events a test caused start there instead of at the beginning, so a broker that has
 * seen many runs costs them nothing. Events written before that moment are not this test
 * file's own, whichever file wrote them.
 */
const runStart = new Map<string, Promise<{ partition: number; offset: string }[]>>();

/** Records the current end of every contract topic not recorded yet (called by startStack). */
export async function recordRunStart(kafka: Kafka): Promise<void> {
  const topics = new EventContracts().topics().filter((t) => !runStart.has(t));
  if (topics.length === 0) return;
  await ensureTopics(kafka, topics);
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const topic of topics) {
      const ends = admin.fetchTopicOffsets(topic).then((rows) => rows.map((r) => ({ partition: r.partition, offset: r.high })));
      runStart.set(topic, ends);
      await ends;
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * Subscribes a reader with a fresh group to `topic` from where this run started (see above),
 * or from the beginning for a topic no stack of this process has recorded.
 */
export async function subscribeFromRunStart(kafka: Kafka, consumer: Consumer, groupId: string, topic: string): Promise<void> {
  const start = runStart.get(topic);
  if (start) {
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.setOffsets({ groupId, topic, partitions: await start });
    } finally {
      await admin.disconnect();
    }
  }
  await consumer.subscribe({ topic, fromBeginning: true });
}
