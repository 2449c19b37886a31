import { readFileSync } from 'node:fs';
import { Kafka, logLevel, Partitioners, type ITopicConfig, type KafkaConfig, type LogEntry, type ProducerConfig } from 'kafkajs';
import {
  TOPIC_PARTITIONS as CONTRACT_PARTITIONS,
  TOPIC_RETENTION_MS as CONTRACT_RETENTION_MS,
  dlqTopicFor as contractDlqTopicFor,
  topicConfigEntries,
} from '@sanshe/schemas/topics';
import { ConfigError, type BaseConfig } from '../config';
import './kafkajs-timers';
import type { Logger } from '../logger';

/** How a client logs in: kafkajs' own `sasl` and `ssl` options. */
export type KafkaAuth = Pick<KafkaConfig, 'sasl' | 'ssl'>;

type KafkaAuthConfig = Pick<
  BaseConfig,
  'NODE_ENV' | 'KAFKA_SASL_USERNAME' | 'KAFKA_SASL_PASSWORD' | 'KAFKA_SASL_MECHANISM' | 'KAFKA_SSL' | 'KAFKA_SSL_CA_FILE'
>;

/**
 * The login a process's config asks for. Production brokers authenticate every client over TLS,
 * so the production profile fails at start-up rather than trying an anonymous connection.
 */
export function kafkaAuthFromConfig(config: KafkaAuthConfig): KafkaAuth {
  if (config.NODE_ENV === 'production' && (!config.KAFKA_SASL_USERNAME || !config.KAFKA_SASL_PASSWORD || !config.KAFKA_SSL)) {
    throw new ConfigError(
      "Invalid configuration:\n  KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD and KAFKA_SSL=true are required in production (this service's own Kafka principal)",
    );
  }
  const ssl: KafkaAuth = config.KAFKA_SSL
    ? { ssl: config.KAFKA_SSL_CA_FILE ? { ca: [readFileSync(config.KAFKA_SSL_CA_FILE, 'utf8')] } : true }
    : {};
  if (!config.KAFKA_SASL_USERNAME) return ssl;
  return {
    ...ssl,
    sasl: { mechanism: config.KAFKA_SASL_MECHANISM, username: config.KAFKA_SASL_USERNAME, password: config.KAFKA_SASL_PASSWORD ?? '' },
  } as KafkaAuth;
}

/** The same, read straight from an env map: for tests and tools that build their own clients. */
export function kafkaAuthFromEnv(env: NodeJS.ProcessEnv = process.env): KafkaAuth {
  return kafkaAuthFromConfig({
    NODE_ENV: 'development',
    KAFKA_SASL_USERNAME: env.KAFKA_SASL_USERNAME ?? '',
    KAFKA_SASL_PASSWORD: env.KAFKA_SASL_PASSWORD ?? '',
    KAFKA_SASL_MECHANISM: env.KAFKA_SASL_MECHANISM === 'scram-sha-256' ? 'scram-sha-256' : 'scram-sha-512',
    KAFKA_SSL: env.KAFKA_SSL === 'true',
    ...(env.KAFKA_SSL_CA_FILE ? { KAFKA_SSL_CA_FILE: env.KAFKA_SSL_CA_FILE } : {}),
  });
}

export function createKafka(clientId: string, brokers: string[], logger: Logger, auth: KafkaAuth = {}): Kafka {
  const toPino = (level: logLevel) =>
    level === logLevel.ERROR ? 'error' : level === logLevel.WARN ? 'warn' : level === logLevel.INFO ? 'info' : 'debug';
  return new Kafka({
    clientId,
    brokers,
    ...auth,
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

/** The topic settings are the contracts' (schemas/topics.js): one place for operators, AsyncAPI and services. */
export const TOPIC_PARTITIONS = CONTRACT_PARTITIONS;
export const TOPIC_RETENTION_MS = String(CONTRACT_RETENTION_MS);

export function dlqTopicFor(groupId: string): string {
  return contractDlqTopicFor(groupId);
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
        configEntries: topicConfigEntries(),
      }));
    if (missing.length > 0) await admin.createTopics({ topics: missing, waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}
