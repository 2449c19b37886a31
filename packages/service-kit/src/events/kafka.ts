import { Kafka, logLevel, Partitioners, type ITopicConfig, type LogEntry, type ProducerConfig } from 'kafkajs';
import type { Logger } from '../logger';

export function createKafka(clientId: string, brokers: string[], logger: Logger): Kafka {
  const toPino = (level: logLevel) =>
    level === logLevel.ERROR ? 'error' : level === logLevel.WARN ? 'warn' : level === logLevel.INFO ? 'info' : 'debug';
  return new Kafka({
    clientId,
    brokers,
    connectionTimeout: 3000,
    retry: { initialRetryTime: 200, retries: 5, maxRetryTime: 5000 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        logger[toPino(level)]({ kafka: extra }, message);
      },
  });
}

/**
 * Options every producer of the kit starts from. The partitioner is named explicitly:
 * kafkajs 2 logs a notice on each producer created without one. DefaultPartitioner is
 * already kafkajs 2's default (Java-compatible murmur2), so keys land where they did.
 */
export const PRODUCER_DEFAULTS: Pick<ProducerConfig, 'createPartitioner'> = { createPartitioner: Partitioners.DefaultPartitioner };

export const TOPIC_PARTITIONS = 3;
/** Event topics keep records for 30 days so partners can replay a month. */
export const TOPIC_RETENTION_MS = String(30 * 24 * 3600 * 1000);

export function dlqTopicFor(groupId: string): string {
  return `sanshe.dlq.${groupId}`;
}

/** Creates topics that do not exist yet, with explicit partitions and retention; the replication factor is the broker default. */
export async function ensureTopics(kafka: Kafka, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing: ITopicConfig[] = topics
      .filter((t) => !existing.has(t))
      .map((topic) => ({
        topic,
        numPartitions: TOPIC_PARTITIONS,
        configEntries: [{ name: 'retention.ms', value: TOPIC_RETENTION_MS }],
      }));
    if (missing.length > 0) await admin.createTopics({ topics: missing, waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}
